using Lifeline.RuntimeTests.Messages;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Network;

public class RouterDealerTests
{
    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void Router_reads_the_typed_hello_then_data_then_the_typed_disconnect_with_one_routing_id(string transport)
    {
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("connection lost"));
        var endpoint = Transports.Bind(router, transport);

        var dealer = new DealerSocket();
        dealer.SetHelloMessage(new ClientHello("dealer-1", 7));
        dealer.Connect(endpoint);
        dealer.SendFrame("first");
        dealer.SendFrame("second");

        var (hello, _) = Expect.Next(router);
        Assert.Equal(new ClientHello("dealer-1", 7), Expect.Hello<ClientHello>(hello));
        Assert.False(hello.Peer.IsNone);

        foreach (var expected in new[] { "first", "second" })
        {
            var (data, message) = Expect.Next(router);
            Assert.True(data.IsApplicationData, data.ToString());
            Assert.Equal(hello.Peer, data.Peer);
            Assert.Equal(expected, message[1].ConvertToString());
        }

        dealer.Dispose();

        var (gone, _) = Expect.Next(router);
        Assert.Equal(new ClientGone("connection lost"), Expect.Disconnect<ClientGone>(gone));
        Assert.Equal(hello.Peer, gone.Peer);
    }

    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void Dealer_reads_the_routers_typed_hello_before_any_data(string transport)
    {
        using var router = new RouterSocket();
        router.SetHelloMessage(new ServerHello("hub", 1234));
        var endpoint = Transports.Bind(router, transport);
        using var dealer = new DealerSocket();
        dealer.Connect(endpoint);

        // The router can only address the dealer once it has heard from it.
        dealer.SendFrame("ping");
        var (ping, _) = Expect.Next(router);
        Assert.True(ping.IsApplicationData);
        router.SendMoreFrame(ping.Peer.ToArray()).SendFrame("pong");

        var (first, _) = Expect.Next(dealer);
        Assert.Equal(new ServerHello("hub", 1234), Expect.Hello<ServerHello>(first));
        Assert.True(first.Peer.IsNone);
        var (second, message) = Expect.Next(dealer);
        Assert.True(second.IsApplicationData);
        Assert.Equal("pong", message[0].ConvertToString());
    }

    [Fact]
    public void A_closing_routers_leaked_disconnect_frame_reaches_the_dealer_as_data_with_its_reason_never_as_a_disconnect()
    {
        // NetMQ 4.0.4.5 writes a closing ROUTER's own disconnect bytes into its tcp pipes (a defect libzmq does not
        // have). They carry the router's seal, which the dealer cannot verify (any server could send such bytes), so
        // they are the server's data: delivered whole, with the reason, never taken as a lifecycle event.
        var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("server closing"));
        var endpoint = Transports.Bind(router, Transports.Tcp);
        using var dealer = new DealerSocket();
        dealer.Connect(endpoint);
        dealer.SendFrame("hi");
        Expect.Next(router);

        router.Dispose();

        var (leaked, message) = Expect.Next(dealer);
        Assert.True(leaked.IsApplicationData, leaked.ToString());
        Assert.Equal(NotLifecycleReason.DisconnectNotSealed, leaked.Reason);
        Assert.Equal(new ClientGone("server closing"), Expect.Disconnect<ClientGone>(Expect.Inspect(message)));
    }
}
