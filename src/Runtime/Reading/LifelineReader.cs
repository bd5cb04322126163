using System;
using NetMQ;

namespace Lifeline;

/// <summary>
/// Receives and classifies the messages of one socket as application data, typed hello, typed disconnect or malformed
/// hello, by the same rules as handlers: a hello counts only as the first message of a connection, a disconnect only
/// when it is the socket's own (sealed) disconnect message; anything else is application data, delivered whole, with
/// <see cref="LifelineReadResult.Reason"/> saying why a lifecycle lookalike was not taken. A reader follows one socket
/// (it keeps per-connection state): use it through the <c>TryReceive</c> extensions in
/// <see cref="LifelineReceiveExtensions"/>, from the socket's thread.
/// </summary>
/// <param name="catalog">The records this reader knows, usually <c>Lifeline.Generated.LifelineMessages.Catalog</c>.</param>
/// <param name="limits">The bounds on what peers may make the reader spend; <see cref="LifelineLimits.Default"/> when null.</param>
public sealed class LifelineReader(ILifelineCatalog catalog, LifelineLimits? limits = null)
{
    private readonly ILifelineCatalog _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    private object? _socket;
    private LifecycleCore? _core;

    /// <summary>The bounds this reader applies.</summary>
    public LifelineLimits Limits { get; } = limits ?? LifelineLimits.Default;

    private int MaxFrameSize => Limits.MaxFrameSize;

    /// <summary>Presence and connection state of the socket this reader follows, once it read from one.</summary>
    public LifelineSession? Session => _core?.Session;

    /// <summary>The state of the socket this reader follows; the first socket read from binds the reader.</summary>
    internal LifecycleCore CoreFor(object socket, bool isRouted, Func<byte[]?> seal)
    {
        if (_core is null)
        {
            _core = new LifecycleCore(isRouted, _catalog, seal(), MaxFrameSize);
            _socket = socket;
        }
        else if (!ReferenceEquals(_socket, socket))
        {
            throw new InvalidOperationException("A LifelineReader follows one socket (it keeps per-connection state); create one reader per socket.");
        }

        return _core;
    }

    /// <summary>
    /// Decodes one frame by its content alone, without the position and seal rules: for tests and inspection of
    /// frames already known to be lifecycle frames, never for deciding what a peer's message means.
    /// </summary>
    internal LifelineReadResult Read(ReadOnlyMemory<byte> frame, PeerId peer = default, int extraFrames = 0)
    {
        if (!LifelineFrame.HasMagic(frame.Span))
        {
            return new LifelineReadResult(ReadKind.ApplicationData, peer, null, null, 0);
        }

        object? message = null;
        LifelineFrame.TryReadHeader(frame.Span, MaxFrameSize, out var kind, out var id, out var error);
        if (error is null && extraFrames > 0)
        {
            error = new MalformedFrame(MalformedReason.UnexpectedFrames, $"a lifecycle frame must be alone in its message, but {extraFrames} more frame(s) followed", frame.Length, kind, id);
        }

        if (error is null)
        {
            _catalog.TryDecode(kind, id, frame, out message, out error);
        }

        return error is not null
            ? new LifelineReadResult(ReadKind.Malformed, peer, null, error, id)
            : new LifelineReadResult(kind == LifelineKind.Hello ? ReadKind.Hello : ReadKind.Disconnect, peer, message, null, id);
    }

    /// <summary>Reads the first frame of a message by its content alone (see <see cref="Read(ReadOnlyMemory{byte}, PeerId, int)"/>).</summary>
    internal LifelineReadResult Read(NetMQMessage message) =>
        message.FrameCount == 0 ? default : Read(message[0].Buffer.AsMemory(0, message[0].MessageSize), default, message.FrameCount - 1);
}
