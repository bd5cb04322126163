using System;
using System.Threading;
using Lifeline;

namespace Lobby;

/// <summary>A player's handlers: the lobby's typed hello arrives first on every connection.</summary>
[LifelineHandler]
public sealed partial class PlayerClient(string name)
{
    /// <summary>Set when the lobby's hello arrived.</summary>
    public ManualResetEventSlim Entered { get; } = new();

    private void OnConnected(LobbyHello hello)
    {
        Console.WriteLine($"[{name}] entered lobby '{hello.Lobby}' (capacity {hello.Capacity})");
        Entered.Set();
    }

    private void OnReconnected(LobbyHello hello) => Console.WriteLine($"[{name}] back in lobby '{hello.Lobby}'");
}
