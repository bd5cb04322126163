using System;
using System.Collections.Generic;
using Lifeline;
using Lobby;
using NetMQ;
using NetMQ.Sockets;

// A lobby server and a few players in one process. Every typed lifecycle event is printed by a generated
// handler as it happens; the demo exits 0 once every player has joined and left, 1 if anything stalls.
var transport = args.Length == 2 && args[0] == "--transport" ? args[1] : args.Length == 0 ? "tcp" : null;
if (transport is not ("tcp" or "inproc"))
{
    Console.Error.WriteLine("usage: Lobby [--transport tcp|inproc]");
    return 2;
}

var timeout = TimeSpan.FromSeconds(15);
var players = new[]
{
    new PlayerHello("alice", "red", 12, ["sniper", "medic"]),
    new PlayerHello("bob", "blue", 3, []),
    new PlayerHello("carol", "red", 30, ["scout"]),
};

using var lobbySocket = new RouterSocket();
lobbySocket.SetHelloMessage(new LobbyHello("Friday night", Capacity: 8));   // before Bind
lobbySocket.SetDisconnectMessage(new PlayerGone("connection lost"));
var endpoint = transport == "inproc" ? "inproc://lobby" : $"tcp://127.0.0.1:{lobbySocket.BindRandomPort("tcp://127.0.0.1")}";
if (transport == "inproc")
{
    lobbySocket.Bind(endpoint);
}

Console.WriteLine($"lobby listening on {endpoint}");
var lobby = new LobbyServer(players.Length);
using var lobbyHost = new LifelineSocketHost(lobbySocket, lobby);
lobby.Presence = lobbyHost.Session;
using var poller = new NetMQPoller { lobbyHost };

var sockets = new List<(DealerSocket Socket, LifelineSocketHost Host, PlayerClient Client)>();
foreach (var player in players)
{
    var socket = new DealerSocket();
    socket.SetHelloMessage(player);                                          // before Connect
    var client = new PlayerClient(player.Name);
    var host = new LifelineSocketHost(socket, client);
    poller.Add(host);
    socket.Connect(endpoint);
    socket.SendFrame($"hi, I'm {player.Name}");                             // the poller is not running yet
    sockets.Add((socket, host, client));
}

poller.RunAsync();
foreach (var (_, _, client) in sockets)
{
    if (!lobby.Joined.Wait(timeout) || !client.Entered.Wait(timeout))
    {
        return Stalled("a player did not get in");
    }
}

// Players leave one by one; sockets belong to the poller's thread, so they are closed there.
foreach (var (socket, host, _) in sockets)
{
    poller.Run(() =>
    {
        poller.Remove(host);
        socket.Dispose();
    });
}

if (!lobby.AllLeft.Wait(timeout))
{
    return Stalled("not every departure was reported");
}

poller.Stop();
Console.WriteLine($"everyone left; peers still present: {lobbyHost.Session.Peers.Count}");
return lobbyHost.Session.Peers.Count == 0 ? 0 : 1;

int Stalled(string what)
{
    Console.Error.WriteLine($"the demo stalled: {what} within {timeout.TotalSeconds} s");
    return 1;
}
