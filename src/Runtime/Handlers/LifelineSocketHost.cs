using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline;

/// <summary>
/// Runs a handler on a ROUTER, PEER or DEALER socket. Add it to a <see cref="NetMQPoller"/> like a socket: every
/// message the poller sees ready is read, classified and dispatched on the poller's thread. Without a poller,
/// call <see cref="TryProcess"/>.
/// </summary>
/// <remarks>
/// <para>
/// Handlers run one at a time, in arrival order, per socket. A handler that returns a <c>ValueTask</c> that is not
/// complete holds the socket: no further message is received until it completes (on a poller, the socket leaves
/// the poll set meanwhile, and other sockets of the poller keep being served; with <see cref="TryProcess"/>, the call
/// waits). So per peer the order is always hello, then its messages, then its disconnect, and the message a pending
/// handler holds is never received into again. A slow handler slows its socket; ZeroMQ's high-water mark then
/// pushes back on peers.
/// </para>
/// <para>
/// An exception from a handler (thrown, or a faulted <c>ValueTask</c>) never stops the poller: it is reported through
/// <see cref="HandlerFaulted"/> (or to <see cref="Trace"/> when nobody listens) and the next message is served.
/// Presence does not depend on handlers: a peer whose <c>OnPeerConnected</c> threw is present until it leaves.
/// </para>
/// </remarks>
public sealed class LifelineSocketHost : ISocketPollable, IDisposable
{
    private readonly SocketFeed _feed;
    private readonly HandlerRunner _runner;

    // The poller's context once it called the host: where a DEALER's connection drop is reported from another thread.
    private volatile SynchronizationContext? _poller;

    /// <summary>Hosts <paramref name="handler"/> on a ROUTER: peers are told apart by routing id.</summary>
    /// <param name="socket">The socket, configured (hello, disconnect message) before it was bound or connected.</param>
    /// <param name="handler">A class marked [LifelineHandler].</param>
    /// <param name="limits">The bounds on what peers may make the host spend; <see cref="LifelineLimits.Default"/> when null.</param>
    public LifelineSocketHost(RouterSocket socket, ILifelineHandler handler, LifelineLimits? limits = null) : this((NetMQSocket)socket, handler, isRouted: true, limits)
    {
    }

    /// <summary>Hosts <paramref name="handler"/> on a PEER socket: peers are told apart by routing id.</summary>
    /// <param name="socket">The socket, configured before it was bound or connected.</param>
    /// <param name="handler">A class marked [LifelineHandler].</param>
    /// <param name="limits">The bounds on what peers may make the host spend; <see cref="LifelineLimits.Default"/> when null.</param>
    public LifelineSocketHost(PeerSocket socket, ILifelineHandler handler, LifelineLimits? limits = null) : this((NetMQSocket)socket, handler, isRouted: true, limits)
    {
    }

    /// <summary>Hosts <paramref name="handler"/> on a DEALER: the server's hello opens each connection.</summary>
    /// <param name="socket">The socket, configured before it was connected.</param>
    /// <param name="handler">A class marked [LifelineHandler].</param>
    /// <param name="limits">The bounds on what peers may make the host spend; <see cref="LifelineLimits.Default"/> when null.</param>
    public LifelineSocketHost(DealerSocket socket, ILifelineHandler handler, LifelineLimits? limits = null) : this((NetMQSocket)socket, handler, isRouted: false, limits)
    {
    }

    private LifelineSocketHost(NetMQSocket socket, ILifelineHandler handler, bool isRouted, LifelineLimits? limits)
    {
        Guard.NotNull(socket);
        Guard.NotNull(handler);
        _runner = new HandlerRunner(handler, Report);
        Limits = limits ?? LifelineLimits.Default;
        _feed = new SocketFeed(socket, isRouted, handler.Catalog, Limits.MaxFrameSize);
        _feed.ReceiveFaulted += exception => Report(new LifelineHandlerFaultedEventArgs(PeerId.None, ReceiveHandler, exception));
        _feed.Dropped += OnDropped;
        Socket.ReceiveReady += OnReceiveReady;
    }

    /// <summary>
    /// The <see cref="LifelineHandlerFaultedEventArgs.Handler"/> of a fault that NetMQ raised while receiving, not a
    /// handler: the host contained it and went on serving.
    /// </summary>
    public const string ReceiveHandler = "NetMQ receive";

    /// <summary>
    /// Raised on the dispatching thread when a handler throws or its <c>ValueTask</c> faults, and when NetMQ throws
    /// from a receive on a defect of its own that the host contained (<see cref="ReceiveHandler"/>).
    /// </summary>
    public event EventHandler<LifelineHandlerFaultedEventArgs>? HandlerFaulted;

