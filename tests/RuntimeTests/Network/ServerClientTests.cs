using System.Text;
using Lifeline.RuntimeTests.Messages;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Network;

public class ServerClientTests
{
    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void Server_and_client_exchange_typed_hellos_and_the_server_reads_the_typed_disconnect(string transport)
    {
        using var server = new ServerSocket();
        server.SetHelloMessage(new ServerHello("hub", 99));
        server.SetDisconnectMessage(new ClientGone("client left"));
        var endpoint = Transports.Bind(server, transport);

        var client = new ClientSocket();
        client.SetHelloMessage(new ClientHello("client-1", 2));
        client.Connect(endpoint);
        client.Send("data");

        var (hello, _) = Expect.Next(server);
        Assert.Equal(new ClientHello("client-1", 2), Expect.Hello<ClientHello>(hello));
        Assert.NotNull(hello.Peer.RoutingId);

        var (data, payload) = Expect.Next(server);
        Assert.True(data.IsApplicationData, data.ToString());
        Assert.Equal(hello.Peer, data.Peer);
        Assert.Equal("data", Encoding.UTF8.GetString(payload));

        var (serverHello, _) = Expect.Next(client);
        Assert.Equal(new ServerHello("hub", 99), Expect.Hello<ServerHello>(serverHello));

        client.Dispose();

        var (gone, _) = Expect.Next(server);
        Assert.Equal(new ClientGone("client left"), Expect.Disconnect<ClientGone>(gone));
        Assert.Equal(hello.Peer, gone.Peer);
    }
}
