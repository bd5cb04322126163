using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Lifeline.Generated;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Handlers;

public class AsyncEventTests
{
    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public async Task A_router_stream_delivers_the_same_events_and_stops_on_cancellation(string transport)
    {
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, transport);
        var dealer = new DealerSocket();
        dealer.SetHelloMessage(new ClientHello("async", 2));
        dealer.Connect(endpoint);
        dealer.SendFrame("data");
        var silent = new DealerSocket();
        silent.Connect(endpoint);
        silent.SendFrame("anonymous");

        using var cancel = new CancellationTokenSource(Transports.Timeout);
        var seen = new List<LifelineEvent>();
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in LifelineEvents.ReadAllAsync(router, LifelineMessages.Catalog, cancellationToken: cancel.Token))
            {
                seen.Add(e);
                if (seen.Count == 3)
                {
                    // Close both once everything they sent has arrived; then wait for the two departures.
                    dealer.Dispose();
                    silent.Dispose();
                }

                if (seen.Count == 5)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.True(cancel.IsCancellationRequested, cancelled.Message);
        var hello = Assert.Single(seen, e => e is PeerConnectedEvent);
        Assert.Equal(new ClientHello("async", 2), ((PeerConnectedEvent)hello).Hello);
        Assert.Contains(seen, e => e is MessageEvent m && m.Peer == hello.Peer && m.Message.First.ConvertToString() == "data");
        Assert.Contains(seen, e => e is MessageEvent m && m.Peer != hello.Peer && m.Message.First.ConvertToString() == "anonymous");
        var known = Assert.Single(seen, e => e is PeerDisconnectedEvent { Hello: not null });
        Assert.Equal(hello.Peer, known.Peer);
        Assert.Equal(new ClientGone("lost"), ((PeerDisconnectedEvent)known).Disconnect);
        Assert.Single(seen, e => e is PeerDisconnectedEvent { Hello: null });
        Assert.Equal(5, seen.Count);

        // The enumeration handed the socket back: it is usable again on this thread.
        Assert.False(router.TryReceiveMultipartMessage(TimeSpan.Zero, ref Unused));
    }

    [Fact]
    public async Task A_server_stream_delivers_typed_events_and_stops_on_cancellation()
    {
        using var server = new ServerSocket();
        server.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(server, Transports.Tcp);
        var client = new ClientSocket();
        client.SetHelloMessage(new ClientHello("thread-safe", 3));
        client.Connect(endpoint);

        using var cancel = new CancellationTokenSource(Transports.Timeout);
        var seen = new List<LifelineEvent>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in LifelineEvents.ReadAllAsync(server, LifelineMessages.Catalog, cancellationToken: cancel.Token))
            {
                seen.Add(e);
                if (seen.Count == 1)
                {
                    client.Dispose();
                }
                else
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(new ClientHello("thread-safe", 3), ((PeerConnectedEvent)seen[0]).Hello);
        Assert.Equal(new PeerDisconnectedEvent(seen[0].Peer, new ClientHello("thread-safe", 3), new ClientGone("lost")), seen[1]);
    }

    private static NetMQMessage? Unused;
}
