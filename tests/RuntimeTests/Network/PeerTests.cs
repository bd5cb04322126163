using Lifeline.RuntimeTests.Messages;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Network;

public class PeerTests
{
    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void Peers_exchange_typed_hellos_and_the_bound_peer_reads_the_typed_disconnect(string transport)
    {
        using var bound = new PeerSocket();
        bound.SetHelloMessage(new ServerHello("bound", 1));
        bound.SetDisconnectMessage(new ClientGone("peer left"));
        var endpoint = Transports.Bind(bound, transport);

        var connecting = new PeerSocket();
        connecting.SetHelloMessage(new ClientHello("connecting", 3));
        var boundId = connecting.ConnectPeer(endpoint);

        var (hello, _) = Expect.Next(bound);
        Assert.Equal(new ClientHello("connecting", 3), Expect.Hello<ClientHello>(hello));

        var (boundHello, _) = Expect.Next(connecting);
        Assert.Equal(new ServerHello("bound", 1), Expect.Hello<ServerHello>(boundHello));
        Assert.Equal(PeerId.FromBytes(boundId), boundHello.Peer);

        connecting.SendMoreFrame(boundId).SendFrame("data");
        var (data, message) = Expect.Next(bound);
        Assert.True(data.IsApplicationData, data.ToString());
        Assert.Equal(hello.Peer, data.Peer);
        Assert.Equal("data", message[1].ConvertToString());

        connecting.Dispose();

        var (gone, _) = Expect.Next(bound);
        Assert.Equal(new ClientGone("peer left"), Expect.Disconnect<ClientGone>(gone));
        Assert.Equal(hello.Peer, gone.Peer);
    }
}
