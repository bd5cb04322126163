namespace Lifeline;

/// <summary>
/// Why a message that starts with the lifecycle magic was delivered as application data instead of being taken as a
/// lifecycle event. Only a frame in a lifecycle position counts: a hello as the first message of a connection, a
/// disconnect when it carries the local socket's own seal. Anything else is the peer's data, delivered whole.
/// </summary>
public enum NotLifecycleReason
{
    /// <summary>The message does not look like a lifecycle frame: ordinary application data.</summary>
    None = 0,

    /// <summary>A hello frame that is not the first message of its connection (a peer cannot say hello twice).</summary>
    HelloNotFirst,

    /// <summary>
    /// A disconnect frame without this socket's seal: sent by a peer (forged, or a closing server's own leaked by
    /// NetMQ), written unsealed, or received by a socket that generates no disconnect messages (DEALER, CLIENT).
    /// </summary>
    DisconnectNotSealed,

    /// <summary>A hello header followed by more frames: NetMQ sends a hello as a message of one frame.</summary>
    UnexpectedFrames,

    /// <summary>The magic followed by a version or kind this library does not take as a lifecycle frame.</summary>
    UnknownHeader,
}
