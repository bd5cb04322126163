using System;
using System.Threading;
using Lifeline;
using NetMQ;

namespace Lobby;

/// <summary>The lobby's handlers: the generator dispatches each typed event here, on the poller's thread.</summary>
[LifelineHandler]
public sealed partial class LobbyServer(int expectedPlayers)
{
    private int _left;

    /// <summary>Who is here now, kept by the host; used to put names on chat lines.</summary>
    public LifelineSession? Presence { get; set; }

    /// <summary>Set once every expected player has joined and left.</summary>
    public ManualResetEventSlim AllLeft { get; } = new();

    /// <summary>Set each time a player joins.</summary>
    public SemaphoreSlim Joined { get; } = new(0);

    private void OnPeerConnected(PeerId peer, PlayerHello hello)
    {
        var skills = hello.Skills.Count == 0 ? "none" : string.Join(", ", hello.Skills);
        Console.WriteLine($"[lobby] {hello.Name} joined: team {hello.Team}, level {hello.Level}, skills {skills} (peer {peer})");
        Joined.Release();
    }

    private void OnPeerDisconnected(PeerId peer, PlayerHello hello, PlayerGone gone)
    {
        Console.WriteLine($"[lobby] {hello.Name} left: {gone.Reason}");
        if (Interlocked.Increment(ref _left) == expectedPlayers)
        {
            AllLeft.Set();
        }
    }

    private void OnUnknownPeerDisconnected(PeerId peer, PlayerGone gone) =>
        Console.WriteLine($"[lobby] a peer that never said hello left: {gone.Reason} (peer {peer})");

    private void OnMessage(PeerId peer, NetMQMessage message)
    {
        var who = Presence is not null && Presence.TryGetHello<PlayerHello>(peer, out var hello) ? hello.Name : $"peer {peer}";
        Console.WriteLine($"[lobby] {who} says: {message.First.ConvertToString()}");
    }

    private void OnMalformedFrame(PeerId peer, MalformedFrame error) =>
        Console.WriteLine($"[lobby] skipped a bad lifecycle frame from {peer}: {error}");
}
