using System;
using System.Collections.Generic;
using System.Linq;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Handlers;

public class HandlerTests
{
    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void Many_peers_get_exactly_one_connected_and_one_disconnected_event_each_in_order(string transport)
    {
        const int peers = 25;
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, transport);
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(router, handler);
        using var poller = new NetMQPoller { lifeline };
        poller.RunAsync();

        var dealers = Enumerable.Range(0, peers).Select(i =>
        {
            var dealer = new DealerSocket();
            dealer.SetHelloMessage(new ClientHello($"peer{i}", i));
            dealer.Connect(endpoint);
            return dealer;
        }).ToList();
        handler.WaitForCount(peers);
        dealers.ForEach(d => d.Dispose());
        var events = handler.WaitForCount(2 * peers);

        for (var i = 0; i < peers; i++)
        {
            var mine = events.Where(e => e.EndsWith($" peer{i}", StringComparison.Ordinal) || e.Contains($" peer{i} ", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, mine.Count);
            Assert.StartsWith("connected ", mine[0], StringComparison.Ordinal);
            Assert.StartsWith("disconnected ", mine[1], StringComparison.Ordinal);
            Assert.EndsWith($" peer{i} lost", mine[1], StringComparison.Ordinal);
            Assert.Equal(mine[0].Split(' ')[1], mine[1].Split(' ')[1]);
        }

        Assert.Equal(2 * peers, handler.Events.Count);
        poller.Stop();
        Assert.Empty(lifeline.Session.Peers);
    }

    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void Two_hello_types_on_one_router_reach_their_own_handlers_and_presence_holds_both(string transport)
    {
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, transport);
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(router, handler);
        using var client = new DealerSocket();
        client.SetHelloMessage(new ClientHello("alice", 1));
        client.Connect(endpoint);
        var worker = new DealerSocket();
        worker.SetHelloMessage(new WorkerHello("w1", ["gpu"], [], Guid.Empty, null));
        worker.Connect(endpoint);

        Pump(lifeline, handler, 2);
        Assert.Contains(handler.Events, e => e.StartsWith("connected ", StringComparison.Ordinal) && e.EndsWith(" alice", StringComparison.Ordinal));
        Assert.Contains(handler.Events, e => e.StartsWith("worker ", StringComparison.Ordinal) && e.EndsWith(" w1", StringComparison.Ordinal));
        Assert.Equal(2, lifeline.Session.Peers.Count);
        Assert.Single(lifeline.Session.Peers.Values.OfType<WorkerHello>());