    /// <summary>The hosted socket; this is what a poller polls.</summary>
    public NetMQSocket Socket => _feed.Socket;

    /// <summary>Presence (peers and their hellos) and connection state.</summary>
    public LifelineSession Session => _feed.Session;

    /// <summary>The bounds this host applies (<see cref="LifelineLimits.MaxFrameSize"/> also bounds the socket's <c>MaxMsgSize</c>).</summary>
    public LifelineLimits Limits { get; }

    /// <summary>
    /// Whether the <see cref="NetMQMessage"/> given to <c>OnMessage</c> is reused for the next receive (the default).
    /// It is never reused while a handler that holds it is pending. Copy what you keep beyond the handler's
    /// completion; set false to get a new message every time.
    /// </summary>
    public bool ReusesMessages
    {
        get => _feed.ReusesMessages;
        init => _feed.ReusesMessages = value;
    }

    /// <summary>True once disposed.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for one message and dispatches it. A handler still pending from the
    /// previous call is waited for first.
    /// </summary>
    /// <param name="timeout">How long to wait for a message.</param>
    /// <returns>True when a message was dispatched.</returns>
    public bool TryProcess(TimeSpan timeout)
    {
        Guard.NotDisposed(IsDisposed, this);
        _runner.WaitForPending();
        if (!_feed.TryNext(timeout, out var lifecycleEvent, out var message))
        {
            return false;
        }

        if (_runner.Dispatch(lifecycleEvent, message, onPoller: false) is { } pending)
        {
            _runner.Hold(pending, lifecycleEvent);
            _runner.WaitForPending();
        }

        return true;
    }

    /// <summary>Stops dispatching; the socket itself is not disposed (it belongs to the caller).</summary>
    public void Dispose()
    {
        if (!IsDisposed)
        {
            IsDisposed = true;
            Socket.ReceiveReady -= OnReceiveReady;
            _feed.Dispose();
        }
    }

    // On the watching thread: have the poller process now, so the drop is reported without waiting for a message.
    private void OnDropped()
    {
        var poller = _poller;
        if (poller is null || IsDisposed)
        {
            return;
        }

        try
        {
            poller.Post(static state => ((LifelineSocketHost)state!).OnReceiveReady(null, null!), this);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or TaskSchedulerException)
        {
            // The poller is gone.
        }
    }

    private void OnReceiveReady(object? sender, NetMQSocketEventArgs e)
    {
        _poller ??= SynchronizationContext.Current;
        // Drain what is queued now; the poller calls again when more arrives.
        while (!IsDisposed && !_runner.IsPending && _feed.TryNext(TimeSpan.Zero, out var lifecycleEvent, out var message))
        {
            if (_runner.Dispatch(lifecycleEvent, message, onPoller: true) is { } pending)
            {
                Suspend(pending, lifecycleEvent);
            }
        }
    }

    // On a poller: the socket leaves the poll set until the handler completes, then comes back on the poller's thread.
    private void Suspend(Task pending, in LifecycleEvent lifecycleEvent)
    {
        var context = _runner.PollerContextFor(SynchronizationContext.Current);
        _runner.Hold(pending, lifecycleEvent);
        if (context is null)
        {
            // Not on a poller's thread: nothing to come back to, so wait here, which keeps the order all the same.
            _runner.WaitForPending();
            return;
        }

        Socket.ReceiveReady -= OnReceiveReady;
        pending.ContinueWith(
            static (_, state) =>
            {
                var (self, poller) = ((LifelineSocketHost, PollerContext))state!;
                poller.Post(static s => ((LifelineSocketHost)s!).Resumed(), self);
            },
            (this, context),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Resumed()
    {
        // Report what the handler did even when the host is gone; then serve nothing more.
        _runner.CompletePending();
        if (IsDisposed)
        {
            return;
        }

        Socket.ReceiveReady += OnReceiveReady;
        OnReceiveReady(this, null!);
    }

    private void Report(LifelineHandlerFaultedEventArgs args)
    {
        var listeners = HandlerFaulted;
        if (listeners is null)
        {
            Trace.TraceError("Lifeline: {0}", args);
            return;
        }

        try
        {
            listeners(this, args);
        }
        catch (Exception ex)
        {
            // A listener that throws must not stop the poller either.
            Trace.TraceError("Lifeline: a HandlerFaulted listener threw {0} while reporting: {1}", ex, args);
        }
    }
}
