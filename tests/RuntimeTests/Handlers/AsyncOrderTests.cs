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
        using var lifeline = new LifelineSocket(router, handler);
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
            // The poller goes first: peers closing while it is being disposed would start yielding handlers that
            // NetMQ refuses to schedule, and the ObjectDisposedException from the await would end the process.
            poller.Dispose();
            dealers.ForEach(d => d.Dispose());
        }
    }
}
