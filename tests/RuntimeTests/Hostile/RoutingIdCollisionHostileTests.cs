using System;
using System.Collections.Generic;
using System.Linq;
using Lifeline.RuntimeTests.Conformance;
using Lifeline.RuntimeTests.Handlers;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>
/// NetMQ's routing-id collision (defect 9) throws from the receive call that attaches the next anonymous peer. Where
/// Lifeline makes that call (<see cref="LifelineSocketHost.TryProcess"/>), it is contained: reported, and every other peer
/// is still served. Inside NetMQPoller it is thrown by the poller's own readiness check, out of reach
/// (<c>NetMQHostileConformanceTests.Defect_routing_id_collision_escapes_netmqpoller_run</c>).
/// </summary>
public class RoutingIdCollisionHostileTests
{
    [Fact]
    public void Hostile_a_routing_id_collision_is_reported_and_the_host_keeps_serving_other_peers()
    {
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new ClientGone("lost"));
        var endpoint = Transports.Bind(router, Transports.Tcp);
        var (probe, claimer, _) = RoutingIdCollision.Arm(router, endpoint, Transports.Timeout);
        using var __ = probe;
        using var ___ = claimer;

        var handler = new RecordingHandler();
        using var host = new LifelineSocketHost(router, handler);
        var faults = new List<LifelineHandlerFaultedEventArgs>();
        host.HandlerFaulted += (_, e) => faults.Add(e);

        // The next anonymous peer collides with the claimer's id: NetMQ throws while attaching it.
        using var victim = new DealerSocket();
        victim.Connect(endpoint);
        victim.SendFrame("victim");
        var deadline = DateTime.UtcNow + Transports.Timeout;
        while (faults.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no fault reported; events: {string.Join(", ", handler.Events)}");
            host.TryProcess(TimeSpan.FromMilliseconds(100));
        }

        var fault = Assert.Single(faults);
        Assert.Equal(LifelineSocketHost.ReceiveHandler, fault.Handler);
        Assert.IsType<ArgumentException>(fault.Exception);

        // The host still serves: the claimer, and a new peer with a hello.
        claimer.SendFrame("claimer again");
        using var next = new DealerSocket();
        next.SetHelloMessage(new ClientHello("next", 1));
        next.Connect(endpoint);
        next.SendFrame("after the collision");
        deadline = DateTime.UtcNow + Transports.Timeout;
        while (!(handler.Events.Any(x => x.EndsWith(" after the collision", StringComparison.Ordinal)) && handler.Events.Any(x => x.EndsWith(" claimer again", StringComparison.Ordinal))))
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out; events: {string.Join(", ", handler.Events)}");
            host.TryProcess(TimeSpan.FromMilliseconds(100));
        }

        var events = handler.Events;
        Assert.Contains(events, e => e.StartsWith("connected ", StringComparison.Ordinal) && e.EndsWith(" next", StringComparison.Ordinal));
        Assert.Single(host.Session.Peers);
    }
}
