using System;
using Lifeline;
using NetMQ;
using NetMQ.Sockets;

// Usage: PeerProcess <endpoint> <name>. Connects a DEALER with a typed hello, says "ready", then waits to be killed.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PeerProcess <endpoint> <name>");
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
