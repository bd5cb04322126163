using System;
using System.Buffers.Binary;
using System.Linq;
using System.Threading.Tasks;
using Lifeline.Hosting;
using Lifeline.HostingTests.Hubs;
using Lifeline.HostingTests.Infrastructure;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.HostingTests;

public class PollerFaultTests
{
    /// <summary>
    /// NetMQ 4.0.4.5 assigns ROUTER routing ids from a counter: a peer that claims the next one makes the ROUTER throw
    /// when the next anonymous peer attaches, out of NetMQPoller.Run (docs/netmq-defects.md, defects 9 and 12). A
    /// hosted socket reports it and serves again with a new poller instead of going silent.
    /// </summary>
    [Fact]
    public async Task Hostile_netmq_throwing_out_of_the_poller_is_reported_and_the_socket_is_served_again()
    {
        await using var host = await SendingTests.StartJournalHub(Transports.Tcp);
        using var faults = ObservabilityTests.Collect<long>(host, LifelineTelemetry.HandlerFaults);
        var endpoint = host.EndpointOf<JournalHub>();

        // Learn the counter from an anonymous peer, then claim the id it gives next.
        using var probe = new DealerSocket();
        probe.Connect(endpoint);
        probe.SendFrame("probe");
        var assigned = Convert.FromHexString(host.Journal.WaitFor("message ").Single().Split(' ')[1]);
        var next = new byte[5];
        BinaryPrimitives.WriteInt32LittleEndian(next.AsSpan(1), BinaryPrimitives.ReadInt32LittleEndian(assigned.AsSpan(1)) + 1);
        using var claimer = new DealerSocket();
        claimer.Options.Identity = next;
        claimer.Connect(endpoint);
        claimer.SendFrame("claim");
        host.Journal.WaitFor("message ", 2);

        // The next anonymous peer collides: NetMQ throws inside the poller.
        using var victim = new DealerSocket();
        victim.Connect(endpoint);
        victim.SendFrame("victim");
        var deadline = DateTime.UtcNow + Wait.Timeout;
        while (!host.Logs.GetSnapshot().Any(r => r.Id.Id == LifelineLogEvents.PollerFaulted))
        {
            Assert.True(DateTime.UtcNow < deadline, "the poller's fault was not reported");
            await Task.Delay(10);
        }

        // Still served: the claimer, and a new peer with a hello.
        claimer.SendFrame("claimer again");
        using var worker = Peers.Worker(endpoint, "after");
        worker.SendFrame("after the fault");
        host.Journal.WaitUntil(lines => lines.Any(l => l.EndsWith(" after the fault", StringComparison.Ordinal)) && lines.Any(l => l.EndsWith(" claimer again", StringComparison.Ordinal)));
        Assert.Contains(host.Journal.Lines, line => line.StartsWith("connected ", StringComparison.Ordinal) && line.Contains(" after ", StringComparison.Ordinal));
        Assert.True(host.Get<ILifelineStatus<JournalHub>>().IsServing);

        // Sends from other threads reach the new poller too (work posted to the old one was lost with it).
        var peer = host.Get<ILifelinePresence<JournalHub>>().Current.PeersWithHello<WorkerHello>().Single().Key;
        var sent = await Task.Run(async () => await host.Get<ILifelineSender<JournalHub>>().SendAsync(peer, System.Text.Encoding.UTF8.GetBytes("served again")));
        Assert.Equal(LifelineSendResult.Sent, sent);
        Assert.Equal("served again", Peers.Next(worker));
        Assert.Contains(faults.GetMeasurementSnapshot(), m => (string?)m.Tags[LifelineTelemetry.HandlerTag] == "NetMQ poll");
    }
}
