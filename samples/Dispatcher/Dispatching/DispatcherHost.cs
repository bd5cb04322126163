using System;
using Lifeline.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatcher.Dispatching;

/// <summary>The dispatcher service on the generic host: the whole Lifeline part is the AddLifelineRouter call.</summary>
public static class DispatcherHost
{
    public static IHost Build(JobBoard board, int generation, string endpoint)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        builder.Services.AddSingleton(board);
        builder.Services.AddSingleton<JobDispatcher>();
        builder.Services.AddLifelineRouter<DispatcherHub>(options =>
        {
            options.Bind.Add(endpoint);
            options.SetHello(new DispatcherHello("dispatcher", generation));
            options.SetDisconnectMessage(new WorkerGone("connection lost"));
            options.HeartbeatInterval = TimeSpan.FromSeconds(1);      // a frozen worker counts as gone after 3 s
            options.PresenceLogInterval = TimeSpan.FromSeconds(2);
        }).BindConfiguration("Dispatcher");                          // appsettings.json or DISPATCHER__* may override
        builder.Services.AddHealthChecks().AddCheck<LifelineHealthCheck<DispatcherHub>>("dispatcher");
        return builder.Build();
    }
}
