using System;
using System.Linq;
using System.Threading.Tasks;
using Lifeline.Hosting;
using Lifeline.HostingTests.Hubs;
using Lifeline.HostingTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NetMQ;
using Xunit;

namespace Lifeline.HostingTests;

public class ShutdownTests
{
    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public async Task Stopping_takes_no_new_message_and_waits_for_an_asynchronous_handler_to_finish_on_its_thread(string transport)
    {
        var gate = new Gate();
        var host = StartGateHub(gate, transport, Wait.Timeout);
        await host.StartAsync();
        var thread = host.ServiceOf<GateHub>().Running!.Thread;
        using var worker = Peers.Worker(host.EndpointOf<GateHub>(), "w1");
        worker.SendFrame("wait");
        Wait.For(gate.Entered, "the handler to start");

        var stopping = host.StopAsync();
        await WaitForLog(host, LifelineLogEvents.Stopping);
        worker.SendFrame("late");
        Assert.False(stopping.IsCompleted, "the host stopped under a running handler");
        Assert.True(thread.IsAlive);

        gate.Release.SetResult();
        await Wait.Within(stopping, "the host to stop");
        var finished = Assert.Single(host.Journal.WaitFor("finished "));
        Assert.Equal($"finished wait {thread.ThreadId}", finished);
        Assert.DoesNotContain("started late", host.Journal.Lines);
        Assert.True(thread.Join(Wait.Timeout));
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Id.Id == LifelineLogEvents.ShutdownTimedOut);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_handler_that_outlives_the_shutdown_timeout_is_left_behind_and_reported_and_the_socket_closes()
    {
        var gate = new Gate();
        var host = StartGateHub(gate, Transports.Inproc, TimeSpan.FromMilliseconds(300));
        await host.StartAsync();
        var running = host.ServiceOf<GateHub>().Running!;
        using var worker = Peers.Worker(host.EndpointOf<GateHub>(), "w1");
        worker.SendFrame("wait");
        Wait.For(gate.Entered, "the handler to start");

        await Wait.Within(host.Host.StopAsync(), "the host to stop");
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == LifelineLogEvents.ShutdownTimedOut);
        Assert.True(running.Thread.Join(Wait.Timeout));
        Assert.True(running.Socket.IsDisposed);

        // The abandoned handler's continuation has no poller to run on: it is dropped, not thrown on the thread pool.
        gate.Release.SetResult();
        host.Host.Dispose();
    }

    [Fact]
    public async Task A_handler_that_blocks_the_socket_thread_past_the_stop_leaves_the_socket_open_and_says_so()
    {
        var gate = new Gate();
        var host = StartGateHub(gate, Transports.Inproc, TimeSpan.FromMilliseconds(200));
        await host.StartAsync();
        var running = host.ServiceOf<GateHub>().Running!;
        using var worker = Peers.Worker(host.EndpointOf<GateHub>(), "w1");
        worker.SendFrame("block");
        Wait.For(gate.Entered, "the handler to start");

        await Wait.Within(host.Host.StopAsync(), "the host to stop");
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == LifelineLogEvents.ThreadStuck);
        Assert.False(running.Socket.IsDisposed);

        gate.Unblock.Set();
        Assert.True(running.Thread.Join(Wait.Timeout));
        host.Host.Dispose();
    }

    private static HubHost StartGateHub(Gate gate, string transport, TimeSpan shutdownTimeout) =>
        HubHost.Build(
            builder =>
            {
                builder.Services.AddSingleton(gate);
                builder.Services.AddLifelineRouter<GateHub>(options => options.Bind.Add(Transports.BindEndpoint(transport)));
            },
            shutdownTimeout);

    private static async Task WaitForLog(HubHost host, int eventId)
    {
        var deadline = DateTime.UtcNow + Wait.Timeout;
        while (!host.Logs.GetSnapshot().Any(r => r.Id.Id == eventId))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no log event {eventId}");
            await Task.Delay(5);
        }
    }
}
