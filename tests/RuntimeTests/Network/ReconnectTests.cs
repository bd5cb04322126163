using System;
using Lifeline.RuntimeTests.Messages;
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
        Retry.Bind(second.Bind, endpoint);

        var (again, _) = Expect.Next(second);
        Assert.Equal(new ClientHello("sticky", 1), Expect.Hello<ClientHello>(again));
    }
}
