using Lifeline;
using Lifeline.Generated;
using NetMQ;
using NetMQ.Sockets;

// Built only from the packed package: the generator must load from analyzers/ and the runtime from lib/.
using var server = new RouterSocket();
server.SetDisconnectMessage(new WorkerGone("lost"));
var port = server.BindRandomPort("tcp://127.0.0.1");

var worker = new DealerSocket();
worker.SetHelloMessage(new WorkerHello("w-1", ["gpu", "cpu"], new Dictionary<string, int> { ["slots"] = 4 }));
worker.Connect($"tcp://127.0.0.1:{port}");

var reader = new LifelineReader(LifelineMessages.Catalog);
var timeout = TimeSpan.FromSeconds(10);
if (!reader.TryReceive(server, timeout, out var first, out _) || !first.TryGetHello<WorkerHello>(out var hello))
{
    return Fail($"expected a WorkerHello, got {first}");
}

worker.Dispose();
if (!reader.TryReceive(server, timeout, out var second, out _) || !second.TryGetDisconnect<WorkerGone>(out var gone) || second.Peer != first.Peer)
{
    return Fail($"expected a WorkerGone from {first.Peer}, got {second}");
}

Console.WriteLine($"package consumer: {hello.Name} with {string.Join("+", hello.Skills)} ({hello.Limits["slots"]} slots) came and went: {gone.Reason}");
return 0;

static int Fail(string why)
{
    Console.Error.WriteLine("package consumer failed: " + why);
    return 1;
}

[HelloMessage]
public partial record WorkerHello(string Name, IReadOnlyList<string> Skills, Dictionary<string, int> Limits);

[DisconnectMessage]
public partial record WorkerGone(string Reason);
