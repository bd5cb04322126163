using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline.Hosting;

/// <summary>
/// A hosted socket from start to stop: the socket, the handler class (activated in a DI scope of its own), the
/// runtime's socket host, the sender and the poller's thread. Stopping takes no new message, lets a
/// running handler finish within the host's shutdown timeout, sends what was queued, ends the thread, then closes the
/// socket with its bounded linger.
/// </summary>
internal sealed class RunningSocket
{
    private static readonly TimeSpan ThreadStopTimeout = TimeSpan.FromSeconds(5);

    private readonly SocketService _service;
    private readonly Parts _parts;
    private readonly PollerThread _thread;

    private RunningSocket(SocketService service, Parts parts, LifelineSocketOptions options)
    {
        _service = service;
        _parts = parts;
        Options = options;
        var timers = parts.PresenceTimer is null ? Array.Empty<NetMQTimer>() : [parts.PresenceTimer];
        _thread = new PollerThread($"Lifeline {service.Hub.Name}", [parts.Host], timers, service.Telemetry.PollerFaulted, service.Sends.Drain);
    }

    public LifelineSocketOptions Options { get; }

    public LifelineSession Session => _parts.Host.Session;

    /// <summary>The endpoints as bound (a tcp port 0 resolved) and connected.</summary>
    public IReadOnlyList<string> Endpoints => _parts.Endpoints;

    /// <summary>Whether the poller serves the socket now.</summary>
    public bool IsServing => _thread.IsAlive && _thread.IsPolling && !_parts.Host.IsDisposed;

    /// <summary>The socket's thread, for tests: it must end when the host stops.</summary>
    internal PollerThread Thread => _thread;

    /// <summary>The socket, for tests: it must be disposed when the host stops.</summary>
    internal NetMQSocket Socket => _parts.Socket;

    public static async Task<RunningSocket> StartAsync(SocketService service, LifelineSocketOptions options, IServiceProvider services, CancellationToken cancellationToken)
    {
        var running = new RunningSocket(service, Parts.Create(service, options, services), options);
        try
        {
            service.Sends.Open(running._thread.Post, running._parts.Sender, options.SendQueueCapacity, running._thread.ThreadId);
            await Tasks.WaitAsync(running._thread.StartAsync(), cancellationToken).ConfigureAwait(false);
            return running;
        }
        catch
        {
            await running.StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops serving; <paramref name="cancellationToken"/> is the host's shutdown timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // 1. No new message: the socket host stops dispatching, on the socket's thread.
        Task? inFlight = null;
        await OnSocketThread(() =>
        {
            _parts.Host.Dispose();
            inFlight = _parts.Observed.InFlight;
        }, cancellationToken).ConfigureAwait(false);

        // 2. A handler still running finishes, on the poller (its awaits come back there), within the timeout.
        if (inFlight is { IsCompleted: false })
        {
            try
            {
                await Tasks.WaitAsync(inFlight, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                HubLog.ShutdownTimedOut(_service.Telemetry.Logger, _service.Hub.Name);
            }
            catch (Exception)
            {
                // Its fault is the socket host's to report.
            }
        }

        // 3. What was queued until now is sent; later sends are refused.
        _service.Sends.Close();
        await OnSocketThread(_service.Sends.Drain, cancellationToken).ConfigureAwait(false);

        // 4. The thread ends; then the socket is closed, with its bounded linger. A thread that a blocking handler holds
        // keeps its socket: closing a NetMQ socket under the thread using it would fail there instead.
        if (!_thread.Stop(ThreadStopTimeout))
        {
            HubLog.ThreadStuck(_service.Telemetry.Logger, _service.Hub.Name);
            _service.Sends.Refuse();
            return;
        }

        _service.Sends.Refuse();
        await _parts.DisposeAsync().ConfigureAwait(false);
    }

    private async Task OnSocketThread(Action action, CancellationToken cancellationToken)
    {
        try
        {
            await _thread.RunAsync(action, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The poller is gone or the timeout ran out: go on closing.
        }
    }

    /// <summary>What a running socket is made of, created together and released together.</summary>
    private sealed class Parts
    {
        private SocketService _service = null!;
        private IServiceScope? _scope;
        private ILifelineHandler? _hub;
        private LifelineSocketOptions _options = null!;

        public NetMQSocket Socket { get; private set; } = null!;

        public ObservedHandler Observed { get; private set; } = null!;

        public LifelineSocketHost Host { get; private set; } = null!;

        public SocketSender Sender { get; private set; } = null!;

        public NetMQTimer? PresenceTimer { get; private set; }

        public IReadOnlyList<string> Endpoints { get; private set; } = [];

        public static Parts Create(SocketService service, LifelineSocketOptions options, IServiceProvider services)
        {
            var parts = new Parts { _service = service, _options = options, Socket = SocketFactory.Create(options, services) };
            try
            {
                parts.Build(services);
                return parts;
            }
            catch
            {
                parts.DisposeAsync().AsTask().GetAwaiter().GetResult();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            _service.Context.Session = null;
            if (Host is not null)
            {
                Host.Session.PresenceChanged -= _service.OnPresenceChanged;
                Host.Dispose();
            }

            if (PresenceTimer is not null)
            {
                PresenceTimer.Enable = false;
            }

            Socket.Options.Linger = _options.Linger;
            Socket.Dispose();
            switch (_hub)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }

            if (_scope is IAsyncDisposable asyncScope)
            {
                await asyncScope.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                _scope?.Dispose();
            }
        }

        private void Build(IServiceProvider services)
        {
            var telemetry = _service.Telemetry;
            _scope = services.CreateScope();
            _hub = HubActivator.Create(_service.Hub.Type, _scope.ServiceProvider, _service.Context, out var tookContext);
            Observed = new ObservedHandler(_hub, _service.Context, telemetry, messagesNeedContext: tookContext);
            var limits = new LifelineLimits { MaxFrameSize = _options.MaxFrameSize };
            Host = Socket is RouterSocket router
                ? new LifelineSocketHost(router, Observed, limits) { ReusesMessages = _options.ReusesMessages }
                : new LifelineSocketHost((DealerSocket)Socket, Observed, limits) { ReusesMessages = _options.ReusesMessages };
            Host.HandlerFaulted += (_, fault) => telemetry.HandlerFaulted(fault);
            Host.Session.PresenceChanged += _service.OnPresenceChanged;
            _service.Context.Session = Host.Session;
            Sender = new SocketSender(Socket, Host.Session, telemetry);
            if (_options.PresenceLogInterval is { } interval)
            {
                var session = Host.Session;
                PresenceTimer = new NetMQTimer(interval);
                PresenceTimer.Elapsed += (_, _) => telemetry.ReportPresence(session.GetSnapshot());
            }

            Endpoints = SocketFactory.Attach(Socket, _options);
        }
    }
}
