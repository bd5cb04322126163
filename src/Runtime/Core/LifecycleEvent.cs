namespace Lifeline;

/// <summary>What one received message meant, once its position and seal were taken into account.</summary>
internal enum LifecycleEventKind
{
    /// <summary>Application data (possibly a lifecycle lookalike, with its reason).</summary>
    Message,

    /// <summary>A peer of a routed socket said hello as its first message.</summary>
    PeerConnected,

    /// <summary>The socket's own sealed disconnect message for a peer.</summary>
    PeerDisconnected,

    /// <summary>A DEALER or CLIENT received its server's hello as the first message of a connection.</summary>
    Connected,

    /// <summary>A DEALER's connection to its server dropped.</summary>
    Disconnected,

    /// <summary>A hello in a lifecycle position that could not be read.</summary>
    Malformed,
}

/// <summary>One classified message: the single product of <see cref="LifecycleCore"/> that every host turns into its own API.</summary>
internal readonly record struct LifecycleEvent(
    LifecycleEventKind Kind,
    PeerId Peer,
    object? Hello = null,
    object? Gone = null,
    bool IsReconnect = false,
    NotLifecycleReason Reason = NotLifecycleReason.None,
    MalformedFrame? Error = null);
