using System.Runtime.InteropServices;
using Lifeline;
using Lifeline.Generated;
using NetMQ;
using NetMQ.Sockets;

// Built only from the packed package: the generator must load from analyzers/ and the runtime from lib/.
// The runtime line lets run.sh check which runtime executed this build (.NET 10, .NET 8 or Mono).
Console.WriteLine($"package consumer: runtime {RuntimeInformation.FrameworkDescription}, Lifeline {typeof(LifelineReader).Assembly.GetName().Version}");

var sent = new WorkerHello(
    "w-1",
    ["gpu", "cpu"],
    new Dictionary<string, int> { ["slots"] = 4 },
    new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(1)),
    WorkerMode.Batch,
    Priority: null,
    new Endpoint("127.0.0.1", 5555),
    new HashSet<string> { "eu", "fast" },
    new Dictionary<int, string> { [1] = "a1", [2] = "b7" },
    ("hall-2", 14),
    new Uri("tcp://127.0.0.1:7001"));

using var server = new RouterSocket();
server.SetDisconnectMessage(new WorkerGone("lost"));
var port = server.BindRandomPort("tcp://127.0.0.1");

var worker = new DealerSocket();
worker.SetHelloMessage(sent);
worker.Connect($"tcp://127.0.0.1:{port}");

var reader = new LifelineReader(LifelineMessages.Catalog);
var timeout = TimeSpan.FromSeconds(10);
if (!reader.TryReceive(server, timeout, out var first, out _) || !first.TryGetHello<WorkerHello>(out var hello))
{
    return Fail($"expected a WorkerHello within {timeout.TotalSeconds} s, got {first}");
}

// Records compare collections by reference, so compare what was sent member by member.
if (hello.Name != sent.Name || !hello.Skills.SequenceEqual(sent.Skills) || hello.Limits["slots"] != 4 || hello.Started != sent.Started
    || hello.Mode != sent.Mode || hello.Priority is not null || hello.Home != sent.Home || !hello.Tags.SetEquals(sent.Tags)
    || hello.Racks.Count != 2 || hello.Racks[2] != "b7" || hello.Place != sent.Place || hello.Callback != sent.Callback)
{
    return Fail($"the hello arrived changed: sent {sent}, received {hello}");
}

worker.Dispose();
if (!reader.TryReceive(server, timeout, out var second, out _) || !second.TryGetDisconnect<WorkerGone>(out var gone) || second.Peer != first.Peer)
{
    return Fail($"expected a WorkerGone from {first.Peer} within {timeout.TotalSeconds} s, got {second}");
}

Console.WriteLine($"package consumer: {hello.Name} ({hello.Mode}, {string.Join("+", hello.Skills)}, {hello.Limits["slots"]} slots, at {hello.Home.Host}, {hello.Place.Zone}) came and went: {gone.Reason}");
return 0;

static int Fail(string why)
{
    Console.Error.WriteLine("package consumer failed: " + why);
    return 1;
}

public enum WorkerMode
{
    Interactive,
    Batch,
}

[MessagePart]
public partial record Endpoint(string Host, int Port);

[HelloMessage]
public partial record WorkerHello(
    string Name,
    IReadOnlyList<string> Skills,
    Dictionary<string, int> Limits,
    DateTimeOffset Started,
    WorkerMode Mode,
    int? Priority,
    Endpoint Home,
    HashSet<string> Tags,
    Dictionary<int, string> Racks,
    (string Zone, int Slot) Place,
    Uri Callback);

[DisconnectMessage]
public partial record WorkerGone(string Reason);
