using System.ComponentModel;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline;

/// <summary>
/// Implemented by the generator on classes marked <see cref="LifelineHandlerAttribute"/>: typed glue that calls the
/// handler method matching each event. The rules (what counts as a lifecycle event, presence, order) live in the
/// hosts (<see cref="LifelineSocketHost"/>), which call it. Not meant to be implemented or called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ILifelineHandler
{
    /// <summary>The records the host decodes: every record of the handler's assembly and those its methods name.</summary>
    ILifelineCatalog Catalog { get; }

    /// <summary>A peer of a routed socket said hello.</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="hello">Its decoded hello record.</param>
    /// <returns>The handler's completion.</returns>
    ValueTask OnPeerConnectedAsync(PeerId peer, object hello);

    /// <summary>The socket's own disconnect message for a peer.</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="hello">The hello it had sent, or null for a peer that never said hello.</param>
    /// <param name="gone">The disconnect record, or null when the socket's disconnect message carries none.</param>
    /// <returns>The handler's completion.</returns>
    ValueTask OnPeerDisconnectedAsync(PeerId peer, object? hello, object? gone);

    /// <summary>A DEALER or CLIENT received its server's hello as the first message of a connection.</summary>
    /// <param name="hello">The server's hello.</param>
    /// <param name="isReconnect">False for the first connection of the socket.</param>
    /// <returns>The handler's completion.</returns>
    ValueTask OnConnectedAsync(object hello, bool isReconnect);

    /// <summary>A DEALER's connection to its server dropped.</summary>
    /// <returns>The handler's completion.</returns>
    ValueTask OnDisconnectedAsync();

    /// <summary>Application data, with the routing-id frame removed.</summary>
    /// <param name="peer">The peer it came from.</param>
    /// <param name="message">The payload frames.</param>
    /// <param name="reason">Why a message that looks like a lifecycle frame was not taken as one; None for plain data.</param>
    /// <returns>The handler's completion.</returns>
    ValueTask OnMessageAsync(PeerId peer, NetMQMessage message, NotLifecycleReason reason);

    /// <summary>A hello in a lifecycle position that could not be read.</summary>
    /// <param name="peer">The peer it came from.</param>
    /// <param name="error">Why, with the frame's bytes.</param>
    /// <returns>The handler's completion.</returns>
    ValueTask OnMalformedFrameAsync(PeerId peer, MalformedFrame error);
}
