using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Handlers;

/// <summary>Tests that open about a thousand sockets: NetMQ's context allows 1,024 in all, so they run alone.</summary>
[CollectionDefinition(nameof(ManyPeers), DisableParallelization = true)]
public sealed class ManyPeers
{
}

[Collection(nameof(ManyPeers))]
public class AsyncOrderTests
{
    private const int Messages = 3;

    [Theory]
    [InlineData(Transports.Inproc, 1000)]
    [InlineData(Transports.Tcp, 1000)]
    public void Async_handlers_keep_per_peer_order_and_content_across_many_peers(string transport, int peers)
    {
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, transport);
        var handler = new OrderCheckingHandler();
        using var lifeline = new LifelineSocketHost(router, handler);
        lifeline.HandlerFaulted += (_, e) => handler.Violations.Add($"fault: {e}");
        var dealers = new List<DealerSocket>(peers);
        var poller = new NetMQPoller { lifeline };
        poller.RunAsync();
        try
        {
            for (var i = 0; i < peers; i++)
            {
                var dealer = new DealerSocket();
                dealers.Add(dealer);
                dealer.SetHelloMessage(new ClientHello($"p{i}", i));
                dealer.Connect(endpoint);
                for (var seq = 0; seq < Messages; seq++)
                {
                    dealer.SendFrame(string.Create(CultureInfo.InvariantCulture, $"{i}:{seq}"));
                }
            }

            // Everything each peer sent has arrived before any of them leaves.
            handler.Calls.WaitForCount(peers * (1 + Messages));
            Assert.Empty(handler.Violations.Items);
            dealers.ForEach(d => d.Dispose());

            var calls = handler.Calls.WaitForCount(peers * (2 + Messages));
            Assert.Empty(handler.Violations.Items);
            Assert.Equal(peers * (2 + Messages), calls.Count);
            string[] expected = ["hello", .. Enumerable.Range(0, Messages).Select(seq => $"m{seq}"), "bye"];
            var byPeer = calls.ToLookup(c => c.Index, c => c.What);
            for (var i = 0; i < peers; i++)
            {
                Assert.Equal(expected, byPeer[i]);
            }

            Assert.True(poller.IsRunning);
            Assert.Equal(0, PollerThread.Run(poller, () => lifeline.Session.Peers.Count));
        }
        finally
        {
            // The poller stops first, so no handler starts while peers close. A stopped poller still accepts (and
            // never runs) what a pending handler's timer posts to it; a disposed one throws ObjectDisposedException on
            // the thread pool, which ends the test process: after a failure, a pending handler keeps the poller undisposed.
            poller.Stop();
            if (handler.Idle)
            {
                poller.Dispose();
            }

            dealers.ForEach(d => d.Dispose());
        }
    }
}
