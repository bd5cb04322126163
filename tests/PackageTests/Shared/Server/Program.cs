using Lifeline;
using Lobby.Contracts;
using NetMQ;
using NetMQ.Sockets;

// Binds a random port on 127.0.0.1, prints it, then expects one player: its PlayerHello (shared contract), then its
// PlayerLost (this assembly's own record) when it leaves. Exits 0 only if both arrived, typed, from the same peer.
var catalog = LifelineCatalog.Combine(LobbyMessages.Catalog, Lifeline.Generated.LifelineMessages.Catalog);
var timeout = TimeSpan.FromSeconds(20);

using var router = new RouterSocket();
router.SetHelloMessage(new LobbyWelcome("main", 8));
router.SetDisconnectMessage(new PlayerLost("connection lost"));
var port = router.BindRandomPort("tcp://127.0.0.1");
Console.WriteLine($"listening {port}");

var reader = new LifelineReader(catalog);
if (!reader.TryReceive(router, timeout, out var joined, out _) || !joined.TryGetHello<PlayerHello>(out var player))
{
    return Fail($"expected a PlayerHello within {timeout.TotalSeconds} s, got {joined}");
}

Console.WriteLine($"server: {player.Name} (level {player.Level}) joined as {joined.Peer}");
if (!reader.TryReceive(router, timeout, out var left, out _) || !left.TryGetDisconnect<PlayerLost>(out var lost) || left.Peer != joined.Peer)
{
    return Fail($"expected a PlayerLost from {joined.Peer} within {timeout.TotalSeconds} s, got {left}");
}

Console.WriteLine($"server: {player.Name} left: {lost.Reason}");
return 0;

static int Fail(string why)
{
    Console.Error.WriteLine("server failed: " + why);
    return 1;
}

/// <summary>The server's own disconnect message: never sent over the wire, so it need not be shared.</summary>
[DisconnectMessage(Id = 0x7201)]
internal partial record PlayerLost(string Reason);
