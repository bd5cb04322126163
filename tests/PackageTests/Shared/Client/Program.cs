using Lifeline;
using Lobby.Contracts;
using NetMQ;
using NetMQ.Sockets;

// Connects to the server's port (the one argument) with a PlayerHello, waits for the lobby's LobbyWelcome, then leaves.
var timeout = TimeSpan.FromSeconds(20);
using (var dealer = new DealerSocket())
{
    dealer.SetHelloMessage(new PlayerHello("alice", 7));
    dealer.Connect($"tcp://127.0.0.1:{int.Parse(args[0])}");

    var reader = new LifelineReader(LobbyMessages.Catalog);
    if (!reader.TryReceive(dealer, timeout, out var first, out _) || !first.TryGetHello<LobbyWelcome>(out var welcome))
    {
        Console.Error.WriteLine($"client failed: expected a LobbyWelcome within {timeout.TotalSeconds} s, got {first}");
        return 1;
    }

    Console.WriteLine($"client: welcome to lobby {welcome.Lobby} ({welcome.Capacity} seats); leaving");
}

return 0;