        // A peer whose hello type has no three-argument handler gets the two-argument one.
        worker.Dispose();
        Pump(lifeline, handler, 3);
        Assert.StartsWith("worker-gone ", handler.Events[2], StringComparison.Ordinal);
        Assert.Single(lifeline.Session.Peers);
    }

    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void A_peer_that_never_said_hello_is_reported_as_unknown_when_it_leaves(string transport)
    {
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, transport);
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(router, handler);
        var silent = new DealerSocket();
        silent.Connect(endpoint);
        silent.SendFrame("hi");
        Pump(lifeline, handler, 1);
        silent.Dispose();

        Pump(lifeline, handler, 2);

        Assert.StartsWith("message ", handler.Events[0], StringComparison.Ordinal);
        Assert.StartsWith("unknown-gone ", handler.Events[1], StringComparison.Ordinal);
        Assert.EndsWith(" lost", handler.Events[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void A_malformed_frame_from_a_raw_peer_is_reported_and_the_next_message_is_still_dispatched(string transport)
    {
        using var router = new RouterSocket();
        var endpoint = Transports.Bind(router, transport);
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(router, handler);
        using var raw = new DealerSocket();
        raw.Connect(endpoint);
        raw.SendFrame([0xC1, 0x4C, 0x46, 0x4C, 0x01, 0x01, 0x00, 0x00, 0x10, 0x01, 0x82, 0xA4]); // ClientHello, body cut short
        raw.SendFrame([0xC1, 0x4C, 0x46, 0x4C, 0x09]);                                           // unknown version, truncated
        raw.SendFrame("still here");

        Pump(lifeline, handler, 3);

        Assert.StartsWith("malformed ", handler.Events[0], StringComparison.Ordinal);
        Assert.EndsWith(" InvalidBody", handler.Events[0], StringComparison.Ordinal);
        // Not the first message of the connection: the peer's data, delivered whole, with the reason.
        Assert.StartsWith("lookalike ", handler.Events[1], StringComparison.Ordinal);
        Assert.EndsWith(" UnknownHeader C14C464C09", handler.Events[1], StringComparison.Ordinal);
        Assert.EndsWith(" still here", handler.Events[2], StringComparison.Ordinal);
        Assert.Empty(lifeline.Session.Peers);
    }

    [Fact]
    public void A_dealer_reports_connected_then_the_connection_drop_then_reconnected_after_a_restart_and_the_leak_as_data()
    {
        var first = new RouterSocket();
        first.SetHelloMessage(new ServerHello("hub", 1));
        first.SetDisconnectMessage(new ClientGone("server closing"));
        var endpoint = Transports.Bind(first, Transports.Tcp);
        using var dealer = new DealerSocket();
        dealer.Options.ReconnectInterval = TimeSpan.FromMilliseconds(50);
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(dealer, handler);
        dealer.Connect(endpoint);

        Pump(lifeline, handler, 1);

        // NetMQ leaks a closing router's disconnect bytes into the pipes attached to it, and a router attaches a
        // new pipe only when it next processes commands (any send or receive): make it receive once.
        dealer.SendFrame("ping");
        Assert.True(first.TryReceiveMultipartMessage(Transports.Timeout, ref Unused));
        first.Dispose();
        Pump(lifeline, handler, 3);
        using var second = new RouterSocket();
        second.SetHelloMessage(new ServerHello("hub", 2));
        Retry.Bind(second.Bind, endpoint);
        Pump(lifeline, handler, 4);

        // The leaked disconnect carries the server's seal, not one of the dealer's: the server's bytes, as data. The
        // drop itself comes from the dealer's own socket, and only after it does a hello open a connection again.
        Assert.Equal("server hub", handler.Events[0]);
        Assert.Contains("server-dropped", handler.Events.Take(3));
        Assert.Contains(handler.Events.Take(3), e => e.StartsWith("lookalike none DisconnectNotSealed C14C464C0202", StringComparison.Ordinal));
        Assert.Equal("server-again hub", handler.Events[3]);
        Assert.Equal(4, handler.Events.Count);
        Assert.Equal(2, lifeline.Session.ServerHellos);
    }

    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void A_hello_record_without_a_handler_method_is_still_a_connection_never_malformed(string transport)
    {
        // RecordingHandler names no method for VersionedHelloV2; the assembly's catalog knows the record.
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, transport);
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(router, handler);
        var peer = new DealerSocket();
        peer.SetHelloMessage(new VersionedHelloV2("quiet"));
        peer.Connect(endpoint);
        peer.SendFrame("after hello");

        Pump(lifeline, handler, 1);
        Assert.StartsWith("message ", handler.Events[0], StringComparison.Ordinal);
        Assert.Equal(new VersionedHelloV2("quiet"), Assert.Single(lifeline.Session.Peers).Value);

        peer.Dispose();
        Pump(lifeline, handler, 2);
        Assert.Equal(2, handler.Events.Count);
        Assert.StartsWith("worker-gone ", handler.Events[1], StringComparison.Ordinal);
        Assert.Empty(lifeline.Session.Peers);
        Assert.DoesNotContain(handler.Events, e => e.StartsWith("malformed", StringComparison.Ordinal));
    }

    private static NetMQMessage? Unused;

    /// <summary>Processes messages on the test thread until the handler has seen <paramref name="count"/> events.</summary>
    internal static void Pump(LifelineSocketHost lifeline, RecordingHandler handler, int count)
    {
        var deadline = DateTime.UtcNow + Transports.Timeout;
        while (handler.Events.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out; events so far:\n{string.Join('\n', handler.Events)}");
            lifeline.TryProcess(TimeSpan.FromMilliseconds(100));
        }
    }
}
