using System;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Lifeline.RuntimeTests.Hostile;
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
        var (ended, fromRun) = RunUntilAPeerSends(poller, endpoint, "ordinary");
        output.WriteLine($"in handler: {inHandler}");
        output.WriteLine($"from Run: {fromRun}");

        Assert.True(ended, Fixed + " NetMQPoller.Run() kept running after the colliding peer arrived.");
        Assert.True(fromRun is ArgumentException, Fixed + $" Expected ArgumentException out of Run(), got {fromRun?.GetType().Name ?? "nothing"}.");
        Assert.Contains("Router.IdentifyPeer", fromRun!.StackTrace, StringComparison.Ordinal);
        Assert.Contains("NetMQSelector.Select", fromRun.StackTrace, StringComparison.Ordinal);
        Assert.Null(inHandler);
    }

    /// <summary>
    /// Defect 8: a READY command whose metadata property declares a length of 2^31 or more makes
    /// Mechanism.ParseMetadata allocate a negative-sized array on NetMQ's IO thread. The OverflowException is
    /// unhandled there and ends the process hosting the ROUTER (here a child process), before any application code
    /// sees the peer.
    /// </summary>
    [Fact]
    public async Task Defect_ready_metadata_length_of_2_pow_31_kills_the_process_from_netmqs_io_thread()
    {
        var (victim, port) = PeerProcesses.StartRouter();
        using var _ = victim;
        var stderr = victim.StandardError.ReadToEndAsync();
        using (var attacker = RawZmtp.Connect(port))
        {
            var stream = attacker.GetStream();
            stream.Write(RawZmtp.NullGreeting());
            stream.Write(RawZmtp.ReadyWithDeclaredPropertyLength(0x8000_0000));
            stream.Flush();
            using var wait = new CancellationTokenSource(Transports.Timeout);
            try
            {
                await victim.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                victim.Kill();
                await victim.WaitForExitAsync();
                Assert.Fail(Fixed + " The ROUTER process survived a READY with a property length of 2^31.");
            }
        }

        var error = await stderr.WaitAsync(Transports.Timeout);
        output.WriteLine($"exit code {victim.ExitCode}; stderr:\n{error}");
        Assert.NotEqual(0, victim.ExitCode);
        Assert.Contains("System.OverflowException", error, StringComparison.Ordinal);
        Assert.Contains("NetMQ.Core.Mechanisms.Mechanism.ParseMetadata", error, StringComparison.Ordinal);
        Assert.Contains("NetMQ.Core.Utils.Proactor.Loop", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Defect 10: NetMQ has no handshake timeout (libzmq has ZMQ_HANDSHAKE_IVL, 30 s by default). A raw tcp connection
    /// that sends nothing is held open: the ROUTER sends its greeting and then waits for ever. Pinned two ways: no
    /// socket option mentions a handshake, and the connection is not closed within the window.
    /// </summary>
    [Fact]
    public async Task Defect_a_connection_that_never_greets_is_held_open()
    {
        var optionNames = Enum.GetNames(typeof(NetMQSocket).Assembly.GetType("NetMQ.Core.ZmqSocketOption", throwOnError: true)!)
            .Concat(typeof(SocketOptions).GetProperties().Select(p => p.Name));
        Assert.False(
            optionNames.Any(n => n.Contains("Handshake", StringComparison.OrdinalIgnoreCase)),
            Fixed + " NetMQ now has a handshake option.");
        using var router = new RouterSocket();
        var endpoint = Transports.Bind(router, Transports.Tcp);
        using var silent = RawZmtp.Connect(RawZmtp.Port(endpoint));
        var window = TimeSpan.FromSeconds(2);

        // Read whatever the ROUTER sends (its greeting) until the connection closes or the window ends.
        using var deadline = new CancellationTokenSource(window);
        var buffer = new byte[256];
        var received = 0;
        var closed = false;
        try
        {
            while (true)
            {
                var n = await silent.GetStream().ReadAsync(buffer, deadline.Token);
                if (n == 0)
                {
                    closed = true;
                    break;
                }

                received += n;
            }
        }
        catch (OperationCanceledException)
        {
        }

        Assert.False(closed, Fixed + $" The ROUTER closed a silent connection within {window.TotalSeconds} s.");
        Assert.True(received > 0, "the ROUTER should have sent (part of) its greeting");
        Assert.True(silent.Connected);
    }

    /// <summary>
    /// Task-4 finding (docs/netmq-defects.md, MaxMsgSize): the tcp listener shares the socket's Options object
    /// (Own keeps the reference, TcpListener and StreamEngine read it when each connection's decoder is created), so
    /// a MaxMsgSize set on a ROUTER after Bind applies to peers that connect later: a larger frame drops the tcp
    /// connection (the ROUTER generates its disconnect message for that peer, never the frame). Over inproc there is
    /// no decoder and MaxMsgSize is never consulted: the frame is delivered.
    /// </summary>
    [Theory]
    [InlineData(Transports.Tcp, false)]
    [InlineData(Transports.Inproc, true)]
    public void Max_msg_size_set_after_bind_applies_to_later_tcp_peers_and_never_to_inproc(string transport, bool delivered)
    {
        using var router = new RouterSocket();
        router.Options.DisconnectMessage = "D"u8.ToArray();
        var endpoint = Transports.Bind(router, transport);
        router.Options.MaxMsgSize = 1024;
        using var dealer = new DealerSocket();
        dealer.Connect(endpoint);
        dealer.SendFrame("small");
        var first = Receive(router);
        Assert.Equal("small", first.Last.ConvertToString(Encoding.ASCII));

        dealer.SendFrame(new byte[4096]);
        var next = Receive(router);

        Assert.Equal(first[0].ToByteArray(), next[0].ToByteArray());
        if (delivered)
        {
            Assert.Equal(4096, next.Last.BufferSize);
        }
        else
        {
            Assert.True(next.Last.ConvertToString(Encoding.ASCII) == "D", Fixed + " Expected the oversized frame to drop the tcp connection.");
        }
    }

    /// <summary>Defect 12: an exception thrown by a ReceiveReady handler is not isolated; it propagates out of Run().</summary>
    [Fact]
    public void Defect_a_receive_ready_handler_exception_escapes_netmqpoller_run()
    {
        using var router = new RouterSocket();
        var endpoint = Transports.Bind(router, Transports.Tcp);
        using var poller = new NetMQPoller { router };
        router.ReceiveReady += (_, _) => throw new InvalidOperationException("handler failure");
        var (ended, fromRun) = RunUntilAPeerSends(poller, endpoint, "trigger");

        Assert.True(ended, Fixed + " NetMQPoller.Run() survived a throwing ReceiveReady handler.");
        Assert.Equal("handler failure", Assert.IsType<InvalidOperationException>(fromRun).Message);
    }

    /// <summary>
    /// Runs the poller on a thread of its own, has a new DEALER send one frame, and waits for Run() to end. Returns whether
    /// it ended (if not, the poller is stopped) and what Run() threw.
    /// </summary>
    private static (bool Ended, Exception? FromRun) RunUntilAPeerSends(NetMQPoller poller, string endpoint, string frame)
    {
        Exception? fromRun = null;
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
        using var dealer = new DealerSocket();
        dealer.Connect(endpoint);
        dealer.SendFrame(frame);

        var ended = thread.Join(Transports.Timeout);
        if (!ended)
        {
            poller.Stop();
            thread.Join();
        }

        return (ended, fromRun);
    }

    private static NetMQMessage Receive(RouterSocket router)
    {
        NetMQMessage? message = null;
        Assert.True(router.TryReceiveMultipartMessage(Transports.Timeout, ref message), "the ROUTER received nothing");
        return message;
    }
}
