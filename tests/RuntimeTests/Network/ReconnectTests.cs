using System;
using System.Diagnostics;
using Lifeline.RuntimeTests.Messages;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Network;

public class ReconnectTests
{
    [Fact]
    public void The_typed_hello_is_sent_again_after_the_server_restarts_on_the_same_port()
    {
        var first = new RouterSocket();
        var endpoint = Transports.Bind(first, Transports.Tcp);
        using var dealer = new DealerSocket();
        dealer.Options.ReconnectInterval = TimeSpan.FromMilliseconds(50);
        dealer.SetHelloMessage(new ClientHello("sticky", 1));
        dealer.Connect(endpoint);

        var (hello, _) = Expect.Next(first);
        Assert.Equal(new ClientHello("sticky", 1), Expect.Hello<ClientHello>(hello));
        first.Dispose();

        using var second = new RouterSocket();
        BindWithin(second, endpoint, Transports.Timeout);

        var (again, _) = Expect.Next(second);
        Assert.Equal(new ClientHello("sticky", 1), Expect.Hello<ClientHello>(again));
    }

    // The closed listener's port can stay busy for a moment; retry the bind on that condition only, bounded.
    private static void BindWithin(RouterSocket socket, string endpoint, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                socket.Bind(endpoint);
                return;
            }
            catch (AddressAlreadyInUseException) when (clock.Elapsed < limit)
            {
                System.Threading.Thread.Yield();
            }
        }
    }
}
