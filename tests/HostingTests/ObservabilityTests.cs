using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Lifeline.Hosting;
using Lifeline.HostingTests.Hubs;
using Lifeline.HostingTests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.HostingTests;

public class ObservabilityTests
{
    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public async Task A_throwing_handler_is_logged_with_its_peer_and_counted_while_serving_goes_on(string transport)
    {
        await using var host = await SendingTests.StartJournalHub(transport);
        using var faults = Collect<long>(host, LifelineTelemetry.HandlerFaults);
        using var worker = Peers.Worker(host.EndpointOf<JournalHub>(), "w1");
        worker.SendFrame("throw");
        worker.SendFrame("after");
        worker.SendFrame("throw");
        worker.SendFrame("still here");
        host.Journal.WaitFor("message ", 2);

        var peer = host.Get<ILifelinePresence<JournalHub>>().Current.Peers.Keys.Single();
        var logged = host.Logs.GetSnapshot().Where(record => record.Id.Id == LifelineLogEvents.HandlerFaulted).ToList();
        Assert.Equal(2, logged.Count);
        Assert.All(logged, record =>
        {
            Assert.Equal(LogLevel.Error, record.Level);
            Assert.IsType<InvalidOperationException>(record.Exception);
            Assert.Equal("OnMessage", record.GetStructuredStateValue("Handler"));
            Assert.Equal(peer.ToString(), record.GetStructuredStateValue("Peer"));
            Assert.Equal(nameof(JournalHub), record.GetStructuredStateValue("Hub"));
        });
        var counted = faults.GetMeasurementSnapshot();
        Assert.Equal(2, counted.Sum(m => m.Value));
        Assert.All(counted, m => Assert.Equal("OnMessage", m.Tags[LifelineTelemetry.HandlerTag]));
    }

