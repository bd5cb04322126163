using System;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline;

/// <summary>Routes one received message to a handler: application data, a lifecycle frame, or a malformed one.</summary>
internal static class LifelineDispatcher
{
    public static ValueTask DispatchAsync(ILifelineHandler handler, LifelineSession session, NetMQMessage message, int maxFrameSize = LifelineFrame.DefaultMaxFrameSize)
    {
        var peer = PeerId.None;
        if (session.IsRouted)
        {
            if (message.FrameCount < 2)
            {
                return default;
            }

            // The popped frame belongs to nobody else now, so its buffer can back the id without a copy.
            var routing = message.Pop();
            peer = routing.MessageSize == routing.Buffer.Length ? PeerId.Wrap(routing.Buffer) : PeerId.FromBytes(routing.Buffer.AsSpan(0, routing.MessageSize));
        }

        return DispatchPayloadAsync(handler, session, peer, message, maxFrameSize);
    }

    /// <summary>Dispatches the payload frames of a message whose routing id, if any, was already taken off.</summary>
    public static ValueTask DispatchPayloadAsync(ILifelineHandler handler, LifelineSession session, PeerId peer, NetMQMessage message, int maxFrameSize)
    {
        if (message.FrameCount == 0)
        {
            return handler.OnApplicationMessageAsync(session, peer, message);
        }

        var first = message.First;
        var frame = first.Buffer.AsMemory(0, first.MessageSize);
        if (!LifelineFrame.HasMagic(frame.Span))
        {
            return handler.OnApplicationMessageAsync(session, peer, message);
        }

        var error = LifelineFrame.TryReadHeader(frame.Span, maxFrameSize, out var kind, out var id);
        if (error is null && message.FrameCount > 1)
        {
            error = new MalformedFrame(MalformedReason.UnexpectedFrames, $"a lifecycle frame must be alone in its message, but {message.FrameCount - 1} more frame(s) followed", frame.Length, kind, id);
        }

        return error is null
            ? handler.OnLifecycleFrameAsync(session, peer, kind, id, frame)
            : handler.OnMalformedFrameAsync(session, peer, error);
    }

    public static ValueTask DispatchAsync(ILifelineHandler handler, LifelineSession session, PeerId peer, byte[] payload, int maxFrameSize = LifelineFrame.DefaultMaxFrameSize)
    {
        if (!LifelineFrame.HasMagic(payload))
        {
            var message = new NetMQMessage(1);
            message.Append(payload);
            return handler.OnApplicationMessageAsync(session, peer, message);
        }

        var error = LifelineFrame.TryReadHeader(payload, maxFrameSize, out var kind, out var id);
        return error is null
            ? handler.OnLifecycleFrameAsync(session, peer, kind, id, payload)
            : handler.OnMalformedFrameAsync(session, peer, error);
    }
}
