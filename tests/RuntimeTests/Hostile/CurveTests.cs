using System;
using Lifeline.RuntimeTests.Handlers;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>Typed hellos over CURVE-encrypted tcp; a peer with the wrong server key never becomes a connected peer.</summary>
public class CurveTests
{
    [Fact]
    public void Curve_typed_hellos_cross_encrypted_tcp_and_a_wrong_server_key_never_connects()
    {
        var serverKeys = new NetMQCertificate();
        using var router = new RouterSocket();
        router.Options.CurveServer = true;
        router.Options.CurveCertificate = serverKeys;
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, Transports.Tcp);
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(router, handler);

        // First the impostor, who trusts the wrong server key: its handshake fails, its hello never arrives.
        using var impostor = Client(new NetMQCertificate().PublicKey, "impostor");
        impostor.Connect(endpoint);
        using var trusted = Client(serverKeys.PublicKey, "trusted");
        trusted.Connect(endpoint);
        trusted.SendFrame("secret");

        HandlerTests.Pump(lifeline, handler, 2);

        var peer = handler.Events[0].Split(' ')[1];
        Assert.Equal([$"connected {peer} trusted", $"message {peer} secret"], handler.Events);
        Assert.Single(lifeline.Session.Peers);

        // The impostor keeps retrying for a while; none of it surfaces as an event.
        Assert.False(lifeline.TryProcess(TimeSpan.FromMilliseconds(500)), string.Join('\n', handler.Events));
    }

    private static DealerSocket Client(byte[] serverKey, string name)
    {
        var dealer = new DealerSocket();
        dealer.Options.CurveServerKey = serverKey;
        dealer.Options.CurveCertificate = new NetMQCertificate();
        dealer.Options.ReconnectInterval = TimeSpan.FromMilliseconds(50);
        dealer.SetHelloMessage(new ClientHello(name, 1));
        return dealer;
    }
}
