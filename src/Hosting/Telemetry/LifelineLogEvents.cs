namespace Lifeline.Hosting;

/// <summary>
/// The stable event ids of what hosted sockets log (category <see cref="LifelineTelemetry.LogCategory"/>), to filter
/// or alert on. docs/observability.md lists each with its level and properties.
/// </summary>
public static class LifelineLogEvents
{
    /// <summary>Information: the socket is bound or connected and served (Hub, SocketType, Endpoints).</summary>
    public const int Started = 1;

    /// <summary>Information: the host is stopping; no new message is taken (Hub).</summary>
    public const int Stopping = 2;

    /// <summary>Information: the socket is closed and its thread ended (Hub).</summary>
    public const int Stopped = 3;

    /// <summary>Warning: an asynchronous handler did not finish within the host's shutdown timeout (Hub, Handler).</summary>
    public const int ShutdownTimedOut = 4;

    /// <summary>Error: the socket could not start, for example an endpoint that could not be bound (Hub, Endpoints).</summary>
    public const int StartFailed = 5;

    /// <summary>Information: a peer said hello (Hub, Peer, HelloType).</summary>
    public const int PeerConnected = 10;

    /// <summary>Information: a peer that had said hello left (Hub, Peer, HelloType, DisconnectType).</summary>
    public const int PeerDisconnected = 11;

    /// <summary>Debug: a peer that never said hello left (Hub, Peer); NetMQ reports some of its own connections so.</summary>
    public const int UnknownPeerDisconnected = 12;

    /// <summary>Warning: a hello could not be read and was skipped (Hub, Peer, Reason, Detail, Length, Prefix: at most 16 bytes in hex).</summary>
    public const int MalformedFrame = 13;

    /// <summary>Error: a handler threw or its task faulted; serving went on (Hub, Handler, Peer, and the exception).</summary>
    public const int HandlerFaulted = 14;

    /// <summary>Information: a DEALER's server said hello on its first connection (Hub, HelloType).</summary>
    public const int ServerConnected = 15;

    /// <summary>Information: a DEALER's server said hello on a new connection (Hub, HelloType).</summary>
    public const int ServerReconnected = 16;

    /// <summary>Warning: a DEALER's connection to its server dropped; NetMQ reconnects by itself (Hub).</summary>
    public const int ServerDisconnected = 17;

    /// <summary>Warning: a bound was hit: the send queue was full, or a peer at its high-water mark (Hub, Bound, Peer).</summary>
    public const int BoundHit = 20;

    /// <summary>Warning: peer-triggered warnings over the per-second budget were not logged (Hub, Count).</summary>
    public const int WarningsSuppressed = 21;

    /// <summary>Information: the periodic presence report (Hub, Count, ByHelloType).</summary>
    public const int PresenceReport = 22;

    /// <summary>Error: NetMQ threw out of the poller (a defect of its own); the socket is served again by a new poller (Hub).</summary>
    public const int PollerFaulted = 23;
}
