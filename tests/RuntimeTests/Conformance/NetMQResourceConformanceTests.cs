using System;
using System.Text;
using System.Threading;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;
using Xunit.Abstractions;

namespace Lifeline.RuntimeTests.Conformance;

/// <summary>Measurements that other tests running in the same process would disturb (managed heap size, CPU).</summary>
[CollectionDefinition(nameof(NetMQResourceConformanceTests), DisableParallelization = true)]
public sealed class NetMQResourceCollection;

/// <summary>NetMQ 4.0.4.5 defects measured rather than triggered: memory per dropped connection, lost messages.</summary>
[Collection(nameof(NetMQResourceConformanceTests))]
public class NetMQResourceConformanceTests(ITestOutputHelper output)
{
    /// <summary>
    /// Defect 10: each tcp connection closed before the ZMTP handshake leaves managed memory behind in a plain
    /// ROUTER. The cycles are counted by the socket monitor's Disconnected events (one per dropped connection), so
    /// the measurement waits for NetMQ to have processed every close, never for a guessed time.
    /// </summary>
    [Fact]
    public void Defect_each_connection_closed_before_the_handshake_leaks_managed_memory()
    {
        const int warmUp = 200;
        const int cycles = 2000;
        // About 15 KB is retained per connection; an eighth of that over 2000 connections (~3.8 MB) is far above
        // the heap's noise after forced collections, and far below the defect.
        const long threshold = 2 * 1024;

        using var router = new RouterSocket();
        var endpoint = Transports.Bind(router, Transports.Tcp);
        var port = RawZmtp.Port(endpoint);
        // The monitor's PAIR is connected here, synchronously, so no event is emitted before anyone listens (with
        // NetMQMonitor.StartAsync the connect happens later on another thread and early events are dropped).
        var monitorEndpoint = $"inproc://leak-monitor-{Guid.NewGuid():N}";
        router.Monitor(monitorEndpoint, SocketEvents.Disconnected);
        using var events = new PairSocket();
        events.Options.ReceiveHighWatermark = 0;
        events.Connect(monitorEndpoint);

        ConnectAndClose(port, warmUp, events);
        var before = Settled();
        ConnectAndClose(port, cycles, events);
        var after = Settled();

        var perConnection = (after - before) / cycles;
        output.WriteLine($"managed heap {before} -> {after} bytes over {cycles} connections: {perConnection} bytes per connection");
        Assert.True(
            perConnection > threshold,
            NetMQHostileConformanceTests.Fixed + $" Only {perConnection} bytes per dropped connection remain (pinned: more than {threshold}).");
    }

    /// <summary>
    /// Defect 11: a DEALER that queues messages to a ROUTER over tcp and is disposed straight away. With NetMQ's
    /// default linger (NetMQConfig.Linger, zero) losing the queue is documented behaviour; with a 30 s linger
    /// nothing should be lost, yet it is whenever the ROUTER applies back-pressure (here it reads nothing until the
    /// dealer is disposed, so its default receive high-water mark of 1000 holds the stream back): 33-85% of the
    /// messages were lost in 18 of 20 runs, idle or with both cores busy, but the other 2 (both cores busy)
    /// delivered all 10,000. Not reliable enough to pin without flaking, so both cases
    /// only record the count (in the test output) and check that the stream ended with the dealer's disconnect. The ROUTER's disconnect message for the dealer marks the end of its
    /// stream, so the count waits on an event, not a guess.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void Defect_closing_dealer_queued_messages_received_after_dispose(int lingerSeconds)
    {
        const int count = 10_000;
        using var router = new RouterSocket();
        router.Options.DisconnectMessage = "gone"u8.ToArray();
        var endpoint = Transports.Bind(router, Transports.Tcp);
        var dealer = new DealerSocket();
        dealer.Options.Linger = TimeSpan.FromSeconds(lingerSeconds);
        dealer.Options.SendHighWatermark = count * 2;
        dealer.Connect(endpoint);
        var payload = new byte[64];
        for (var i = 0; i < count; i++)
        {
            dealer.SendFrame(payload);
        }

        dealer.Dispose();

        var received = 0;
        var ended = false;
        NetMQMessage? message = null;
        while (router.TryReceiveMultipartMessage(Transports.Timeout, ref message))
        {
            if (message.Last.BufferSize == 4 && message.Last.ConvertToString(Encoding.ASCII) == "gone")
            {
                ended = true;
                break;
            }

            received++;
        }

        output.WriteLine($"linger {lingerSeconds} s: {received} of {count} received; disconnect seen: {ended}");
        Assert.InRange(received, 0, count);
        Assert.True(ended || received == 0, "the ROUTER saw data but no disconnect for the closed dealer");
    }

    /// <summary>Opens and closes <paramref name="cycles"/> raw connections, then waits until NetMQ reported each one dropped.</summary>
    private static void ConnectAndClose(int port, int cycles, PairSocket events)
    {
        var seen = 0;
        var message = new Msg();
        message.InitEmpty();
        for (var i = 0; i < cycles; i++)
        {
            // An orderly close (FIN) straight after connecting, before any byte of the greeting.
            using (RawZmtp.Connect(port))
            {
            }

            while (events.TryReceive(ref message, TimeSpan.Zero))
            {
                seen += message.HasMore ? 0 : 1;
            }
        }

        while (seen < cycles)
        {
            Assert.True(events.TryReceive(ref message, Transports.Timeout), $"NetMQ reported {seen} of {cycles} dropped connections");
            seen += message.HasMore ? 0 : 1;
        }

        message.Close();
    }

    private static long Settled()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
