using System;
using NetMQ;

namespace Lifeline;

/// <summary>
/// Classifies received messages as application data, typed hello, typed disconnect or malformed
/// lifecycle frame. Application data costs one 4-byte comparison and no allocation; bad lifecycle
/// frames are reported as <see cref="ReadKind.Malformed"/>, never thrown and never passed on as data.
/// </summary>
/// <param name="catalog">The records this reader knows, usually <c>Lifeline.Generated.LifelineMessages.Catalog</c>.</param>
/// <param name="maxFrameSize">Lifecycle frames longer than this are <see cref="MalformedReason.TooLarge"/>, never decoded.</param>
public sealed class LifelineReader(ILifelineCatalog catalog, int maxFrameSize = LifelineFrame.DefaultMaxFrameSize)
{
    private readonly ILifelineCatalog _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <summary>The largest lifecycle frame this reader decodes.</summary>
    public int MaxFrameSize { get; } = maxFrameSize > 0 ? maxFrameSize : throw new ArgumentOutOfRangeException(nameof(maxFrameSize));

    /// <summary>
    /// Reads a message received on a ROUTER or PEER socket: the routing-id frame, then the payload frames.
    /// </summary>
    /// <param name="message">The whole received message.</param>
    /// <returns>The classification, with the routing id as <see cref="LifelineReadResult.Peer"/>.</returns>
    public LifelineReadResult ReadRouted(NetMQMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.FrameCount < 2)
        {
            // A routed socket always delivers the id frame first; one frame alone is data we cannot attribute.
            return new LifelineReadResult(ReadKind.ApplicationData, PeerId.None, null, null, 0);
        }

        var idFrame = message[0];
        var payload = message[1];
        if (!LifelineFrame.HasMagic(payload.Buffer.AsSpan(0, payload.MessageSize)))
        {
            var appPeer = idFrame.MessageSize == idFrame.Buffer.Length ? PeerId.Wrap(idFrame.Buffer) : PeerId.FromBytes(idFrame.Buffer.AsSpan(0, idFrame.MessageSize));
            return new LifelineReadResult(ReadKind.ApplicationData, appPeer, null, null, 0);
        }

        var peer = PeerId.FromBytes(idFrame.Buffer.AsSpan(0, idFrame.MessageSize));
        return ReadLifecycle(peer, payload.Buffer.AsMemory(0, payload.MessageSize), message.FrameCount - 2);
    }

    /// <summary>Reads a message received on a DEALER socket (no routing-id frame).</summary>
    /// <param name="message">The whole received message.</param>
    /// <returns>The classification.</returns>
    public LifelineReadResult Read(NetMQMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.FrameCount == 0)
        {
            return new LifelineReadResult(ReadKind.ApplicationData, PeerId.None, null, null, 0);
        }

        var payload = message[0];
        return Read(PeerId.None, payload.Buffer.AsMemory(0, payload.MessageSize), message.FrameCount - 1);
    }

    /// <summary>Reads a message received on a SERVER socket, with the routing id NetMQ returned.</summary>
    /// <param name="routingId">The routing id from <c>ReceiveBytes</c>.</param>
    /// <param name="frame">The message body.</param>
    /// <returns>The classification.</returns>
    public LifelineReadResult Read(uint routingId, ReadOnlyMemory<byte> frame) => Read(PeerId.FromRoutingId(routingId), frame, 0);

    /// <summary>Reads a single-frame message received on a CLIENT socket (or any frame already split from its routing id).</summary>
    /// <param name="frame">The message body.</param>
    /// <param name="peer">Who sent it, if known.</param>
    /// <returns>The classification.</returns>
    public LifelineReadResult Read(ReadOnlyMemory<byte> frame, PeerId peer = default) => Read(peer, frame, 0);

    private LifelineReadResult Read(PeerId peer, ReadOnlyMemory<byte> frame, int extraFrames) =>
        LifelineFrame.HasMagic(frame.Span)
            ? ReadLifecycle(peer, frame, extraFrames)
            : new LifelineReadResult(ReadKind.ApplicationData, peer, null, null, 0);

    private LifelineReadResult ReadLifecycle(PeerId peer, ReadOnlyMemory<byte> frame, int extraFrames)
    {
        var error = LifelineFrame.TryReadHeader(frame.Span, MaxFrameSize, out var kind, out var id);
        if (error is null && extraFrames > 0)
        {
            error = new MalformedFrame(MalformedReason.UnexpectedFrames, $"a lifecycle frame must be alone in its message, but {extraFrames} more frame(s) followed", frame.Length, kind, id);
        }

        object? message = null;
        error ??= _catalog.TryDecode(kind, id, frame, out message);
        if (error is not null)
        {
            return new LifelineReadResult(ReadKind.Malformed, peer, null, error, id);
        }

        return new LifelineReadResult(kind == LifelineKind.Hello ? ReadKind.Hello : ReadKind.Disconnect, peer, message, null, id);
    }
}
