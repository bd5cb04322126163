using System;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Handlers;

public class KilledPeerTests
{
    [Fact]
    public void A_peer_process_killed_with_sigkill_produces_the_disconnect_event_with_its_original_hello()
    {
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, Transports.Tcp);
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(router, handler);
        using var peer = Hostile.PeerProcesses.Start(endpoint, "doomed");

        HandlerTests.Pump(lifeline, handler, 2);
        Assert.Equal("ready", peer.StandardOutput.ReadLine());
        peer.Kill(); // SIGKILL on Linux: no close, no goodbye
        Assert.True(peer.WaitForExit((int)Transports.Timeout.TotalMilliseconds));
        HandlerTests.Pump(lifeline, handler, 3);

        Assert.StartsWith("connected ", handler.Events[0], StringComparison.Ordinal);
        Assert.EndsWith(" doomed", handler.Events[0], StringComparison.Ordinal);
        Assert.StartsWith("message ", handler.Events[1], StringComparison.Ordinal);
        var peerId = handler.Events[0].Split(' ')[1];
        Assert.Equal($"disconnected {peerId} doomed lost", handler.Events[2]);
        Assert.Empty(lifeline.Session.Peers);
    }
}
