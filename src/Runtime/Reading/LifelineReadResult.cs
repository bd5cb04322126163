using System.Diagnostics.CodeAnalysis;

namespace Lifeline;

/// <summary>The classification of one received message. A value type: reading application data allocates nothing.</summary>
public readonly struct LifelineReadResult
{
    internal LifelineReadResult(ReadKind kind, PeerId peer, object? message, MalformedFrame? error, uint messageId, NotLifecycleReason reason = NotLifecycleReason.None)
    {
        Kind = kind;
        Peer = peer;
        Message = message;
        Error = error;
        MessageId = messageId;
        Reason = reason;
    }

    internal static LifelineReadResult From(in LifecycleEvent e) => e.Kind switch
    {
        LifecycleEventKind.PeerConnected or LifecycleEventKind.Connected => new(ReadKind.Hello, e.Peer, e.Hello, null, 0),
        LifecycleEventKind.PeerDisconnected => new(ReadKind.Disconnect, e.Peer, e.Gone, null, 0),
        LifecycleEventKind.Malformed => new(ReadKind.Malformed, e.Peer, null, e.Error, e.Error!.MessageId ?? 0),
        _ => new(ReadKind.ApplicationData, e.Peer, null, null, 0, e.Reason),
    };

    /// <summary>
    /// For application data that looks like a lifecycle frame, why it was not taken as one (a hello that is not the
    /// first message of its connection, a disconnect without the socket's seal, ...); None otherwise.
    /// </summary>
    public NotLifecycleReason Reason { get; }

    /// <summary>Hello, disconnect, application data or malformed.</summary>
    public ReadKind Kind { get; }

    /// <summary>The peer the message came from (<see cref="PeerId.None"/> on DEALER and CLIENT sockets).</summary>
    public PeerId Peer { get; }

    /// <summary>The typed record of a hello or disconnect; null otherwise (and for a disconnect that carries no record).</summary>
    public object? Message { get; }

    /// <summary>Why the frame was malformed, when <see cref="Kind"/> is <see cref="ReadKind.Malformed"/>.</summary>
    public MalformedFrame? Error { get; }

    /// <summary>The message id of a malformed frame, when its header was readable; 0 otherwise.</summary>
    public uint MessageId { get; }

    /// <summary>True when the message is application data, to be handled by the application.</summary>
    public bool IsApplicationData => Kind == ReadKind.ApplicationData;

    /// <summary>Gets the hello when it is a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A hello record.</typeparam>
    /// <param name="hello">The hello on success.</param>
    /// <returns>True when this is a hello of type <typeparamref name="T"/>.</returns>
    public bool TryGetHello<T>([MaybeNullWhen(false)] out T hello) where T : IHelloMessage<T> => TryGet(ReadKind.Hello, out hello);

    /// <summary>Gets the disconnect message when it is a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A disconnect record.</typeparam>
    /// <param name="disconnect">The disconnect message on success.</param>
    /// <returns>True when this is a disconnect of type <typeparamref name="T"/>.</returns>
    public bool TryGetDisconnect<T>([MaybeNullWhen(false)] out T disconnect) where T : IDisconnectMessage<T> => TryGet(ReadKind.Disconnect, out disconnect);

    private bool TryGet<T>(ReadKind kind, [MaybeNullWhen(false)] out T value)
    {
        if (Kind == kind && Message is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ReadKind.Malformed => $"malformed from {Peer}: {Error}",
        ReadKind.ApplicationData => Reason == NotLifecycleReason.None ? $"application data from {Peer}" : $"application data from {Peer} ({Reason})",
        ReadKind.None => "nothing read",
        _ => $"{Kind} from {Peer}: {Message}",
    };
}
