using NetMQ;

namespace Lifeline;

/// <summary>One typed lifecycle event, as delivered by <see cref="LifelineEvents"/>: the same events the generated handlers receive.</summary>
/// <param name="Peer">The peer concerned (<see cref="PeerId.None"/> on DEALER and CLIENT sockets).</param>
public abstract record LifelineEvent(PeerId Peer);

/// <summary>A peer of a ROUTER, SERVER or PEER said hello.</summary>
/// <param name="Peer">The peer.</param>
/// <param name="Hello">Its hello record.</param>
public sealed record PeerConnectedEvent(PeerId Peer, object Hello) : LifelineEvent(Peer);

/// <summary>A peer went away. <paramref name="Hello"/> is the hello it sent, or null for a peer that never said hello.</summary>
/// <param name="Peer">The peer.</param>
/// <param name="Hello">Its hello, if it sent one.</param>
/// <param name="Disconnect">The disconnect record the local socket generated.</param>
public sealed record PeerDisconnectedEvent(PeerId Peer, object? Hello, object Disconnect) : LifelineEvent(Peer);

/// <summary>A DEALER or CLIENT received the server's hello: a connection, or a reconnection after the first.</summary>
/// <param name="Hello">The server's hello.</param>
/// <param name="IsReconnect">False for the first hello on this socket.</param>
public sealed record ConnectedEvent(object Hello, bool IsReconnect) : LifelineEvent(PeerId.None);

/// <summary>A DEALER or CLIENT received a disconnect frame: NetMQ leaks a closing server's own, so the server went away.</summary>
/// <param name="Disconnect">The disconnect record.</param>
public sealed record DisconnectedEvent(object Disconnect) : LifelineEvent(PeerId.None);

/// <summary>Application data, without the routing-id frame.</summary>
/// <param name="Peer">The peer it came from.</param>
/// <param name="Message">The payload frames.</param>
public sealed record MessageEvent(PeerId Peer, NetMQMessage Message) : LifelineEvent(Peer);

/// <summary>A lifecycle frame that could not be read; it was skipped.</summary>
/// <param name="Peer">The peer it came from.</param>
/// <param name="Error">Why.</param>
public sealed record MalformedFrameEvent(PeerId Peer, MalformedFrame Error) : LifelineEvent(Peer);
