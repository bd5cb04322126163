using System;
using Lifeline;
using NetMQ;
using NetMQ.Sockets;

// Usage: PeerProcess <endpoint> <name>. Connects a DEALER with a typed hello, says "ready", then waits to be killed.
// Or: PeerProcess router. Binds a plain ROUTER on tcp://127.0.0.1 (random port), prints "bound <port>", then waits
// until stdin closes; a hostile peer that crashes NetMQ's IO thread ends the process with the exception on stderr.
if (args is ["router"])
{
    using var router = new RouterSocket();
    var port = router.BindRandomPort("tcp://127.0.0.1");
    Console.WriteLine($"bound {port}");
    Console.Out.Flush();
    Console.In.ReadToEnd();
    return 0;
}

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PeerProcess <endpoint> <name> | PeerProcess router");
    return 2;
}

using var dealer = new DealerSocket();
dealer.SetHelloMessage(new Lifeline.PeerProcess.ClientHello(args[1], 1));
dealer.Connect(args[0]);
dealer.SendFrame("alive");
Console.WriteLine("ready");
Console.Out.Flush();

// Blocks until stdin closes; the tests kill the process long before that.
Console.In.ReadToEnd();
return 0;
