using System;
using System.Threading;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline.Hosting;

/// <summary>The sender of the socket hosting <typeparamref name="THub"/>.</summary>
/// <typeparam name="THub">The handler class.</typeparam>
internal sealed class HubSender<THub>(SocketService<THub> service) : ILifelineSender<THub>
    where THub : class
{
    private readonly SendQueue _sends = service.Socket.Sends;

    public ValueTask<LifelineSendResult> SendAsync(PeerId peer, NetMQMessage message, CancellationToken cancellationToken = default) =>
        _sends.SendAsync(peer, message, cancellationToken);

    public ValueTask<LifelineSendResult> SendAsync(PeerId peer, byte[] frame, CancellationToken cancellationToken = default) =>
        _sends.SendAsync(peer, frame, cancellationToken);

    public ValueTask<LifelineBroadcastResult> SendToAllAsync(NetMQMessage message, CancellationToken cancellationToken = default) =>
        _sends.SendToAllAsync(message, cancellationToken);

    public ValueTask<LifelineBroadcastResult> SendToAsync<THello>(Func<PeerId, THello, bool>? select, NetMQMessage message, CancellationToken cancellationToken = default) =>
        _sends.SendToAsync(select, message, cancellationToken);
}
