using System;
using NetMQ;

namespace Lifeline;

/// <summary>
/// The one owner of the lifecycle rules of a socket: which message is a lifecycle event (a hello only as the first
/// message of a connection, a disconnect only when it carries the socket's own seal), presence, and the decoding
/// bounds. Every host (handlers, the event stream, the reader) feeds it the messages it receives and turns the
/// <see cref="LifecycleEvent"/> it returns into its own API. Used from one thread at a time.
/// </summary>
internal sealed class LifecycleCore
{
    private readonly ILifelineCatalog _catalog;
    private readonly byte[]? _seal;

    // Routed sockets: peers that sent anything on their current connection, so that a later hello is not first.
    // An entry leaves with the peer's disconnect message, which every hosted routed socket has installed.
    private readonly SeenPeers _seen = new();

    private readonly bool _isRouted;

    // DEALER and CLIENT: whether the next message opens a connection (at start, and after a connection drop).
    private bool _atConnectionStart = true;

    public LifecycleCore(bool isRouted, ILifelineCatalog catalog, byte[]? seal, int maxFrameSize)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _seal = seal;
        MaxFrameSize = maxFrameSize > 0 ? maxFrameSize : throw new ArgumentOutOfRangeException(nameof(maxFrameSize));
        Session = new LifelineSession(isRouted);
        _isRouted = isRouted;
    }

    /// <summary>Presence and connection state.</summary>
    public LifelineSession Session { get; }

    /// <summary>Lifecycle frames longer than this are malformed, never decoded.</summary>
    public int MaxFrameSize { get; }

    /// <summary>Classifies a message whose routing id, if any, was already taken off.</summary>
    public LifecycleEvent Classify(PeerId peer, NetMQMessage payload)
    {
        if (payload.FrameCount == 0)
        {
            return Classify(peer, ReadOnlyMemory<byte>.Empty, 0);
        }

        var first = payload.First;
        return LifelineFrame.HasMagic(first.Buffer.AsSpan(0, first.MessageSize))
            ? Classify(peer, first.Buffer.AsMemory(0, first.MessageSize), payload.FrameCount)
            : PlainData(peer);
    }

    /// <summary>Classifies a message of one frame (SERVER, CLIENT).</summary>
    public LifecycleEvent Classify(PeerId peer, ReadOnlyMemory<byte> frame) => Classify(peer, frame, 1);

    /// <summary>A DEALER's connection dropped: the next message opens a new connection, and may be a hello.</summary>
    public LifecycleEvent ConnectionLost()
    {
        _atConnectionStart = true;
        Session.ServerDisconnected();
        return new LifecycleEvent(LifecycleEventKind.Disconnected, PeerId.None);
    }

    private LifecycleEvent Classify(PeerId peer, ReadOnlyMemory<byte> frame, int frameCount)
    {
        var shape = FrameShapes.Of(frame.Span, out var reason);
        if (shape == FrameShape.Data)
        {
            return PlainData(peer);
        }

        if (shape == FrameShape.Hello && frameCount > 1)
        {
            reason = NotLifecycleReason.UnexpectedFrames;
        }

        if (!_isRouted)
        {
            var opening = _atConnectionStart;
            _atConnectionStart = false;
            return opening && shape == FrameShape.Hello && frameCount == 1 ? ServerHello(frame) : LifecycleEvent.Data(peer, reason);
        }

        if (shape == FrameShape.SealedDisconnect && frameCount == 1 && SocketSeals.Carries(frame.Span, _seal))
        {
            return OwnDisconnect(peer, frame);
        }

        var first = _seen.Add(peer);
        return first && shape == FrameShape.Hello && frameCount == 1 ? PeerHello(peer, frame) : LifecycleEvent.Data(peer, reason);
    }

    // Plain data, the common case: it only takes the connection's first position.
    private LifecycleEvent PlainData(PeerId peer)
    {
        if (_isRouted)
        {
            _seen.Add(peer);
        }
        else
        {
            _atConnectionStart = false;
        }

        return LifecycleEvent.Data(peer);
    }

    private LifecycleEvent PeerHello(PeerId peer, ReadOnlyMemory<byte> frame)
    {
        if (!TryDecode(frame, out var hello, out var error))
        {
            return Malformed(peer, frame, error);
        }

        Session.PeerConnected(peer, hello);
        return new LifecycleEvent(LifecycleEventKind.PeerConnected, peer, Hello: hello);
    }

    private LifecycleEvent ServerHello(ReadOnlyMemory<byte> frame)
    {
        if (!TryDecode(frame, out var hello, out var error))
        {
            return Malformed(PeerId.None, frame, error);
        }

        var isReconnect = !Session.ServerHelloReceived(hello);
        return new LifecycleEvent(LifecycleEventKind.Connected, PeerId.None, Hello: hello, IsReconnect: isReconnect);
    }

    private LifecycleEvent OwnDisconnect(PeerId peer, ReadOnlyMemory<byte> frame)
    {
        _seen.Remove(peer);
        Session.PeerDisconnected(peer, out var hello);

        // The seal proves the frame is the socket's own, so presence changes whatever the body holds. A frame with
        // no body is the disconnect a host installs where the application set none: presence only, no record.
        object? gone = null;
        if (frame.Length > LifelineFrame.SealedHeaderLength)
        {
            TryDecode(frame, out gone, out _);
        }

        return new LifecycleEvent(LifecycleEventKind.PeerDisconnected, peer, Hello: hello, Gone: gone);
    }

    private bool TryDecode(ReadOnlyMemory<byte> frame, out object message, out MalformedFrame error)
    {
        object? decoded = null;
        MalformedFrame? problem;
        var decodedOk = LifelineFrame.TryReadHeader(frame.Span, MaxFrameSize, out var kind, out var id, out problem)
            && _catalog.TryDecode(kind, id, frame, out decoded, out problem);
        message = decoded!;
        error = problem!;
        return decodedOk;
    }

    // The frame is copied into the report: the received message may be reused, and no byte a peer sent is lost.
    private static LifecycleEvent Malformed(PeerId peer, ReadOnlyMemory<byte> frame, MalformedFrame error) =>
        new(LifecycleEventKind.Malformed, peer, Error: error with { Frame = frame.ToArray() });
}
