using Lifeline;
using Lifeline.Generated;
using MessagePack;

// Every Lifeline path a native AOT program uses, each checked: exit 0 only when all of them work.
var hello = new AotHello("alice", 3, [1, 2]);
var failures = 0;

void Check(string what, bool ok)
{
    Console.WriteLine($"{(ok ? "ok" : "FAILED")}: {what}");
    failures += ok ? 0 : 1;
}

Console.WriteLine($"package consumer: runtime native AOT {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
var frame = LifelineFrame.Encode(hello);
Check("LifelineMessage<T> knows the record", LifelineMessage<AotHello>.MessageId == 0x7001 && LifelineMessage<AotHello>.Kind == LifelineKind.Hello);
Check("LifelineFrame.TryDecode<T>", LifelineFrame.TryDecode<AotHello>(frame, out var decoded, out _) && decoded.Name == "alice" && decoded.Levels.SequenceEqual(hello.Levels));
Check("the generated catalog", LifelineMessages.Catalog.TryDecode(LifelineKind.Hello, 0x7001, frame, out var boxed, out _) && boxed is AotHello { Version: 3 });
var options = MessagePackSerializerOptions.Standard.WithResolver(LifelineMessages.Resolver);
Check("MessagePackSerializer with LifelineMessages.Resolver", MessagePackSerializer.Deserialize<AotHello>(MessagePackSerializer.Serialize(hello, options), options).Name == "alice");
using (var router = new NetMQ.Sockets.RouterSocket())
using (var dealer = new NetMQ.Sockets.DealerSocket())
{
    router.SetDisconnectMessage(new AotGone("bye"));
    router.Bind("inproc://aot");
    dealer.SetHelloMessage(hello);
    dealer.Connect("inproc://aot");
    var reader = new LifelineReader(LifelineMessages.Catalog);
    var received = reader.TryReceive(router, TimeSpan.FromSeconds(10), out var result, out _) && result.TryGetHello<AotHello>(out var got) && got.Name == "alice";
    Check("typed hello received over inproc through LifelineReader", received);
}

NetMQ.NetMQConfig.Cleanup(block: false);
return failures == 0 ? 0 : 1;

[HelloMessage(Id = 0x7001)]
public partial record AotHello(string Name, int Version, List<int> Levels);

[DisconnectMessage(Id = 0x7002)]
public partial record AotGone(string Reason);
