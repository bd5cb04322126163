using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Lifeline.Hosting;
using Lifeline.HostingTests.Hubs;
using Lifeline.HostingTests.Infrastructure;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.HostingTests;

public class PresenceTests
{
    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public async Task Snapshots_read_on_other_threads_under_churn_are_each_a_state_the_notifications_describe(string transport)
    {
        const int peers = 30;
        await using var host = await SendingTests.StartJournalHub(transport);
        var presence = host.Get<ILifelinePresence<JournalHub>>();
        var changes = new ConcurrentQueue<LifelinePresenceChangedEventArgs>();
        presence.Changed += (_, change) => changes.Enqueue(change);

        // Two readers take snapshots while peers come and go.
        using var done = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var seen = new List<LifelinePresence>();
            while (!done.IsCancellationRequested)
            {
                var snapshot = presence.Current;
                if (seen.Count == 0 || seen[^1].Version != snapshot.Version)
                {
                    seen.Add(snapshot);
                }

                Thread.Yield();
            }

            return seen;
        })).ToList();

        var endpoint = host.EndpointOf<JournalHub>();
        var staying = new List<DealerSocket>();
        var mine = new List<LifelinePresence>();
        for (var i = 0; i < peers; i++)
        {
            var dealer = Peers.Worker(endpoint, $"w{i}");
            host.Journal.WaitFor("connected ", i + 1);
            mine.Add(presence.Current);
            if (i % 3 == 0)
            {
                dealer.Dispose();
            }
            else
            {
                staying.Add(dealer);
            }
        }

        staying.ForEach(d => d.Dispose());
        host.Journal.WaitFor("disconnected ", peers);
        await done.CancelAsync();
        var snapshots = (await Task.WhenAll(readers)).SelectMany(s => s).Concat(mine).Append(presence.Current).ToList();

        var log = changes.OrderBy(c => c.Version).ToList();
        Assert.Equal(Enumerable.Range(1, 2 * peers).Select(v => (long)v), log.Select(c => c.Version));
        Assert.True(snapshots.Select(s => s.Version).Distinct().Count() >= peers, "too few distinct snapshots to say anything");
        foreach (var snapshot in snapshots)
        {
            var replayed = new HashSet<string>();
            foreach (var change in log.TakeWhile(c => c.Version <= snapshot.Version))
            {
                Assert.True(change.IsPresent ? replayed.Add(change.Peer.ToString()) : replayed.Remove(change.Peer.ToString()));
            }

            Assert.Equal(replayed.Order(), snapshot.Peers.Keys.Select(p => p.ToString()).Order());
            Assert.All(snapshot.Peers.Values, hello => Assert.IsType<WorkerHello>(hello));
        }

        Assert.Equal(0, presence.Current.Count);
    }

    [Fact]
    public async Task A_throwing_presence_listener_is_reported_and_changes_nothing()
    {
        await using var host = await SendingTests.StartJournalHub(Transports.Inproc);
        var presence = host.Get<ILifelinePresence<JournalHub>>();
        presence.Changed += (_, _) => throw new InvalidOperationException("listener bug");
        using var worker = Peers.Worker(host.EndpointOf<JournalHub>(), "w1");
        host.Journal.WaitFor("connected ");
        Assert.Equal(1, presence.Current.Count);
        var fault = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == LifelineLogEvents.HandlerFaulted);
        Assert.Equal("ILifelinePresence.Changed", fault.GetStructuredStateValue("Handler"));
    }
}
