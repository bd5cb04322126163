using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Lifeline.Hosting;
using Lifeline.HostingTests.Hubs;
using Lifeline.HostingTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.HostingTests;

public class SendingTests
{
    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public async Task Sends_from_another_thread_while_peers_churn_reach_the_right_peer_once_and_never_a_departed_one(string transport)
    {
        const int stable = 6;
        const int churning = 24;
        await using var host = await StartJournalHub(transport);
        var endpoint = host.EndpointOf<JournalHub>();
        var sender = host.Get<ILifelineSender<JournalHub>>();
        var presence = host.Get<ILifelinePresence<JournalHub>>();

        // The peers live on a poller of their own; each records what it receives.
        var received = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        var firstArrived = new ConcurrentDictionary<string, ManualResetEventSlim>();
        using var peers = new NetMQPoller();
        peers.RunAsync();
        DealerSocket Join(string name)
        {
            var dealer = Peers.Worker(endpoint, name);
            var inbox = received.GetOrAdd(name, _ => new ConcurrentQueue<string>());
            var arrived = firstArrived.GetOrAdd(name, _ => new ManualResetEventSlim());
            dealer.ReceiveReady += (_, e) =>
            {
                while (e.Socket.TryReceiveFrameBytes(out var frame))
                {
                    if (!LifelineFrame.HasMagic(frame))
                    {
                        inbox.Enqueue(System.Text.Encoding.UTF8.GetString(frame));
                        arrived.Set();
                    }
                }
            };
            peers.Add(dealer);
            return dealer;
        }

        void Leave(DealerSocket dealer) => peers.Run(() =>
        {
            peers.Remove(dealer);
            dealer.Dispose();
        });

        var staying = Enumerable.Range(0, stable).Select(i => Join($"stable{i}")).ToList();
        host.Journal.WaitFor("connected ", stable);

        // Another thread sends to whoever is present, numbering each message per peer.
        var results = new ConcurrentQueue<(string Name, PeerId Peer, string Text, LifelineSendResult Result)>();
        using var churned = new CancellationTokenSource();
        var sending = Task.Run(async () =>
        {
            var sequence = 0;
            while (!churned.IsCancellationRequested)
            {
                foreach (var (peer, hello) in presence.Current.PeersWithHello<WorkerHello>())
                {
                    var text = $"{hello.Name}:{sequence++}";
                    results.Enqueue((hello.Name, peer, text, await sender.SendAsync(peer, System.Text.Encoding.UTF8.GetBytes(text))));
                }

                await Task.Yield();
            }
        });

        // Most churning peers leave once something reached them, some as soon as they said hello.
        for (var i = 0; i < churning; i++)
        {
            var dealer = Join($"churn{i}");
            host.Journal.WaitFor("connected ", stable + i + 1);
            if (i % 4 != 0)
            {
                Wait.For(firstArrived[$"churn{i}"], $"a message to churn{i}");
            }

            Leave(dealer);
        }

        host.Journal.WaitFor("disconnected ", churning);
        await churned.CancelAsync();
        await Wait.Within(sending, "the sending thread");

        // A send to a departed peer is a result, not an exception and not a delivery.
        var departed = results.First(r => r.Name.StartsWith("churn", StringComparison.Ordinal)).Peer;
        Assert.Equal(LifelineSendResult.UnknownPeer, await sender.SendAsync(departed, [1, 2, 3]));

        var all = results.ToList();
        Assert.All(all, r => Assert.True(r.Result is LifelineSendResult.Sent or LifelineSendResult.UnknownPeer or LifelineSendResult.PeerBusy, r.ToString()));
        Assert.Contains(all, r => r.Name.StartsWith("churn", StringComparison.Ordinal) && r.Result == LifelineSendResult.Sent);

        // Stable peers get exactly what was sent to them, once each, in order.
        foreach (var name in Enumerable.Range(0, stable).Select(i => $"stable{i}"))
        {
            var expected = all.Where(r => r.Name == name && r.Result == LifelineSendResult.Sent).Select(r => r.Text).ToList();
            Assert.NotEmpty(expected);
            var deadline = DateTime.UtcNow + Wait.Timeout;
            while (received[name].Count < expected.Count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{name} received {received[name].Count} of {expected.Count}");
                await Task.Delay(10);
            }

            Assert.Equal(expected, received[name]);
        }

        // Departed peers got only messages sent to them, each at most once: nothing was sent after they left.
        foreach (var (name, inbox) in received.Where(entry => entry.Key.StartsWith("churn", StringComparison.Ordinal)))
        {
            var sent = all.Where(r => r.Name == name && r.Result == LifelineSendResult.Sent).Select(r => r.Text).ToHashSet();
            Assert.All(inbox, text => Assert.Contains(text, sent));
            Assert.Equal(inbox.Count, inbox.Distinct().Count());
        }

        staying.ForEach(Leave);
        peers.Stop();
    }

