using System;
using System.Threading;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;
using Xunit.Abstractions;

namespace Lifeline.RuntimeTests.Conformance;

/// <summary>
/// NetMQ 4.0.4.5 defects that a library above NetMQ cannot contain, pinned as NetMQ behaves today. Each test asserts
/// the defect; when a NetMQ upgrade fixes one, its test fails with a message saying to update docs/conformance.md
/// and docs/netmq-defects.md.
/// </summary>
public class NetMQHostileConformanceTests(ITestOutputHelper output)
{
    internal const string Fixed =
        "NetMQ no longer behaves as pinned: the defect looks fixed. Update docs/conformance.md and docs/netmq-defects.md, then this test.";

    /// <summary>
    /// Defect 9: a peer that claims the next auto-assigned routing id makes the ROUTER throw ArgumentException
    /// (duplicate key in Router.IdentifyPeer) on the application's thread, from the receive call that processes the
    /// next anonymous peer's attachment.
    /// </summary>
    [Fact]
    public void Defect_routing_id_collision_throws_from_the_routers_receive_call()
    {
        using var router = new RouterSocket();
        var endpoint = Transports.Bind(router, Transports.Tcp);
        var (probe, claimer, _) = RoutingIdCollision.Arm(router, endpoint, Transports.Timeout);
        using var __ = probe;
        using var ___ = claimer;

        using var ordinary = new DealerSocket();
        ordinary.Connect(endpoint);
        ordinary.SendFrame("ordinary");

        Exception? thrown = null;
        NetMQMessage? message = null;
        var received = false;
        try
        {
            received = router.TryReceiveMultipartMessage(Transports.Timeout, ref message);
        }
        catch (Exception e)
        {
            thrown = e;
        }

        output.WriteLine(thrown?.ToString() ?? $"nothing thrown; received: {received}");
        Assert.True(thrown is ArgumentException, Fixed + $" Expected ArgumentException from TryReceiveMultipartMessage, got {thrown?.GetType().Name ?? (received ? "a message" : "a timeout")}.");
        Assert.Contains("Router.IdentifyPeer", thrown!.StackTrace, StringComparison.Ordinal);
        Assert.Contains("TryReceive", thrown.StackTrace, StringComparison.Ordinal);
    }

    /// <summary>
    /// Defect 9 under NetMQPoller: the exception is raised in the poller's own readiness check (NetMQSelector.Select
    /// reading the socket's events processes the attach command), before any ReceiveReady handler runs, so no handler
    /// can catch it; it propagates out of Run() (out of RunAsync() it would end the process).
    /// </summary>
    [Fact]
    public void Defect_routing_id_collision_escapes_netmqpoller_run()
    {
        using var router = new RouterSocket();
        var endpoint = Transports.Bind(router, Transports.Tcp);
        var (probe, claimer, _) = RoutingIdCollision.Arm(router, endpoint, Transports.Timeout);
        using var __ = probe;
        using var ___ = claimer;

        Exception? inHandler = null;
        Exception? fromRun = null;
        using var poller = new NetMQPoller { router };
        router.ReceiveReady += (_, e) =>
        {
            try
            {
                NetMQMessage? m = null;
                e.Socket.TryReceiveMultipartMessage(TimeSpan.Zero, ref m);
            }
            catch (Exception ex)
            {
                inHandler = ex;
                throw;
            }
        };
        var thread = new Thread(() =>
        {
            try
            {
                poller.Run();
            }
            catch (Exception ex)
            {
                fromRun = ex;
            }
        });
        thread.Start();
        using var ordinary = new DealerSocket();
        ordinary.Connect(endpoint);
        ordinary.SendFrame("ordinary");

        var ended = thread.Join(Transports.Timeout);
        output.WriteLine($"in handler: {inHandler}");
        output.WriteLine($"from Run: {fromRun}");
        if (!ended)
        {
            poller.Stop();
            thread.Join();
        }

        Assert.True(ended, Fixed + " NetMQPoller.Run() kept running after the colliding peer arrived.");
        Assert.True(fromRun is ArgumentException, Fixed + $" Expected ArgumentException out of Run(), got {fromRun?.GetType().Name ?? "nothing"}.");
        Assert.Contains("Router.IdentifyPeer", fromRun!.StackTrace, StringComparison.Ordinal);
        Assert.Contains("NetMQSelector.Select", fromRun.StackTrace, StringComparison.Ordinal);
        Assert.Null(inHandler);
    }
}
