using NetMQ;

namespace Lifeline;

/// <summary>One typed lifecycle event, as delivered by <see cref="LifelineEvents"/>: the same events the generated handlers receive.</summary>
/// <param name="Peer">The peer concerned (<see cref="PeerId.None"/> on DEALER and CLIENT sockets).</param>
public abstract record LifelineEvent(PeerId Peer)
{
    internal static LifelineEvent From(in LifecycleEvent e, NetMQMessage? message) => e.Kind switch
    {
        LifecycleEventKind.PeerConnected => new PeerConnectedEvent(e.Peer, e.Hello!),
        LifecycleEventKind.PeerDisconnected => new PeerDisconnectedEvent(e.Peer, e.Hello, e.Gone),
        LifecycleEventKind.Connected => new ConnectedEvent(e.Hello!, e.IsReconnect),
        LifecycleEventKind.Disconnected => new DisconnectedEvent(),
        LifecycleEventKind.Malformed => new MalformedFrameEvent(e.Peer, e.Error!),
        _ => new MessageEvent(e.Peer, message ?? new NetMQMessage(), e.Reason),
    };
}

/// <summary>A peer of a ROUTER, SERVER or PEER said hello, as the first message of its connection.</summary>
/// <param name="Peer">The peer.</param>
/// <param name="Hello">Its hello record.</param>
public sealed record PeerConnectedEvent(PeerId Peer, object Hello) : LifelineEvent(Peer);

/// <summary>A peer went away: the socket generated its own (sealed) disconnect message for it.</summary>
/// <param name="Peer">The peer.</param>
/// <param name="Hello">The hello it sent, or null for a peer that never said hello.</param>
/// <param name="Disconnect">The disconnect record, or null when the socket's disconnect message carries none (the host installed it).</param>
public sealed record PeerDisconnectedEvent(PeerId Peer, object? Hello, object? Disconnect) : LifelineEvent(Peer);

/// <summary>A DEALER or CLIENT received the server's hello as the first message of a connection.</summary>
/// <param name="Hello">The server's hello.</param>
/// <param name="IsReconnect">False for the first hello on this socket.</param>
public sealed record ConnectedEvent(object Hello, bool IsReconnect) : LifelineEvent(PeerId.None);

/// <summary>A DEALER's tcp connection to its server dropped (reported by the local socket; it reconnects by itself).</summary>
public sealed record DisconnectedEvent() : LifelineEvent(PeerId.None);

/// <summary>Application data, without the routing-id frame.</summary>
/// <param name="Peer">The peer it came from.</param>
/// <param name="Message">The payload frames.</param>
/// <param name="Reason">Why a message that looks like a lifecycle frame was not taken as one; None for plain data.</param>
public sealed record MessageEvent(PeerId Peer, NetMQMessage Message, NotLifecycleReason Reason = NotLifecycleReason.None) : LifelineEvent(Peer);

/// <summary>A hello in a lifecycle position that could not be read; it was skipped (its bytes are in the error).</summary>
/// <param name="Peer">The peer it came from.</param>
/// <param name="Error">Why.</param>
public sealed record MalformedFrameEvent(PeerId Peer, MalformedFrame Error) : LifelineEvent(Peer);
