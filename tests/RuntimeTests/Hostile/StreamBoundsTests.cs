using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Lifeline.Generated;
using Lifeline.RuntimeTests.Handlers;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;
using Xunit.Abstractions;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>What a fast or oversized peer can make a host hold: the event stream's bound, and the frame limit hosts set.</summary>
public class StreamBoundsTests(ITestOutputHelper output)
{
    // Without a bound the stream would swallow all of these; with it the sender is pushed back after about
    // 2 x 1,000 (the inproc pipe's high-water marks) + 128 (the stream's capacity).
    private const int Unbounded = 20_000;

    // How long TrySend must keep failing before the sender counts as pushed back, rather than merely ahead.
    private static readonly TimeSpan PushedBack = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_consumer_that_stops_pulling_pushes_back_on_a_fast_peer_and_gets_every_message_in_order_once_it_resumes()
    {
        using var router = new RouterSocket();
        var endpoint = Transports.Bind(router, Transports.Inproc);
        using var dealer = new DealerSocket();
        dealer.SetHelloMessage(new ClientHello("fast", 1));
        dealer.Connect(endpoint);

        using var cancel = new CancellationTokenSource();
        var events = LifelineEvents.ReadAllAsync(router, LifelineMessages.Catalog, cancellationToken: cancel.Token).GetAsyncEnumerator(cancel.Token);
        try
        {
            Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Transports.Timeout));
            Assert.IsType<PeerConnectedEvent>(events.Current);

            // The consumer stops pulling.
            var sent = 0;
            var blocked = new Stopwatch();
            while (sent < Unbounded && !(blocked.IsRunning && blocked.Elapsed > PushedBack))
            {
                if (dealer.TrySendFrame(TimeSpan.Zero, sent.ToString(CultureInfo.InvariantCulture)))
                {
                    sent++;
                    blocked.Reset();
                }
                else
                {
                    blocked.Start();
                    await Task.Delay(1);
                }
            }

            output.WriteLine($"pushed back after {sent} messages");
            Assert.True(sent < Unbounded, $"a consumer that stopped pulling never pushed back on its peer: {sent} messages taken");
            Assert.True(sent > LifelineLimits.Default.EventCapacity, $"pushed back after only {sent} messages");

            // The consumer resumes: every message, in order, nothing lost while the socket was not read.
            for (var i = 0; i < sent; i++)
            {
                Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Transports.Timeout), $"the stream ended after {i} of {sent} messages");
                var message = Assert.IsType<MessageEvent>(events.Current);
                Assert.Equal(i.ToString(CultureInfo.InvariantCulture), message.Message.First.ConvertToString());
            }

            // And the peer may send again.
            Assert.True(dealer.TrySendFrame(Transports.Timeout, "again"));
            Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Transports.Timeout));
            Assert.Equal("again", Assert.IsType<MessageEvent>(events.Current).Message.First.ConvertToString());
        }
        finally
        {
            await cancel.CancelAsync();
            await events.DisposeAsync();
        }
    }

    [Fact]
    public void A_host_bounds_a_fresh_socket_to_the_frame_limit()
    {
        using var router = new RouterSocket();
        Assert.Equal(-1, router.Options.MaxMsgSize);
        using var lifeline = new LifelineSocketHost(router, new RecordingHandler());
        Assert.Equal(65536, router.Options.MaxMsgSize);
        Assert.Equal(65536, lifeline.Limits.MaxFrameSize);
    }

    [Fact]
    public void A_host_keeps_the_limit_the_application_set()
    {
        using var router = new RouterSocket();
        router.Options.MaxMsgSize = 1_000_000;
        using var lifeline = new LifelineSocketHost(router, new RecordingHandler());
        Assert.Equal(1_000_000, router.Options.MaxMsgSize);

        using var other = new RouterSocket();
        other.Options.MaxMsgSize = 1_000_000;
        using var raised = new LifelineSocketHost(other, new RecordingHandler(), new LifelineLimits { MaxFrameSize = 128 * 1024 });
        Assert.Equal(1_000_000, other.Options.MaxMsgSize);
        Assert.Equal(128 * 1024, raised.Limits.MaxFrameSize);
    }

    [Fact]
    public void Raising_the_frame_limit_moves_the_limit_the_host_set()
    {
        using var router = new RouterSocket();
        using var lifeline = new LifelineSocketHost(router, new RecordingHandler(), new LifelineLimits { MaxFrameSize = 128 * 1024 });
        Assert.Equal(128 * 1024, router.Options.MaxMsgSize);
        Assert.Equal(128 * 1024, lifeline.Limits.MaxFrameSize);
    }

    [Fact]
    public void A_peer_sending_a_message_over_the_default_limit_is_dropped_and_the_router_serves_others()
    {
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, Transports.Tcp);
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(router, handler);
        using var poller = new NetMQPoller { lifeline };
        poller.RunAsync();

        using var big = new DealerSocket();
        big.SetHelloMessage(new ClientHello("big", 1));
        big.Connect(endpoint);
        var bigPeer = handler.WaitUntil(e => e.Count >= 1)[0];
        Assert.EndsWith(" big", bigPeer, StringComparison.Ordinal);
        var peerId = bigPeer.Split(' ')[1];
        big.SendFrame(new string('x', 100 * 1024));

        // NetMQ drops the connection at the frame header: the peer leaves, and its message never arrived before.
        var events = handler.WaitUntil(e => e.Contains($"disconnected {peerId} big lost"));
        Assert.Equal([$"connected {peerId} big", $"disconnected {peerId} big lost"], events.Take(2));

        using var small = new DealerSocket();
        small.SetHelloMessage(new ClientHello("small", 2));
        small.Connect(endpoint);
        small.SendFrame("fits");
        events = handler.WaitUntil(e => e.Any(line => line.StartsWith("message ", StringComparison.Ordinal) && line.EndsWith(" fits", StringComparison.Ordinal)));
        Assert.DoesNotContain(events, line => line.Contains("xxxx", StringComparison.Ordinal));
        Assert.True(poller.IsRunning);
    }
}
