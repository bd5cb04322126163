using System;
using NetMQ;

namespace Lifeline;

/// <summary>
/// Receives from one ROUTER, PEER or DEALER socket and classifies each message through a <see cref="LifecycleCore"/>:
/// the receive loop that the handler host and the event stream share.
/// </summary>
internal sealed class SocketFeed : IDisposable
{
    private readonly LifecycleCore _core;
    private readonly ConnectionWatch? _watch;
    private readonly bool _isRouted;
    private NetMQMessage _message = new();
    private (PeerId Peer, NetMQMessage Message)? _deferred;

    public SocketFeed(NetMQSocket socket, bool isRouted, ILifelineCatalog catalog, int maxFrameSize)
    {
        Socket = socket;
        _isRouted = isRouted;
        _core = new LifecycleCore(isRouted, catalog, isRouted ? SocketSetup.EnsureSealedDisconnect(socket) : null, maxFrameSize);
        SocketSetup.BoundMessageSize(socket, maxFrameSize);
        _watch = isRouted ? null : new ConnectionWatch(socket);
    }

    public NetMQSocket Socket { get; }

    /// <summary>Raised on another thread when a DEALER's connection drops: the host should process soon.</summary>
    public event Action? Dropped
    {
        add
        {
            if (_watch is not null)
            {
                _watch.Dropped += value;
            }
        }

        remove
        {
            if (_watch is not null)
            {
                _watch.Dropped -= value;
            }
        }
    }

    public LifelineSession Session => _core.Session;

    /// <summary>Whether the message handed out is received into again next time (false: a new one each time).</summary>
    public bool ReusesMessages { get; set; } = true;

    /// <summary>Waits up to <paramref name="timeout"/> for the next message and classifies it.</summary>
    /// <returns>False when nothing arrived.</returns>
    public bool TryNext(TimeSpan timeout, out LifecycleEvent lifecycleEvent, out NetMQMessage? message)
    {
        if (_isRouted)
        {
            // ROUTER and PEER, the servers' hot path, kept flat: receive, classify.
            if (!TryReceive(timeout, out var from, out var payload))
            {
                message = null;
                lifecycleEvent = default;
                return false;
            }

            message = payload;
            lifecycleEvent = _core.Classify(from, payload);
            return true;
        }

        if (_deferred is { } held)
        {
            // A hello that arrived behind a connection drop, reported first; now the hello itself.
            _deferred = null;
            message = held.Message;
            lifecycleEvent = _core.Classify(held.Peer, held.Message);
            return true;
        }

        if (!TryReceive(timeout, out var peer, out var received))
        {
            message = null;
            lifecycleEvent = default;
            if (_watch!.TryTakeDrop())
            {
                lifecycleEvent = _core.ConnectionLost();
                return true;
            }

            return false;
        }

        // A DEALER's drop is looked at when it matters: when a hello arrives, which opens a connection only after a
        // drop (the leftovers of the old connection were read before it), and when the socket is idle.
        if (IsHello(received) && _watch!.TryTakeDrop())
        {
            _deferred = (peer, received);
            message = null;
            lifecycleEvent = _core.ConnectionLost();
            return true;
        }

        message = received;
        lifecycleEvent = _core.Classify(peer, received);
        return true;
    }

    private static bool IsHello(NetMQMessage message) =>
        message.FrameCount == 1 && FrameShapes.Of(message.First.Buffer.AsSpan(0, message.First.MessageSize), out _) == FrameShape.Hello;

    /// <summary>Raised when NetMQ throws from a receive on a defect of its own; the feed goes on with the next message.</summary>
    public event Action<Exception>? ReceiveFaulted;

    private bool TryReceive(TimeSpan timeout, out PeerId peer, out NetMQMessage received)
    {
        peer = PeerId.None;
        received = _message;
        try
        {
            if (_isRouted)
            {
                // The routing id is received on its own, so the payload lands in the reused message as is: removing
                // the id frame from a received message afterwards showed up in the ROUTER throughput profile.
                // (A routed socket always sends the routing id with a payload; an id alone carries nothing.)
                if (!Socket.TryReceiveFrameBytes(timeout, out var routingId, out var more) || !more)
                {
                    return false;
                }

                peer = PeerId.Wrap(routingId);

                // The rest of a multipart message is already here: ZeroMQ delivers messages whole.
                timeout = TimeSpan.Zero;
            }

            if (!Socket.TryReceiveMultipartMessage(timeout, ref received!))
            {
                return false;
            }
        }
        catch (ArgumentException ex)
        {
            // NetMQ 4.0.4.5 assigns ROUTER routing ids from a counter without checking them against ids peers chose:
            // a peer that took the next one makes Router.IdentifyPeer throw here, while attaching the next ordinary
            // peer (docs/netmq-defects.md). That peer's pipe is lost; every other peer is still served.
            ReceiveFaulted?.Invoke(ex);
            return false;
        }

        _message = ReusesMessages ? received : new NetMQMessage();
        return true;
    }

    public void Dispose() => _watch?.Dispose();
}
