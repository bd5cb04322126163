using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Handlers;

public class PresenceSnapshotTests
{
    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void Snapshots_taken_on_another_thread_during_churn_each_match_the_notifications_up_to_their_version(string transport)
    {
        const int peers = 40;
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, transport);
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(router, handler);
        var changes = new List<LifelinePresenceChangedEventArgs>();
        lifeline.Session.PresenceChanged += (_, e) =>
        {
            lock (changes)
            {
                changes.Add(e);
            }
        };
        using var poller = new NetMQPoller { lifeline };
        poller.RunAsync();

        // Snapshots from this thread while the poller's thread changes presence.
        var snapshots = new List<LifelinePresence>();
        using var churned = new ManualResetEventSlim();
        var reader = new Thread(() =>
        {
            while (!churned.IsSet)
            {
                var snapshot = lifeline.Session.GetSnapshot();
                if (snapshots.Count == 0 || snapshots[^1].Version != snapshot.Version)
                {
                    snapshots.Add(snapshot);
                }

                Thread.Yield();
            }
        });
        reader.Start();
        // Peers join while earlier ones leave, so that snapshots see presence both grow and shrink.
        var staying = new List<DealerSocket>();
        for (var i = 0; i < peers; i++)
        {
            var dealer = new DealerSocket();
            dealer.SetHelloMessage(new ClientHello($"peer{i}", i));
            dealer.Connect(endpoint);
            var joined = i + 1;
            handler.WaitUntil(events => events.Count(e => e.StartsWith("connected ", StringComparison.Ordinal)) == joined);
            if (i % 3 == 2)
            {
                dealer.Dispose();
            }
            else
            {
                staying.Add(dealer);
            }
        }

        handler.WaitUntil(events => events.Count(e => e.StartsWith("connected ", StringComparison.Ordinal)) == peers);
        staying.ForEach(d => d.Dispose());
        handler.WaitUntil(events => events.Count(e => e.StartsWith("disconnected ", StringComparison.Ordinal)) == peers);
        churned.Set();
        Assert.True(reader.Join(Transports.Timeout));
        poller.Stop();

        List<LifelinePresenceChangedEventArgs> log;
        lock (changes)
        {
            log = [.. changes];
        }

        Assert.Equal(2 * peers, log.Count);
        Assert.Equal(Enumerable.Range(1, 2 * peers).Select(v => (long)v), log.Select(e => e.Version));
        foreach (var snapshot in snapshots.Append(lifeline.Session.GetSnapshot()))
        {
            var replayed = new Dictionary<PeerId, object>();
            foreach (var change in log.TakeWhile(c => c.Version <= snapshot.Version))
            {
                if (change.IsPresent)
                {
                    replayed.Add(change.Peer, change.Hello);
                }
                else
                {
                    Assert.True(replayed.Remove(change.Peer));
                }
            }

            Assert.Equal(replayed.OrderBy(p => p.Key.ToString()), snapshot.Peers.OrderBy(p => p.Key.ToString()));
        }

        Assert.Equal(0, lifeline.Session.GetSnapshot().Count);
        Assert.Equal(2 * peers, lifeline.Session.GetSnapshot().Version);
    }

    [Fact]
    public void A_dealer_sees_its_server_as_present_with_its_hello_until_the_connection_drops()
    {
        var router = new RouterSocket();
        router.SetHelloMessage(new ServerHello("hub", 7));
        var endpoint = Transports.Bind(router, Transports.Tcp);
        using var dealer = new DealerSocket();
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(dealer, handler);
        var changes = new List<LifelinePresenceChangedEventArgs>();
        lifeline.Session.PresenceChanged += (_, e) => changes.Add(e);
        dealer.Connect(endpoint);

        HandlerTests.Pump(lifeline, handler, 1);
        var connected = lifeline.Session.GetSnapshot();
        Assert.True(connected.TryGetHello<ServerHello>(PeerId.None, out var hello));
        Assert.Equal(new ServerHello("hub", 7), hello);
        Assert.Equal(new ServerHello("hub", 7), lifeline.Session.ServerHello);

        router.Dispose();
        HandlerTests.Pump(lifeline, handler, 2);
        Assert.Equal("server-dropped", handler.Events[1]);
        Assert.Equal(0, lifeline.Session.GetSnapshot().Count);
        Assert.Equal([true, false], changes.Select(c => c.IsPresent));
        Assert.All(changes, c => Assert.Equal(PeerId.None, c.Peer));
    }

    [Fact]
    public void A_throwing_presence_listener_neither_stops_the_socket_nor_undoes_the_change()
    {
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, Transports.Inproc);
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(router, handler);
        lifeline.Session.PresenceChanged += (_, _) => throw new InvalidOperationException("listener bug");
        using (var dealer = new DealerSocket())
        {
            dealer.SetHelloMessage(new ClientHello("alice", 1));
            dealer.Connect(endpoint);
            dealer.SendFrame("hi");
            HandlerTests.Pump(lifeline, handler, 2);
            Assert.Equal(1, lifeline.Session.GetSnapshot().Count);
        }

        HandlerTests.Pump(lifeline, handler, 3);
        Assert.StartsWith("disconnected ", handler.Events[2], StringComparison.Ordinal);
        Assert.Equal(0, lifeline.Session.GetSnapshot().Count);
    }
}
