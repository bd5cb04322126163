using Lifeline.Hosting;
using Lifeline.HostingTests.Infrastructure;
using NetMQ;

namespace Lifeline.HostingTests.Hubs;

/// <summary>A DEALER hub: a worker of a server, hosted with AddLifelineDealer.</summary>
[LifelineHandler]
public sealed partial class ClientHub(Journal journal, ILifelineContext context)
{
    private void OnConnected(ServerHello hello) => journal.Write($"server {hello.Server} {hello.Generation}");

    private void OnReconnected(ServerHello hello) => journal.Write($"server-again {hello.Server} {hello.Generation} {(context.TryGetHello<ServerHello>(out var known) ? known.Generation : -1)}");

    private void OnDisconnected() => journal.Write("server-dropped");

    private void OnMessage(PeerId peer, NetMQMessage message) => journal.Write($"message {message.First.ConvertToString()}");
}
