using System;
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
/// A handler that returns a <c>ValueTask</c> which does not complete synchronously is not awaited on the
/// poller thread (that would stall every socket on it): dispatch goes on with the next message, and a fault is
/// reported through <see cref="HandlerFaulted"/>. Use <see cref="LifelineEvents"/> for awaited, ordered handling.
/// </remarks>
public sealed class LifelineSocket : ISocketPollable, IDisposable
{
    private readonly ILifelineHandler _handler;
    private NetMQMessage? _message = new();

    /// <summary>Hosts <paramref name="handler"/> on a ROUTER: peers are told apart by routing id.</summary>
    /// <param name="socket">The socket, configured (hello, disconnect message) before it was bound or connected.</param>
    /// <param name="handler">A class marked [LifelineHandler].</param>
    public LifelineSocket(RouterSocket socket, ILifelineHandler handler) : this((NetMQSocket)socket, handler, isRouted: true)
    {
    }

    /// <summary>Hosts <paramref name="handler"/> on a PEER socket: peers are told apart by routing id.</summary>
    /// <param name="socket">The socket, configured before it was bound or connected.</param>
    /// <param name="handler">A class marked [LifelineHandler].</param>
    public LifelineSocket(PeerSocket socket, ILifelineHandler handler) : this((NetMQSocket)socket, handler, isRouted: true)
    {
    }

    /// <summary>Hosts <paramref name="handler"/> on a DEALER: server hellos are connections and reconnections.</summary>
    /// <param name="socket">The socket, configured before it was connected.</param>
    /// <param name="handler">A class marked [LifelineHandler].</param>
    public LifelineSocket(DealerSocket socket, ILifelineHandler handler) : this((NetMQSocket)socket, handler, isRouted: false)
    {
    }

    private LifelineSocket(NetMQSocket socket, ILifelineHandler handler, bool isRouted)
    {
        Socket = socket ?? throw new ArgumentNullException(nameof(socket));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        Session = new LifelineSession(isRouted);
        Socket.ReceiveReady += OnReceiveReady;
    }

    /// <summary>Raised on the dispatching thread when an asynchronous handler faults after returning.</summary>
    public event EventHandler<Exception>? HandlerFaulted;

    /// <summary>The hosted socket; this is what a poller polls.</summary>
    public NetMQSocket Socket { get; }

    /// <summary>Presence (peers and their hellos) and connection state.</summary>
    public LifelineSession Session { get; }

    /// <summary>Lifecycle frames longer than this are reported as <see cref="MalformedReason.TooLarge"/>, never decoded.</summary>
    public int MaxFrameSize { get; init; } = LifelineFrame.DefaultMaxFrameSize;

    /// <summary>
    /// Whether the <see cref="NetMQMessage"/> given to <c>OnMessage</c> is reused for the next receive (the default).
    /// Copy what you keep; set false to get a new message every time.
    /// </summary>
    public bool ReusesMessages { get; init; } = true;

    /// <summary>True once disposed.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>Waits up to <paramref name="timeout"/> for one message and dispatches it.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when a message was dispatched.</returns>
    public bool TryProcess(TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var peer = PeerId.None;
        if (Session.IsRouted)
        {
            // The routing id is received on its own, so the payload lands in the reused message as is: removing the
            // id frame from a received message afterwards showed up in the ROUTER throughput profile.
            if (!Socket.TryReceiveFrameBytes(timeout, out var routingId, out var more))
            {
                return false;
            }

            peer = PeerId.Wrap(routingId);
            if (!more)
            {
                return true;
            }

            // The rest of a multipart message is already here: ZeroMQ delivers messages whole.
            timeout = TimeSpan.Zero;
        }

        if (!Socket.TryReceiveMultipartMessage(timeout, ref _message))
        {
            return false;
        }

        // Handlers get the message for the duration of the call (like NetMQ's own receive loops), so it is reused;
        // hosts whose handler keeps messages (the event stream) ask for a fresh one each time.
        var message = _message!;
        if (!ReusesMessages)
        {
            _message = new NetMQMessage();
        }

        Observe(LifelineDispatcher.DispatchPayloadAsync(_handler, Session, peer, message, MaxFrameSize));
        return true;
    }

    /// <summary>Stops dispatching; the socket itself is not disposed (it belongs to the caller).</summary>
    public void Dispose()
    {
        if (!IsDisposed)
        {
            IsDisposed = true;
            Socket.ReceiveReady -= OnReceiveReady;
        }
    }

    private void OnReceiveReady(object? sender, NetMQSocketEventArgs e)
    {
        // Drain what is queued now; the poller calls again when more arrives.
        while (!IsDisposed && TryProcess(TimeSpan.Zero))
        {
        }
    }

    private void Observe(ValueTask dispatch)
    {
        if (dispatch.IsCompletedSuccessfully)
        {
            return;
        }

        if (dispatch.IsCompleted)
        {
            // A synchronous fault: the handler threw on this thread, so the caller should see it.
            dispatch.GetAwaiter().GetResult();
            return;
        }

        _ = dispatch.AsTask().ContinueWith(
            t => HandlerFaulted?.Invoke(this, t.Exception!.GetBaseException()),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
