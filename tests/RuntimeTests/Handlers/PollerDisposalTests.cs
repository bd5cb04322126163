using System.Threading;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Handlers;

/// <summary>
/// A poller disposed while a handler is awaiting: NetMQ's synchronization context throws on a thread-pool thread when a
/// continuation is posted to a disposed poller, which ends the process. Hosts give handlers a context that drops such
/// continuations instead. Without it, this test takes the test host down.
/// </summary>
public class PollerDisposalTests
{
    [Fact]
    public void Disposing_a_poller_while_async_handlers_are_pending_does_not_end_the_process()
    {
        const int rounds = 50;
        var disposedWhilePending = 0;
        for (var round = 0; round < rounds; round++)
        {
            using var router = new RouterSocket();
            var endpoint = Transports.Bind(router, Transports.Inproc);
            var handler = new SlowHandler();
            using var host = new LifelineSocketHost(router, handler);
            var poller = new NetMQPoller { host };
            poller.RunAsync();
            using var dealer = new DealerSocket();
            dealer.SetHelloMessage(new ClientHello($"p{round}", round));
            dealer.Connect(endpoint);
            Assert.True(handler.Started.Wait(Transports.Timeout), "the handler never started");

            poller.Dispose();
            if (handler.Pending > 0)
            {
                disposedWhilePending++;
            }
        }

        // The continuations of those handlers were posted to disposed pollers after this point; give them their time.
        using var settled = new ManualResetEventSlim();
        using var timer = new Timer(_ => settled.Set(), null, 200, Timeout.Infinite);
        Assert.True(settled.Wait(Transports.Timeout));
        Assert.True(disposedWhilePending > 0, "no poller was disposed under a pending handler: the test proved nothing");
    }
}
