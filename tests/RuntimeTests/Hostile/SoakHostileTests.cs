using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;
using Xunit.Abstractions;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>
/// Connect/disconnect cycles over tcp with application traffic from every peer and some peers killed abruptly:
/// every hello is matched by exactly one disconnect, presence ends empty, no message is lost or duplicated, and
/// memory stays flat. LIFELINE_SOAK_CYCLES sets the count (1,000 in CI; the long run is in docs/reliability.md).
/// </summary>
/// <remarks>
/// Alone in its collection: it measures the process's whole managed heap, which tests running beside it would inflate
/// (a 441 MB reading was seen with the hostile and backpressure tests in parallel).
/// </remarks>
[Collection(nameof(HeapMeasuring))]
public class SoakHostileTests(ITestOutputHelper output)
{
    private const int Batch = 50;
    private const int MessagesPerPeer = 5;
    private const int KilledPeers = 3;
    private static readonly int Cycles = int.TryParse(Environment.GetEnvironmentVariable("LIFELINE_SOAK_CYCLES"), out var n) ? n : 1_000;

    [Fact]
    public void Soak_every_hello_has_one_disconnect_no_message_is_lost_and_presence_ends_empty()
    {
        using var router = new RouterSocket();
        router.Options.ReceiveHighWatermark = 0;
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, Transports.Tcp);
        var handler = new SoakHandler(MessagesPerPeer);
        using var lifeline = new LifelineSocketHost(router, handler);
        var clock = Stopwatch.StartNew();

        // Some peers die abruptly in the middle of it all.
        var doomed = Enumerable.Range(0, KilledPeers).Select(i => PeerProcesses.Start(endpoint, $"killed{i}")).ToList();
        var memory = new List<long>();
        for (var done = 0; done < Cycles; done += Batch)
        {
            var dealers = Enumerable.Range(done, Math.Min(Batch, Cycles - done)).Select(i => Peer(endpoint, $"p{i}")).ToList();
            dealers.ForEach(d => d.Dispose());
            if (done == Cycles / 2)
            {
                doomed.ForEach(p => p.Kill());
            }

            Pump(lifeline, () => handler.Disconnects < done + dealers.Count || handler.Messages < (done + dealers.Count) * MessagesPerPeer);
            if (done / Batch % Math.Max(1, Cycles / Batch / 5) == 0)
            {
                memory.Add(GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        Pump(lifeline, () => handler.Hellos < Cycles + KilledPeers || handler.Disconnects < Cycles + KilledPeers);
        doomed.ForEach(p => p.Dispose());
        memory.Add(GC.GetTotalMemory(forceFullCollection: true));

        output.WriteLine($"{Cycles} cycles + {KilledPeers} killed peers in {clock.Elapsed.TotalSeconds:F1} s; managed heap (KiB) along the run: {string.Join(", ", memory.Select(m => m / 1024))}");
        Assert.Equal(Cycles + KilledPeers, handler.Hellos);
        Assert.Equal(Cycles + KilledPeers, handler.Disconnects);
        Assert.Empty(handler.Problems);
        Assert.Empty(lifeline.Session.Peers);
        Assert.Equal(Cycles, handler.CompletePeers);
        Assert.True(memory[^1] < memory[0] + (32L << 20), $"the heap grew from {memory[0]} to {memory[^1]} bytes");
    }

    private static DealerSocket Peer(string endpoint, string name)
    {
        var dealer = new DealerSocket();
        dealer.SetHelloMessage(new ClientHello(name, 1));
        dealer.Options.Linger = Transports.Timeout;
        dealer.Options.DelayAttachOnConnect = true; // sends wait for the connection, so closing loses nothing
        dealer.Connect(endpoint);
        for (var m = 0; m < MessagesPerPeer; m++)
        {
            dealer.SendFrame($"{name}:{m}");
        }

        return dealer;
    }

    private static void Pump(LifelineSocketHost lifeline, Func<bool> pending)
    {
        var clock = Stopwatch.StartNew();
        while (pending())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the soak stalled");
            lifeline.TryProcess(TimeSpan.FromMilliseconds(100));
        }
    }
}

/// <summary>
/// Counts hellos and disconnects and checks every message's sequence number once. A peer's record is checked and
/// dropped at its disconnect (its messages precede it on the same pipe), so the test's own memory stays flat too.
/// </summary>
[LifelineHandler]
public partial class SoakHandler(int messagesPerPeer = 5)
{
    private readonly Dictionary<string, HashSet<int>> _received = [];

    public int Hellos { get; private set; }

    public int Disconnects { get; private set; }

    public int Messages { get; private set; }

    public List<string> Problems { get; } = [];

    public int CompletePeers { get; private set; }

    private void OnPeerConnected(PeerId peer, ClientHello hello) => Hellos++;

    private void OnPeerDisconnected(PeerId peer, ClientHello hello, ClientGone gone)
    {
        Disconnects++;
        if (hello.Name.StartsWith("killed", StringComparison.Ordinal))
        {
            return;
        }

        if (_received.Remove(hello.Name, out var seen) && seen.Count == messagesPerPeer)
        {
            CompletePeers++;
        }
        else
        {
            Problems.Add($"{hello.Name} left after {seen?.Count ?? 0} of {messagesPerPeer} messages");
        }
    }

    private void OnUnknownPeerDisconnected(PeerId peer, ClientGone gone) => Problems.Add($"disconnect without hello from {peer}");

    private void OnMalformedFrame(PeerId peer, MalformedFrame error) => Problems.Add($"malformed from {peer}: {error}");

    private void OnMessage(PeerId peer, NetMQMessage message)
    {
        var text = message.First.ConvertToString();
        if (text == "alive")
        {
            return;
        }

        Messages++;
        var parts = text.Split(':');
        if (!_received.TryGetValue(parts[0], out var seen))
        {
            _received[parts[0]] = seen = [];
        }

        if (!seen.Add(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)))
        {
            Problems.Add($"duplicate {text}");
        }
    }
}

/// <summary>Tests that measure the whole process's heap: they run alone.</summary>
[CollectionDefinition(nameof(HeapMeasuring), DisableParallelization = true)]
public sealed class HeapMeasuring
{
}
