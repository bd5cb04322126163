using System;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline;

/// <summary>
/// Implemented by the generator on classes marked <see cref="LifelineHandlerAttribute"/>: it decodes lifecycle
/// frames by message id and calls the matching handler methods. Hosts (<see cref="LifelineSocket"/>) call it.
/// </summary>
public interface ILifelineHandler
{
    /// <summary>A frame whose header is valid: decode it by id and dispatch it.</summary>
    /// <param name="session">Presence and connection state of the socket.</param>
    /// <param name="peer">The peer the frame came from.</param>
    /// <param name="kind">The kind byte.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="frame">The whole frame, header included.</param>
    /// <returns>The handler's completion.</returns>
    ValueTask OnLifecycleFrameAsync(LifelineSession session, PeerId peer, LifelineKind kind, uint messageId, ReadOnlyMemory<byte> frame);

    /// <summary>Application data, with the routing-id frame removed.</summary>
    /// <param name="session">Presence and connection state of the socket.</param>
    /// <param name="peer">The peer it came from.</param>
    /// <param name="message">The payload frames.</param>
    /// <returns>The handler's completion.</returns>
    ValueTask OnApplicationMessageAsync(LifelineSession session, PeerId peer, NetMQMessage message);

    /// <summary>A lifecycle frame that could not be read.</summary>
    /// <param name="session">Presence and connection state of the socket.</param>
    /// <param name="peer">The peer it came from.</param>
    /// <param name="error">Why it could not be read.</param>
    /// <returns>The handler's completion.</returns>
    ValueTask OnMalformedFrameAsync(LifelineSession session, PeerId peer, MalformedFrame error);
}
