using System;
using System.Diagnostics;
using Lifeline.RuntimeTests.Handlers;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>A peer that hangs without closing (SIGSTOP) is reported disconnected, with its hello, within the heartbeat timeout.</summary>
public class DeadPeerHostileTests
{
    [Fact]
    public void Hostile_stopped_peer_is_disconnected_within_the_heartbeat_timeout()
    {
        var timeout = TimeSpan.FromMilliseconds(600);
        using var router = new RouterSocket();
        router.UseHeartbeats(TimeSpan.FromMilliseconds(200), timeout);
        router.SetDisconnectMessage(new ClientGone("no heartbeat"));
        var endpoint = Transports.Bind(router, Transports.Tcp);
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(router, handler);
        using var peer = PeerProcesses.Start(endpoint, "frozen");
        HandlerTests.Pump(lifeline, handler, 2);

        PeerProcesses.Signal(peer, "STOP");
        var clock = Stopwatch.StartNew();
        try
        {
            HandlerTests.Pump(lifeline, handler, 3);
        }
        finally
        {
            peer.Kill();
        }

        var id = handler.Events[0].Split(' ')[1];
        Assert.Equal($"disconnected {id} frozen no heartbeat", handler.Events[2]);

        // Heartbeats notice it; a loaded machine may add scheduling delay, never a full reconnect cycle.
        Assert.True(clock.Elapsed < timeout + TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Heartbeat_options_are_validated()
    {
        using var router = new RouterSocket();
        Assert.Throws<ArgumentOutOfRangeException>(() => router.UseHeartbeats(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => router.UseHeartbeats(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));
        router.UseHeartbeats(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), router.Options.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromSeconds(3), router.Options.HeartbeatTimeout);
    }
}