    [Fact]
    public async Task A_handler_replies_through_its_context_on_the_socket_thread()
    {
        await using var host = await StartJournalHub(Transports.Tcp);
        using var worker = Peers.Worker(host.EndpointOf<JournalHub>(), "w1");
        worker.SendMoreFrame("echo").SendFrame("ping");
        Assert.Equal("ping", Peers.Next(worker));
        Assert.EndsWith(" Sent", host.Journal.WaitFor("echoed ").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_that_left_the_socket_thread_still_knows_its_peer_and_its_reply_goes_through_the_queue()
    {
        await using var host = await StartJournalHub(Transports.Inproc);
        var socketThread = host.ServiceOf<JournalHub>().Running!.Thread.ThreadId;
        using var worker = Peers.Worker(host.EndpointOf<JournalHub>(), "w1");
        worker.SendFrame("off-thread");
        var reply = Peers.Next(worker);
        Assert.StartsWith("w1 from thread ", reply, StringComparison.Ordinal);
        Assert.NotEqual(socketThread.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Split(' ').Last());
        Assert.EndsWith(" Sent", host.Journal.WaitFor("off-thread ").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broadcasts_reach_every_present_peer_or_those_a_selection_picks_by_hello()
    {
        await using var host = await StartJournalHub(Transports.Inproc);
        var endpoint = host.EndpointOf<JournalHub>();
        using var cpu = Peers.Worker(endpoint, "cpu-worker", "cpu");
        using var gpu = Peers.Worker(endpoint, "gpu-worker", "cpu", "gpu");
        using var monitor = new DealerSocket();
        monitor.SetHelloMessage(new MonitorHello("dashboard"));
        monitor.Connect(endpoint);
        host.Journal.WaitUntil(lines => lines.Count(line => line.StartsWith("connected ", StringComparison.Ordinal) || line.StartsWith("monitor ", StringComparison.Ordinal)) == 3);
        var sender = host.Get<ILifelineSender<JournalHub>>();

        var everyone = await sender.SendToAllAsync(Message("all"));
        Assert.Equal(new LifelineBroadcastResult(LifelineSendResult.Sent, 3, 0), everyone);
        var gpus = await sender.SendToAsync<WorkerHello>((_, hello) => hello.Capabilities.Contains("gpu"), Message("gpu only"));
        Assert.Equal(3 - 2, gpus.Sent);
        var workers = await sender.SendToAsync<WorkerHello>(null, Message("workers"));
        Assert.Equal(2, workers.Sent);

        Assert.Equal(["all", "workers"], [Peers.Next(cpu), Peers.Next(cpu)]);
        Assert.Equal(["all", "gpu only", "workers"], [Peers.Next(gpu), Peers.Next(gpu), Peers.Next(gpu)]);
        Assert.Equal("all", Peers.Next(monitor));

        // A selection that throws fails its own task, not the socket.
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await sender.SendToAsync<WorkerHello>((_, _) => throw new InvalidOperationException("selection bug"), Message("never")));
        Assert.Equal(3, (await sender.SendToAllAsync(Message("still serving"))).Sent);
    }

    [Fact]
    public async Task The_send_queue_is_bounded_refusing_at_once_when_full_and_a_cancelled_send_is_withdrawn()
    {
        var gate = new Gate();
        await using var host = HubHost.Build(builder =>
        {
            builder.Services.AddSingleton(gate);
            builder.Services.AddLifelineRouter<GateHub>(options =>
            {
                options.Bind.Add(Transports.BindEndpoint(Transports.Inproc));
                options.SendQueueCapacity = 2;
            });
        });
        await host.StartAsync();
        using var worker = Peers.Worker(host.EndpointOf<GateHub>(), "w1");
        var peer = host.Get<ILifelinePresence<GateHub>>();
        host.Journal.WaitFor("connected ");
        var id = peer.Current.Peers.Keys.Single();
        var sender = host.Get<ILifelineSender<GateHub>>();

        // The socket's thread is busy in a handler: sends wait in the queue, two at most.
        worker.SendFrame("block");
        Wait.For(gate.Entered, "the handler to start");
        var first = sender.SendAsync(id, Bytes("first"));
        using var cancel = new CancellationTokenSource();
        var withdrawn = sender.SendAsync(id, Bytes("withdrawn"), cancel.Token);
        Assert.Equal(LifelineSendResult.QueueFull, await sender.SendAsync(id, Bytes("third")));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await withdrawn);
        gate.Unblock.Set();

        Assert.Equal(LifelineSendResult.Sent, await Wait.Within(first.AsTask(), "the queued send"));
        Assert.Equal(LifelineSendResult.Sent, await sender.SendAsync(id, Bytes("after")));
        Assert.Equal(["first", "after"], [Peers.Next(worker), Peers.Next(worker)]);
    }

    [Fact]
    public async Task Sends_before_start_and_after_stop_are_not_running_and_a_dealer_sends_to_its_server()
    {
        using var server = new RouterSocket();
        server.SetHelloMessage(new ServerHello("jobs", 1));
        var port = server.BindRandomPort("tcp://127.0.0.1");
        var host = HubHost.Build(builder => builder.Services.AddLifelineDealer<ClientHub>(options =>
        {
            options.Connect.Add($"tcp://127.0.0.1:{port}");
            options.SetHello(new WorkerHello("w1", ["cpu"]));
        }));
        var sender = host.Get<ILifelineSender<ClientHub>>();
        Assert.Equal(LifelineSendResult.NotRunning, await sender.SendAsync(PeerId.None, Bytes("early")));

        await host.StartAsync();
        host.Journal.WaitFor("server ");
        Assert.Equal(LifelineSendResult.Sent, await sender.SendAsync(PeerId.None, Bytes("to the server")));
        Assert.Equal(LifelineSendResult.UnknownPeer, await sender.SendAsync(PeerId.FromBytes([0, 1, 2, 3, 4]), Bytes("a DEALER has one peer")));
        NetMQMessage? received = null;
        for (var i = 0; i < 2; i++)
        {
            Assert.True(server.TryReceiveMultipartMessage(Wait.Timeout, ref received));
        }

        Assert.Equal("to the server", received!.Last.ConvertToString());
        await host.StopAsync();
        Assert.Equal(LifelineSendResult.NotRunning, await sender.SendAsync(PeerId.None, Bytes("late")));
        await host.DisposeAsync();
    }

    internal static async Task<HubHost> StartJournalHub(string transport, Action<LifelineRouterOptions>? configure = null)
    {
        var host = HubHost.Build(builder => builder.Services.AddLifelineRouter<JournalHub>(options =>
        {
            options.Bind.Add(Transports.BindEndpoint(transport));
            options.SetDisconnectMessage(new WorkerGone("lost"));
            configure?.Invoke(options);
        }));
        await host.StartAsync();
        return host;
    }

    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static NetMQMessage Message(string text)
    {
        var message = new NetMQMessage();
        message.Append(text);
        return message;
    }
}
