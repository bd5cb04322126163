using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline.Hosting;

/// <summary>
/// The event a hosted handler is processing: its peer, that peer's hello, presence, and a way to reply. A handler
/// class receives it by naming it as a constructor parameter; the host sets it before each handler call, so it
/// describes the current call for as long as the call lasts (an asynchronous handler holds the socket, so no other
/// event replaces it meanwhile). Outside handler calls it describes the last one.
/// </summary>
public interface ILifelineContext
{
    /// <summary>The peer of the current event (<see cref="PeerId.None"/> on a DEALER, whose only peer is its server).</summary>
    PeerId Peer { get; }

    /// <summary>
    /// The hello of the current event's peer: the one it sent on this connection (also during its disconnect), or
    /// on a DEALER the server's latest; null for a peer that said none.
    /// </summary>
    object? Hello { get; }

    /// <summary>Who is present now (an immutable snapshot, safe on any thread).</summary>
    LifelinePresence Presence { get; }

    /// <summary>Sends to any peer of this socket, or to several.</summary>
    ILifelineSender Sender { get; }

    /// <summary>The current peer's hello, when it is a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A hello record.</typeparam>
    /// <param name="hello">The hello on success.</param>
    /// <returns>True when the current peer said a <typeparamref name="T"/> hello.</returns>
    bool TryGetHello<T>([MaybeNullWhen(false)] out T hello);

    /// <summary>Sends a message to the current peer (at once on the socket's thread, through the send queue from any other).</summary>
    /// <param name="message">The frames.</param>
    /// <param name="cancellationToken">Withdraws the send while it waits in the queue.</param>
    /// <returns>What became of it.</returns>
    ValueTask<LifelineSendResult> ReplyAsync(NetMQMessage message, CancellationToken cancellationToken = default);

    /// <summary>Sends a message of one frame to the current peer.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="cancellationToken">Withdraws the send while it waits in the queue.</param>
    /// <returns>What became of it.</returns>
    ValueTask<LifelineSendResult> ReplyAsync(byte[] frame, CancellationToken cancellationToken = default);
}