    [Fact]
    public async Task Connects_disconnects_and_messages_are_logged_with_stable_ids_and_measured()
    {
        await using var host = await SendingTests.StartJournalHub(Transports.Tcp);
        using var connected = Collect<long>(host, LifelineTelemetry.PeersConnected);
        using var hellos = Collect<long>(host, LifelineTelemetry.Hellos);
        using var disconnects = Collect<long>(host, LifelineTelemetry.Disconnects);
        using var messages = Collect<long>(host, LifelineTelemetry.MessagesReceived);
        using var sends = Collect<long>(host, LifelineTelemetry.Sends);
        using var duration = Collect<double>(host, LifelineTelemetry.DispatchDuration);

        using (var worker = Peers.Worker(host.EndpointOf<JournalHub>(), "w1"))
        {
            worker.SendFrame("one");
            worker.SendMoreFrame("echo").SendFrame("two");
            Assert.Equal("two", Peers.Next(worker));
            host.Journal.WaitFor("message ");
        }

        host.Journal.WaitFor("disconnected ");
        var records = host.Logs.GetSnapshot();
        var hello = Assert.Single(records, r => r.Id.Id == LifelineLogEvents.PeerConnected);
        Assert.Equal(LogLevel.Information, hello.Level);
        Assert.Equal(nameof(WorkerHello), hello.GetStructuredStateValue("HelloType"));
        var gone = Assert.Single(records, r => r.Id.Id == LifelineLogEvents.PeerDisconnected);
        Assert.Equal(nameof(WorkerGone), gone.GetStructuredStateValue("DisconnectType"));
        Assert.Equal(hello.GetStructuredStateValue("Peer"), gone.GetStructuredStateValue("Peer"));
        Assert.Single(records, r => r.Id.Id == LifelineLogEvents.Started && r.Message.Contains("tcp://127.0.0.1:", StringComparison.Ordinal));

        Assert.Equal([1L, -1L], connected.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.All(connected.GetMeasurementSnapshot(), m => Assert.Equal(nameof(WorkerHello), m.Tags[LifelineTelemetry.HelloTypeTag]));
        Assert.Equal(1, hellos.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(1, disconnects.GetMeasurementSnapshot().Sum(m => m.Value));
        messages.RecordObservableInstruments();
        Assert.Equal(2, messages.LastMeasurement!.Value);
        var sent = Assert.Single(sends.GetMeasurementSnapshot());
        Assert.Equal("sent", sent.Tags[LifelineTelemetry.SendResultTag]);
        var handlers = duration.GetMeasurementSnapshot().Select(m => (string)m.Tags[LifelineTelemetry.HandlerTag]!).ToList();
        Assert.Equal(["OnPeerConnected", "OnMessage", "OnMessage", "OnPeerDisconnected"], handlers);
        Assert.All(duration.GetMeasurementSnapshot(), m => Assert.InRange(m.Value, 0, 10));
    }

    [Fact]
    public async Task A_malformed_hello_is_logged_with_its_reason_and_a_short_prefix_never_the_whole_frame_and_counted()
    {
        await using var host = await SendingTests.StartJournalHub(Transports.Tcp);
        using var malformed = Collect<long>(host, LifelineTelemetry.MalformedFrames);
        using var liar = new DealerSocket();

        // A hello header with an unknown message id and a long body a peer chose.
        var frame = new byte[4096];
        LifelineFrame.WriteHeader(frame, LifelineKind.Hello, 0x0BADu);
        frame.AsSpan(LifelineFrame.HeaderLength).Fill(0xAB);
        liar.Options.HelloMessage = frame;
        liar.Connect(host.EndpointOf<JournalHub>());
        host.Journal.WaitFor("malformed ");

        var record = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == LifelineLogEvents.MalformedFrame);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal(nameof(MalformedReason.UnknownMessageId), record.GetStructuredStateValue("Reason"));
        Assert.Equal("4096", record.GetStructuredStateValue("Length"));
        Assert.Equal(32, record.GetStructuredStateValue("Prefix")!.Length);
        Assert.DoesNotContain(new string('B', 40), record.Message.Replace("A", "B", StringComparison.Ordinal), StringComparison.Ordinal);
        var counted = Assert.Single(malformed.GetMeasurementSnapshot());
        Assert.Equal("unknown_message_id", counted.Tags[LifelineTelemetry.MalformedReasonTag]);
    }

    [Fact]
    public async Task A_flood_of_bad_hellos_logs_a_bounded_number_of_warnings_and_counts_every_one()
    {
        await using var host = await SendingTests.StartJournalHub(Transports.Inproc, options => options.MaxWarningsPerSecond = 3);
        using var malformed = Collect<long>(host, LifelineTelemetry.MalformedFrames);
        var bad = new byte[LifelineFrame.HeaderLength];
        LifelineFrame.WriteHeader(bad, LifelineKind.Hello, 0x0BADu);
        var liars = new List<DealerSocket>();
        for (var i = 0; i < 20; i++)
        {
            var liar = new DealerSocket();
            liar.Options.HelloMessage = bad;
            liar.Connect(host.EndpointOf<JournalHub>());
            liars.Add(liar);
        }

        host.Journal.WaitFor("malformed ", 20);
        liars.ForEach(l => l.Dispose());
        Assert.Equal(20, malformed.GetMeasurementSnapshot().Sum(m => m.Value));
        var warnings = host.Logs.GetSnapshot().Count(r => r.Id.Id == LifelineLogEvents.MalformedFrame);
        Assert.InRange(warnings, 3, 3 * 3);
    }

    [Fact]
    public async Task A_periodic_presence_report_counts_peers_by_hello_type()
    {
        await using var host = await SendingTests.StartJournalHub(Transports.Inproc, options => options.PresenceLogInterval = TimeSpan.FromMilliseconds(50));
        using var w1 = Peers.Worker(host.EndpointOf<JournalHub>(), "w1");
        using var w2 = Peers.Worker(host.EndpointOf<JournalHub>(), "w2");
        host.Journal.WaitFor("connected ", 2);
        var deadline = DateTime.UtcNow + Wait.Timeout;
        while (!host.Logs.GetSnapshot().Any(r => r.Id.Id == LifelineLogEvents.PresenceReport && (string?)r.GetStructuredStateValue("Count") == "2"))
        {
            Assert.True(DateTime.UtcNow < deadline, "no presence report with both peers");
            await Task.Delay(20);
        }

        var report = host.Logs.GetSnapshot().Last(r => r.Id.Id == LifelineLogEvents.PresenceReport);
        Assert.Equal("WorkerHello: 2", report.GetStructuredStateValue("ByHelloType"));
    }

    internal static MetricCollector<T> Collect<T>(HubHost host, string instrument) where T : struct =>
        new(host.Meters, LifelineTelemetry.MeterName, instrument);
}
