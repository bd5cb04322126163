using System;
using System.Collections.Generic;
using System.Diagnostics;
using Lifeline;
using Lifeline.Generated;
using Lobby;
using NetMQ;
using NetMQ.Sockets;

// A lobby server and a few players in one process: every typed lifecycle event is printed as it happens.
var transport = args.Length == 2 && args[0] == "--transport" ? args[1] : args.Length == 0 ? "tcp" : null;
if (transport is not ("tcp" or "inproc"))
{
    Console.Error.WriteLine("usage: Lobby [--transport tcp|inproc]");
    return 2;
}

var players = new[]
{
    new PlayerHello("alice", "red", 12, ["sniper", "medic"]),
    new PlayerHello("bob", "blue", 3, []),
    new PlayerHello("carol", "red", 30, ["scout"]),
};

using var lobby = new RouterSocket();
lobby.SetHelloMessage(new LobbyHello("Friday night", Capacity: 8));
lobby.SetDisconnectMessage(new PlayerGone("connection lost"));
var endpoint = transport == "inproc" ? "inproc://lobby" : $"tcp://127.0.0.1:{lobby.BindRandomPort("tcp://127.0.0.1")}";
if (transport == "inproc")
{
    lobby.Bind(endpoint);
}

Console.WriteLine($"lobby listening on {endpoint}");

var reader = new LifelineReader(LifelineMessages.Catalog);
var names = new Dictionary<PeerId, string>();
var deadline = Stopwatch.StartNew();
var limit = TimeSpan.FromSeconds(15);

// Waits for the next message at the lobby and prints what it is; null when the demo has stalled.
LifelineReadResult? Serve()
{
    if (!reader.TryReceive(lobby, limit - deadline.Elapsed, out var received, out var message))
    {
        return null;
    }

    switch (received.Kind)
    {
        case ReadKind.Hello when received.TryGetHello<PlayerHello>(out var hello):
            names[received.Peer] = hello.Name;
            var skills = hello.Skills.Count == 0 ? "none" : string.Join(", ", hello.Skills);
            Console.WriteLine($"[lobby] {hello.Name} joined: team {hello.Team}, level {hello.Level}, skills {skills} (peer {received.Peer})");
            break;
        case ReadKind.Disconnect when received.TryGetDisconnect<PlayerGone>(out var gone):
            var who = names.Remove(received.Peer, out var name) ? name : $"unknown peer {received.Peer}";
            Console.WriteLine($"[lobby] {who} left: {gone.Reason}");
            break;
        case ReadKind.ApplicationData:
            Console.WriteLine($"[lobby] {names.GetValueOrDefault(received.Peer, "?")} says: {message[1].ConvertToString()}");
            break;
        default:
            Console.WriteLine($"[lobby] ignored {received}");
            break;
    }

    return received;
}

var sockets = new List<(PlayerHello Hello, DealerSocket Socket)>();
foreach (var player in players)
{
    var socket = new DealerSocket();
    socket.SetHelloMessage(player);
    socket.Connect(endpoint);
    socket.SendFrame($"hi, I'm {player.Name}");
    sockets.Add((player, socket));

    // The hello, then the chat line.
    if (Serve() is not { } joined || Serve() is null)
    {
        return Stalled();
    }

    // The lobby's hello reaches the player ahead of the lobby's first reply.
    lobby.SendMoreFrame(joined.Peer.ToArray()).SendFrame("welcome");
    if (!reader.TryReceive(socket, limit - deadline.Elapsed, out var greeting, out _) || !greeting.TryGetHello<LobbyHello>(out var lobbyHello))
    {
        return Stalled();
    }

    Console.WriteLine($"[{player.Name}] entered lobby '{lobbyHello.Lobby}' (capacity {lobbyHello.Capacity})");
}

foreach (var (hello, socket) in sockets)
{
    socket.Dispose();
    if (Serve() is null)
    {
        return Stalled();
    }
}

Console.WriteLine(names.Count == 0 ? "everyone left; bye" : $"still present: {string.Join(", ", names.Values)}");
return names.Count == 0 ? 0 : 1;

int Stalled()
{
    Console.Error.WriteLine($"the demo stalled: no event within {limit.TotalSeconds} s");
    return 1;
}
