namespace Lifeline.Hosting;

/// <summary>
/// The stable event ids of what hosted sockets log (category <see cref="LifelineTelemetry.LogCategory"/>), to filter
/// or alert on: 7001 to 7099, apart from the generic host's own small numbers. docs/observability.md lists each with
/// its level and properties.
/// </summary>
public static class LifelineLogEvents
{
    /// <summary>Information: the socket is bound or connected and served (Hub, SocketType, Endpoints).</summary>
    public const int Started = 7001;

    /// <summary>Information: the host is stopping; no new message is taken (Hub).</summary>
    public const int Stopping = 7002;

    /// <summary>Information: the socket is closed and its thread ended (Hub).</summary>
    public const int Stopped = 7003;

    /// <summary>Warning: an asynchronous handler did not finish within the host's shutdown timeout (Hub, Handler).</summary>
    public const int ShutdownTimedOut = 7004;

    /// <summary>Error: the socket could not start, for example an endpoint that could not be bound (Hub, Endpoints).</summary>
    public const int StartFailed = 7005;

    /// <summary>Error: the socket's thread did not end within 5 s of the stop (a handler blocks it); the socket is left open (Hub).</summary>
    public const int ThreadStuck = 7006;

    /// <summary>Information: a peer said hello (Hub, Peer, HelloType).</summary>
    public const int PeerConnected = 7010;

    /// <summary>Information: a peer that had said hello left (Hub, Peer, HelloType, DisconnectType).</summary>
    public const int PeerDisconnected = 7011;

    /// <summary>Debug: a peer that never said hello left (Hub, Peer); NetMQ reports some of its own connections so.</summary>
    public const int UnknownPeerDisconnected = 7012;

    /// <summary>Warning: a hello could not be read and was skipped (Hub, Peer, Reason, Detail, Length, Prefix: at most 16 bytes in hex).</summary>
    public const int MalformedFrame = 7013;

    /// <summary>Error: a handler threw or its task faulted; serving went on (Hub, Handler, Peer, and the exception).</summary>
    public const int HandlerFaulted = 7014;

    /// <summary>Information: a DEALER's server said hello on its first connection (Hub, HelloType).</summary>
    public const int ServerConnected = 7015;

    /// <summary>Information: a DEALER's server said hello on a new connection (Hub, HelloType).</summary>
    public const int ServerReconnected = 7016;

    /// <summary>Warning: a DEALER's connection to its server dropped; NetMQ reconnects by itself (Hub).</summary>
    public const int ServerDisconnected = 7017;

    /// <summary>Warning: a bound was hit: the send queue was full, or a peer at its high-water mark (Hub, Bound, Peer).</summary>
    public const int BoundHit = 7020;

    /// <summary>Warning: peer-triggered warnings over the per-second budget were not logged (Hub, Count).</summary>
    public const int WarningsSuppressed = 7021;

    /// <summary>Information: the periodic presence report (Hub, Count, ByHelloType).</summary>
    public const int PresenceReport = 7022;

    /// <summary>Error: NetMQ threw out of the poller (a defect of its own); the socket is served again by a new poller (Hub).</summary>
    public const int PollerFaulted = 7023;
}
