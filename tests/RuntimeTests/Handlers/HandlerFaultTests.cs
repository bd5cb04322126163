using System;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Handlers;

public class HandlerFaultTests
{
    private const string Connected = "OnPeerConnected";
    private const string Message = "OnMessage";
    private const string Disconnected = "OnPeerDisconnected";
    private const string Malformed = "OnMalformedFrame";

    // A ClientHello whose body is cut short: malformed in the hello position.
    private static readonly byte[] TruncatedHello = [0xC1, 0x4C, 0x46, 0x4C, 0x01, 0x01, 0x00, 0x00, 0x10, 0x01, 0x82, 0xA4];

    // How a handler fails: a void method throws, a ValueTask method returns one already faulted, or an async
    // ValueTask method yields first and then throws.
    private const string Throws = "throws";
    private const string ReturnsFaulted = "returns-faulted";
    private const string FaultsLater = "faults-after-yield";

    public static TheoryData<string, string, string> Faults()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var transport in new[] { Transports.Inproc, Transports.Tcp })
        {
            foreach (var position in new[] { Connected, Message, Disconnected, Malformed })
            {
                data.Add(transport, position, Throws);
                data.Add(transport, position, ReturnsFaulted);
                data.Add(transport, position, FaultsLater);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public void A_handler_that_throws_is_reported_and_the_router_serves_the_next_peer_with_presence_intact(string transport, string position, string failure)
    {
        var script = new FaultScript(position);
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, transport);
        ILifelineHandler handler = failure switch
        {
            Throws => new ThrowingHandler(script),
            ReturnsFaulted => new FaultedValueTaskHandler(script),
            _ => new AsyncThrowingHandler(script),
        };
        using var lifeline = new LifelineSocketHost(router, handler);
        var faults = new Journal<LifelineHandlerFaultedEventArgs>();
        lifeline.HandlerFaulted += (_, e) => faults.Add(e);

        // Declared before the poller, so closed once it stopped: no handler starts during teardown.
        using var bad = new DealerSocket();
        using var good = new DealerSocket();
        using var poller = new NetMQPoller { lifeline };
        using var stopFirst = PollerThread.StopFirst(poller);
        poller.RunAsync();

        // The bad peer: a hello (or a malformed one), then a message; its handler throws in the position under test.
        if (position != Malformed)
        {
            bad.SetHelloMessage(new ClientHello(FaultScript.BadName, 1));
        }

        bad.Connect(endpoint);
        if (position == Malformed)
        {
            bad.SendFrame(TruncatedHello);
        }

        bad.SendFrame(FaultScript.Boom);
        var badPeer = script.Calls.WaitFor(c => c is { Handler: Message, What: FaultScript.Boom }).Peer;
        var firstCall = script.Calls.Items[0];
        Assert.Equal(position == Malformed ? new Seen(Malformed, badPeer, "InvalidBody") : new Seen(Connected, badPeer, FaultScript.BadName), firstCall);
        if (position != Disconnected)
        {
            ExpectFault(faults, script, position, badPeer);
        }

        // Presence comes from the hello, whatever its handler did.
        Assert.Equal(position != Malformed, PollerThread.Run(poller, () => lifeline.Session.Peers.ContainsKey(badPeer)));

        // The next peer is served.
        good.SetHelloMessage(new ClientHello("good", 2));
        good.Connect(endpoint);
        good.SendFrame("after");
        var goodPeer = script.Calls.WaitFor(c => c is { Handler: Message, What: "after" }).Peer;
        Assert.NotEqual(badPeer, goodPeer);
        Assert.Contains(new Seen(Connected, goodPeer, "good"), script.Calls.Items);

        // The bad peer leaves: it is gone from presence, even when its disconnect handler throws.
        bad.Dispose();
        script.Calls.WaitFor(c => c.Peer == badPeer && c.Handler == (position == Malformed ? "OnUnknownPeerDisconnected" : Disconnected));
        if (position == Disconnected)
        {
            ExpectFault(faults, script, position, badPeer);
        }

        good.SendFrame("still");
        script.Calls.WaitFor(c => c is { Handler: Message, What: "still" } && c.Peer == goodPeer);
        Assert.True(poller.IsRunning);
        Assert.Single(faults.Items);
        Assert.Single(script.Thrown);
        Assert.Equal((false, true, 1), PollerThread.Run(poller, () => (lifeline.Session.Peers.ContainsKey(badPeer), lifeline.Session.Peers.ContainsKey(goodPeer), lifeline.Session.Peers.Count)));
    }

    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void A_fault_listener_that_throws_does_not_stop_the_poller_and_hears_the_next_fault_too(string transport)
    {
        var script = new FaultScript(Message);
        using var router = new RouterSocket();
        var endpoint = Transports.Bind(router, transport);
        using var lifeline = new LifelineSocketHost(router, new ThrowingHandler(script));
        var faults = new Journal<LifelineHandlerFaultedEventArgs>();
        lifeline.HandlerFaulted += (_, e) =>
        {
            faults.Add(e);
            throw new InvalidOperationException("the listener fails too");
        };
        using var bad = new DealerSocket();
        using var good = new DealerSocket();
        using var poller = new NetMQPoller { lifeline };
        using var stopFirst = PollerThread.StopFirst(poller);
        poller.RunAsync();

        bad.SetHelloMessage(new ClientHello(FaultScript.BadName, 1));
        bad.Connect(endpoint);
        bad.SendFrame(FaultScript.Boom);
        var badPeer = faults.WaitForCount(1)[0].Peer;
        Assert.True(poller.IsRunning);

        good.SetHelloMessage(new ClientHello("good", 2));
        good.Connect(endpoint);
        good.SendFrame("after");
        script.Calls.WaitFor(c => c is { Handler: Message, What: "after" });

        bad.SendFrame(FaultScript.Boom);
        var faulted = faults.WaitForCount(2);
        Assert.Equal(2, faulted.Count);
        Assert.All(faulted, f => Assert.Equal((Message, badPeer), (f.Handler, f.Peer)));
        Assert.Equal(script.Thrown, [faulted[0].Exception, faulted[1].Exception]);
        Assert.True(poller.IsRunning);
    }

    private static void ExpectFault(Journal<LifelineHandlerFaultedEventArgs> faults, FaultScript script, string position, PeerId peer)
    {
        var fault = faults.WaitForCount(1)[0];
        Assert.Equal(position, fault.Handler);
        Assert.Equal(peer, fault.Peer);
        Assert.Same(Assert.Single(script.Thrown), fault.Exception);
    }
}
