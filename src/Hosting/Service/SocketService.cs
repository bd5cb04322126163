using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Lifeline.Hosting;

/// <summary>
/// One hosted socket over the host's lifetime: its sender, context and presence exist from registration on; the socket,
/// its handler class and its thread (<see cref="RunningSocket"/>) from start to stop.
/// </summary>
internal sealed class SocketService
{
    private readonly IServiceProvider _services;
    private readonly Func<LifelineSocketOptions> _options;
    private RunningSocket? _running;

    /// <summary>A hosted socket; <paramref name="options"/> are read when it starts (and validated then).</summary>
    public SocketService(HubDescriptor hub, IServiceProvider services, Func<LifelineSocketOptions> options, LifelineMetrics metrics, ILoggerFactory loggers)
    {
        Hub = hub;
        _services = services;
        _options = options;
        Telemetry = new HubTelemetry(hub.Name, loggers.CreateLogger(LifelineTelemetry.LogCategory), metrics);
        Telemetry.WatchQueue(() => Sends!.Count);
        Sends = new SendQueue(Telemetry);
        Context = new HubContext(Sends);
    }

    public HubDescriptor Hub { get; }

    public HubTelemetry Telemetry { get; }

    public SendQueue Sends { get; }

    public HubContext Context { get; }

    /// <summary>Raised on the socket's thread after presence changed.</summary>
    public event EventHandler<LifelinePresenceChangedEventArgs>? PresenceChanged;

    public LifelinePresence Presence => _running?.Session.GetSnapshot() ?? LifelinePresence.Empty;

    /// <summary>The running socket, for the health check; null when not running.</summary>
    public RunningSocket? Running => _running;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_running is not null)
        {
            throw new InvalidOperationException($"the Lifeline socket of {Hub.Name} is already running");
        }

        var options = _options();
        var telemetry = Telemetry;
        telemetry.Apply(options);
        try
        {
            _running = await RunningSocket.StartAsync(this, options, _services, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            HubLog.StartFailed(telemetry.Logger, ex, Hub.Name, SocketFactory.Describe(options.Bind.Concat(options.Connect)));
            throw;
        }

        HubLog.Started(telemetry.Logger, Hub.Name, Hub.SocketType, SocketFactory.Describe(_running.Endpoints));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = Interlocked.Exchange(ref _running, null);
        if (running is null)
        {
            return;
        }

        HubLog.Stopping(Telemetry.Logger, Hub.Name);
        await running.StopAsync(cancellationToken).ConfigureAwait(false);
        HubLog.Stopped(Telemetry.Logger, Hub.Name);
    }

    internal void OnPresenceChanged(object? sender, LifelinePresenceChangedEventArgs change)
    {
        Telemetry.PresenceChanged(change);
        var listeners = PresenceChanged;
        if (listeners is null)
        {
            return;
        }

        foreach (EventHandler<LifelinePresenceChangedEventArgs> listener in listeners.GetInvocationList())
        {
            try
            {
                listener(sender, change);
            }
            catch (Exception ex)
            {
                Telemetry.HandlerFaulted(change.Peer, "ILifelinePresence.Changed", ex);
            }
        }
    }
}
