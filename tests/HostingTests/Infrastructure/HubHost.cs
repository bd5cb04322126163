using System;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Lifeline.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Lifeline.HostingTests.Infrastructure;

/// <summary>A real generic host (Host.CreateApplicationBuilder) with fake logging, metrics and the hubs a test registers.</summary>
public sealed class HubHost : IAsyncDisposable
{
    private bool _stopped;

    private HubHost(IHost host) => Host = host;

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>What the hosted sockets logged (the generic host's own lines are left out: its event ids overlap).</summary>
    public FakeLogCollector Logs => Host.Services.GetFakeLogCollector();

    public IMeterFactory Meters => Host.Services.GetRequiredService<IMeterFactory>();

    public static HubHost Build(Action<HostApplicationBuilder> configure, TimeSpan? shutdownTimeout = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFakeLogging(options => options.FilteredCategories.Add(LifelineTelemetry.LogCategory));
        builder.Services.AddMetrics();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = shutdownTimeout ?? Wait.Timeout);
        builder.Services.AddSingleton<Journal>();
        configure(builder);
        return new HubHost(builder.Build());
    }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public Journal Journal => Get<Journal>();

    public Task StartAsync() => Wait.Within(Host.StartAsync(), "the host to start");

    public async Task StopAsync()
    {
        _stopped = true;
        using var timeout = new CancellationTokenSource(Wait.Timeout);
        await Host.StopAsync(timeout.Token);
    }

    /// <summary>Where peers reach the socket of <typeparamref name="THub"/> (a tcp port 0 resolved).</summary>
    public string EndpointOf<THub>() where THub : class =>
        Get<ILifelineStatus<THub>>().Endpoints.FirstOrDefault() ?? throw new InvalidOperationException("not running");

    internal SocketService ServiceOf<THub>() where THub : class => Get<SocketService<THub>>().Socket;

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }

        Host.Dispose();
    }
}
