using System;
using System.Linq;
using System.Text;
using Lifeline.RuntimeTests.Handlers;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>
/// Found by trying the lifecycle rules as a hostile peer and an ordinary deployment would: two are fixed (a poller-hosted
/// DEALER's drop, a later host's frame limit), two are limits the documentation states (ROUTER handover, a DEALER with
/// several servers), pinned here so that a change in them is noticed.
/// </summary>
public class ReviewFindingsTests
{
    private static string Hex(string text) => Convert.ToHexString(Encoding.UTF8.GetBytes(text));

    // ROUTER_HANDOVER: a new connection with an identity in use takes it over. The host cannot see the takeover (the
    // option is write-only and NetMQ reports nothing), so the new connection's hello, arriving under a routing id that
    // already sent, is data like any second hello; presence keeps the first. Hosted ROUTERs do not support handover
    // (docs/reliability.md).
    [Fact]
    public void Limitation_a_handed_over_identity_is_not_a_new_connection_its_hello_is_data()
    {
        using var router = new RouterSocket();
        router.Options.RouterHandover = true;
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, Transports.Tcp);
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(router, handler);
        using var poller = new NetMQPoller { lifeline };
        poller.RunAsync();

        var id = Encoding.ASCII.GetBytes("dup");
        using var first = new DealerSocket();
        first.Options.Identity = id;
        first.SetHelloMessage(new ClientHello("first", 1));
        first.Connect(endpoint);
        handler.WaitUntil(events => events.Contains($"connected {Hex("dup")} first"));

        using var second = new DealerSocket();
        second.Options.Identity = id;
        second.SetHelloMessage(new ClientHello("second", 2));
        second.Connect(endpoint);
        var events = handler.WaitUntil(events => events.Any(e => e.Contains("second", StringComparison.Ordinal) || e.Contains(Hex("second"), StringComparison.Ordinal)));
        poller.Stop();

        Assert.DoesNotContain($"connected {Hex("dup")} second", events);
        Assert.Contains(events, e => e.StartsWith($"lookalike {Hex("dup")} HelloNotFirst ", StringComparison.Ordinal));
        Assert.True(lifeline.Session.TryGetHello<ClientHello>(PeerId.FromBytes(id), out var present));
        Assert.Equal("first", present.Name);
    }

    // A DEALER hosted on a NetMQPoller learns of a drop only when the next message arrives: the poller calls the host
    // only when the socket is readable, so a server that goes away and does not come back is never reported.
    [Fact]
    public void A_poller_hosted_dealer_reports_the_drop_when_its_server_goes_away()
    {
        var router = new RouterSocket();
        router.SetHelloMessage(new ServerHello("s1", 1));
        var endpoint = Transports.Bind(router, Transports.Tcp);
        using var dealer = new DealerSocket();
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(dealer, handler);
        using var poller = new NetMQPoller { lifeline };
        poller.RunAsync();
        dealer.Connect(endpoint);
        handler.WaitUntil(events => events.Contains("server s1"));

        router.Dispose();

        try
        {
            handler.WaitUntil(events => events.Contains("server-dropped"));
        }
        finally
        {
            poller.Stop();
        }

        Assert.True(lifeline.Session.ServerGone);
    }

    // A DEALER connected to two servers: messages do not say which connection they came from, so a hosted DEALER has
    // one server (docs/reliability.md): the first hello is the connection, the other server's is data.
    [Fact]
    public void Limitation_a_dealer_with_two_endpoints_takes_only_the_first_servers_hello()
    {
        using var a = new RouterSocket();
        a.SetHelloMessage(new ServerHello("a", 1));
        using var b = new RouterSocket();
        b.SetHelloMessage(new ServerHello("b", 2));
        var endpointA = Transports.Bind(a, Transports.Tcp);
        var endpointB = Transports.Bind(b, Transports.Tcp);
        using var dealer = new DealerSocket();
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(dealer, handler);
        dealer.Connect(endpointA);
        dealer.Connect(endpointB);

        var deadline = DateTime.UtcNow + Transports.Timeout;
        while (handler.Events.Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out; events: {string.Join(", ", handler.Events)}");
            lifeline.TryProcess(TimeSpan.FromMilliseconds(100));
        }

        var events = handler.Events;
        Assert.Single(events, e => e.StartsWith("server ", StringComparison.Ordinal));
        Assert.Single(events, e => e.StartsWith("lookalike none HelloNotFirst ", StringComparison.Ordinal));
    }

    // The host takes MaxMsgSize for its own only when it finds it unset; a host created after an earlier one on the
    // same socket finds the earlier host's 64 KiB, takes it for the application's, and ignores its own MaxFrameSize.
    [Fact]
    public void A_second_host_with_a_larger_frame_limit_raises_the_limit_the_first_host_set()
    {
        using var router = new RouterSocket();
        using (new LifelineSocketHost(router, new RecordingHandler()))
        {
        }

        using var host = new LifelineSocketHost(router, new RecordingHandler(), new LifelineLimits { MaxFrameSize = 1 << 20 });

        Assert.Equal(1 << 20, router.Options.MaxMsgSize);
    }
}
