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

/// <summary>
/// One classified message: the single product of <see cref="LifecycleCore"/> that every host turns into its own API.
/// Small on purpose: application data, the common case, carries no detail object, and the struct is copied on every
/// message (a larger one showed as a bulk copy with write barriers in the throughput profile).
/// </summary>
internal readonly struct LifecycleEvent
{
    private readonly Detail? _detail;

    public LifecycleEvent(LifecycleEventKind kind, PeerId peer, object? Hello = null, object? Gone = null, bool IsReconnect = false, NotLifecycleReason Reason = NotLifecycleReason.None, MalformedFrame? Error = null)
    {
        Kind = kind;
        Peer = peer;
        this.Reason = Reason;
        _detail = Hello is null && Gone is null && Error is null && !IsReconnect ? null : new Detail(Hello, Gone, IsReconnect, Error);
    }

    private LifecycleEvent(PeerId peer, NotLifecycleReason reason)
    {
        Kind = LifecycleEventKind.Message;
        Peer = peer;
        Reason = reason;
        _detail = null;
    }

    public LifecycleEventKind Kind { get; }

    public PeerId Peer { get; }

    public NotLifecycleReason Reason { get; }

    public object? Hello => _detail?.Hello;

    public object? Gone => _detail?.Gone;

    public bool IsReconnect => _detail?.IsReconnect ?? false;

    public MalformedFrame? Error => _detail?.Error;

    /// <summary>Application data: what nearly every message is, built without looking at any detail.</summary>
    public static LifecycleEvent Data(PeerId peer, NotLifecycleReason reason = NotLifecycleReason.None) => new(peer, reason);

    private sealed record Detail(object? Hello, object? Gone, bool IsReconnect, MalformedFrame? Error);
}
