using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Lifeline.Generated;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Conformance;

/// <summary>
/// libzmq's tests/test_hello_msg.cpp, test_disconnect_msg.cpp and test_hiccup_msg.cpp, ported to Lifeline's typed
/// API. Where NetMQ cannot do what libzmq does, the test pins the difference and what Lifeline does instead.
/// </summary>
public class LibzmqConformanceTests
{
    /// <summary>test_hello_msg: test_tcp, test_inproc (ROUTER hello "H" received first by a DEALER).</summary>
    [Theory]
    [InlineData(Transports.Tcp)]
    [InlineData(Transports.Inproc)]
    public void Hello_msg_router_hello_is_the_dealers_first_message(string transport)
    {
        using var router = new RouterSocket();
        router.SetHelloMessage(new ServerHello("H", 0));
        var endpoint = Transports.Bind(router, transport);
        using var dealer = new DealerSocket();
        dealer.Connect(endpoint);

        Assert.Equal(new ServerHello("H", 0), Expect.Hello<ServerHello>(Expect.Next(dealer).Result));
    }

    /// <summary>
    /// test_hello_msg: test_inproc_late_bind. libzmq lets a CLIENT connect over inproc before the SERVER binds;
    /// NetMQ throws EndpointNotFoundException. Bound first, both hellos cross as libzmq's test expects.
    /// </summary>
    [Fact]
    public void Hello_msg_inproc_late_bind_is_refused_by_netmq_and_works_bound_first()
    {
        var address = $"inproc://late-hello-{Guid.NewGuid():N}";
        using (var early = new ClientSocket())
        {
            early.SetHelloMessage(new ClientHello("H", 1));
            Assert.Throws<EndpointNotFoundException>(() => early.Connect(address));
        }

        using var server = new ServerSocket();
        server.SetHelloMessage(new ServerHello("W", 1));
        server.Bind(address);
        using var client = new ClientSocket();
        client.SetHelloMessage(new ClientHello("H", 1));
        client.Connect(address);

        Assert.Equal(new ServerHello("W", 1), Expect.Hello<ServerHello>(Expect.Next(client).Result));
        Assert.Equal(new ClientHello("H", 1), Expect.Hello<ClientHello>(Expect.Next(server).Result));
    }

    /// <summary>test_disconnect_msg: test_tcp, test_inproc (SERVER "D", CLIENT hello "H", the client closes).</summary>
    [Theory]
    [InlineData(Transports.Tcp)]
    [InlineData(Transports.Inproc)]
    public void Disconnect_msg_server_receives_d_after_the_client_closes(string transport)
    {
        using var server = new ServerSocket();
        server.SetDisconnectMessage(new ClientGone("D"));
        var endpoint = Transports.Bind(server, transport);
        var client = new ClientSocket();
        client.SetHelloMessage(new ClientHello("H", 1));
        client.Connect(endpoint);

        var hello = Expect.Next(server).Result;
        Assert.Equal(new ClientHello("H", 1), Expect.Hello<ClientHello>(hello));
        client.Dispose();
        var gone = Expect.Next(server).Result;

        Assert.Equal(new ClientGone("D"), Expect.Disconnect<ClientGone>(gone));
        Assert.Equal(hello.Peer, gone.Peer); // beyond libzmq's test: the routing id comes with the message
    }

    /// <summary>test_disconnect_msg: test_inproc_disconnect (the client calls Disconnect instead of closing).</summary>
    [Fact]
    public void Disconnect_msg_inproc_disconnect_of_the_client_produces_d()
    {
        using var server = new ServerSocket();
        server.SetDisconnectMessage(new ClientGone("D"));
        var endpoint = Transports.Bind(server, Transports.Inproc);
        using var client = new ClientSocket();
        client.SetHelloMessage(new ClientHello("H", 1));
        client.Connect(endpoint);
        var hello = Expect.Next(server).Result;

        client.Disconnect(endpoint);

        var gone = Expect.Next(server).Result;
        Assert.Equal(new ClientGone("D"), Expect.Disconnect<ClientGone>(gone));
        Assert.Equal(hello.Peer, gone.Peer);
    }

    /// <summary>
    /// test_hiccup_msg. NetMQ has no hiccup option (libzmq's ZMQ_HICCUP_MSG, 114): Lifeline reports the same
    /// moment as a reconnection, because the server's hello arrives again on the same CLIENT.
    /// </summary>
    [Fact]
    public async Task Hiccup_msg_does_not_exist_in_netmq_and_lifeline_reports_a_reconnect_instead()
    {
        // Neither option class offers one; HelloMessage and DisconnectMessage are there, to prove the look works.
        foreach (var options in new[] { typeof(SocketOptions), typeof(ThreadSafeSocketOptions) })
        {
            var names = options.GetProperties().Select(p => p.Name).ToList();
            Assert.Contains("HelloMessage", names);
            Assert.DoesNotContain(names, name => name.Contains("Hiccup", StringComparison.OrdinalIgnoreCase));
        }

        // A DEALER host watches its own socket's connection drops (the local event no peer can forge), so after a
        // drop the next server hello opens the connection again: libzmq's hiccup, told by the local socket.
        var first = new RouterSocket();
        first.SetHelloMessage(new ServerHello("HELLO", 1));
        var endpoint = Transports.Bind(first, Transports.Tcp);
        using var client = new DealerSocket();
        client.Options.ReconnectInterval = TimeSpan.FromMilliseconds(50);
        client.SetHelloMessage(new ClientHello("HELLO", 1));
        client.Connect(endpoint);
        using var second = new RouterSocket();
        second.SetHelloMessage(new ServerHello("HELLO", 2));

        using var cancel = new CancellationTokenSource(Transports.Timeout);
        var events = new System.Collections.Generic.List<LifelineEvent>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in LifelineEvents.ReadAllAsync(client, LifelineMessages.Catalog, cancellationToken: cancel.Token))
            {
                events.Add(e);
                if (events.Count == 1)
                {
                    Assert.Equal(new ClientHello("HELLO", 1), Expect.Hello<ClientHello>(Expect.Next(first).Result));
                    first.Dispose();
                    Retry.Bind(second.Bind, endpoint);
                }
                else if (events.Count == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal([new ConnectedEvent(new ServerHello("HELLO", 1), false), new DisconnectedEvent(), new ConnectedEvent(new ServerHello("HELLO", 2), true)], events);
    }
}
