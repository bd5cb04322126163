using System;
using System.Threading;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline.Hosting;

/// <summary>
/// Sends through a hosted socket from any thread. NetMQ sockets are not thread-safe: a send from another thread
/// waits in a bounded queue (<see cref="LifelineSocketOptions.SendQueueCapacity"/>) until the socket's thread takes
/// it; a send from the socket's own thread (a handler) goes out at once. Sends from one thread leave in call order.
/// Failures are results, never exceptions from inside NetMQ.
/// </summary>
/// <remarks>
/// The socket's thread reads the <see cref="NetMQMessage"/> when it sends it: do not change or reuse it until the
/// returned task completes. Cancelling the token before the socket's thread took the send withdraws it (the task is
/// cancelled); once taken, the send completes with its result.
/// </remarks>
public interface ILifelineSender
{
    /// <summary>Sends a message to one peer (on a DEALER, to its server: <see cref="PeerId.None"/>).</summary>
    /// <param name="peer">The peer, as the handler received it.</param>
    /// <param name="message">The frames to send (without a routing id).</param>
    /// <param name="cancellationToken">Withdraws the send while it waits in the queue.</param>
    /// <returns>What became of it: <see cref="LifelineSendResult.UnknownPeer"/> for a peer that is not connected.</returns>
    ValueTask<LifelineSendResult> SendAsync(PeerId peer, NetMQMessage message, CancellationToken cancellationToken = default);

    /// <summary>Sends a message of one frame to one peer.</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="frame">The frame.</param>
    /// <param name="cancellationToken">Withdraws the send while it waits in the queue.</param>
    /// <returns>What became of it.</returns>
    ValueTask<LifelineSendResult> SendAsync(PeerId peer, byte[] frame, CancellationToken cancellationToken = default);

    /// <summary>Sends a message to every peer present (said hello and has not left) when the socket's thread takes it.</summary>
    /// <param name="message">The frames to send.</param>
    /// <param name="cancellationToken">Withdraws the send while it waits in the queue.</param>
    /// <returns>How many peers got it.</returns>
    ValueTask<LifelineBroadcastResult> SendToAllAsync(NetMQMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a message to every present peer whose hello is a <typeparamref name="THello"/> accepted by
    /// <paramref name="select"/>. The selection runs on the socket's thread, against presence at that moment; an
    /// exception from it fails the returned task and sends nothing further.
    /// </summary>
    /// <typeparam name="THello">A hello record.</typeparam>
    /// <param name="select">Chooses peers by their hello; null selects every peer with a <typeparamref name="THello"/>.</param>
    /// <param name="message">The frames to send.</param>
    /// <param name="cancellationToken">Withdraws the send while it waits in the queue.</param>
    /// <returns>How many peers got it.</returns>
    ValueTask<LifelineBroadcastResult> SendToAsync<THello>(Func<PeerId, THello, bool>? select, NetMQMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// The <see cref="ILifelineSender"/> of the socket hosting <typeparamref name="THub"/>, resolvable anywhere in
/// dependency injection (a controller, a timer, a background service), like SignalR's <c>IHubContext&lt;THub&gt;</c>.
/// </summary>
/// <typeparam name="THub">The handler class registered with <c>AddLifelineRouter</c> or <c>AddLifelineDealer</c>.</typeparam>
public interface ILifelineSender<THub> : ILifelineSender
    where THub : class
{
}
