using System;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Linq;
using Lifeline;
using Lifeline.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Hosts a [LifelineHandler] class on the generic host: its socket, poller and thread start and stop with the host,
/// the class is activated from dependency injection, and <see cref="ILifelineSender{THub}"/>,
/// <see cref="ILifelinePresence{THub}"/>, <see cref="ILifelineStatus{THub}"/> and <see cref="LifelineHealthCheck{THub}"/>
/// become resolvable.
/// </summary>
public static class LifelineServiceCollectionExtensions
{
    /// <summary>
    /// Hosts <typeparamref name="THub"/> on a ROUTER: a server that peers connect to. The options are named after the
    /// hub's full type name; bind them to configuration with the returned builder
    /// (<c>.BindConfiguration("Lifeline:Jobs")</c>).
    /// </summary>
    /// <typeparam name="THub">A class marked [LifelineHandler]; its constructor may take any service and an <see cref="ILifelineContext"/>.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options in code (endpoints, hello, disconnect record, bounds).</param>
    /// <returns>The builder of the hub's options.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="THub"/> is already hosted.</exception>
    public static OptionsBuilder<LifelineRouterOptions> AddLifelineRouter<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THub>(
        this IServiceCollection services, Action<LifelineRouterOptions>? configure = null)
        where THub : class, ILifelineHandler =>
        Add<THub, LifelineRouterOptions>(services, isRouter: true, configure);

    /// <summary>
    /// Hosts <typeparamref name="THub"/> on a DEALER: a client of one server, which it reconnects to by itself. The
    /// options are named after the hub's full type name.
    /// </summary>
    /// <typeparam name="THub">A class marked [LifelineHandler]; its constructor may take any service and an <see cref="ILifelineContext"/>.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options in code (the server's endpoint, hello, bounds).</param>
    /// <returns>The builder of the hub's options.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="THub"/> is already hosted.</exception>
    public static OptionsBuilder<LifelineDealerOptions> AddLifelineDealer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THub>(
        this IServiceCollection services, Action<LifelineDealerOptions>? configure = null)
        where THub : class, ILifelineHandler =>
        Add<THub, LifelineDealerOptions>(services, isRouter: false, configure);

    private static OptionsBuilder<TOptions> Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THub, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services, bool isRouter, Action<TOptions>? configure)
        where THub : class, ILifelineHandler
        where TOptions : LifelineSocketOptions
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (services.Any(descriptor => descriptor.ServiceType == typeof(SocketService<THub>)))
        {
            throw new InvalidOperationException($"{typeof(THub).FullName} is already hosted: one socket per handler class");
        }

        var hub = new HubDescriptor(typeof(THub), isRouter);
        services.TryAddSingleton(provider => new LifelineMetrics(provider.GetService<IMeterFactory>()));
        services.AddSingleton(provider => new SocketService<THub>(new SocketService(
            hub,
            provider,
            () => provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(hub.OptionsName),
            provider.GetRequiredService<LifelineMetrics>(),
            provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance)));
        services.AddHostedService(provider => new HostedSocket<THub>(provider.GetRequiredService<SocketService<THub>>()));
        services.AddSingleton<ILifelineSender<THub>>(provider => new HubSender<THub>(provider.GetRequiredService<SocketService<THub>>()));
        services.AddSingleton<ILifelinePresence<THub>>(provider => new HubPresence<THub>(provider.GetRequiredService<SocketService<THub>>()));
        services.AddSingleton<ILifelineStatus<THub>>(provider => new HubStatus<THub>(provider.GetRequiredService<SocketService<THub>>()));
        services.AddSingleton(provider => new LifelineHealthCheck<THub>(provider.GetRequiredService<SocketService<THub>>()));
        services.AddSingleton<IValidateOptions<TOptions>>(new LifelineOptionsValidator<TOptions>(hub.OptionsName));
        var options = services.AddOptions<TOptions>(hub.OptionsName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return options;
    }
}
