using System;
using System.Linq;
using System.Threading.Tasks;
using Lifeline.Hosting;
using Lifeline.HostingTests.Hubs;
using Lifeline.HostingTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.HostingTests;

public class LifecycleTests
{
    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public async Task The_socket_starts_with_the_host_and_stops_with_it_leaving_no_thread_or_socket_behind(string transport)
    {
        var host = HubHost.Build(builder => builder.Services.AddLifelineRouter<JournalHub>(options =>
        {
            options.Bind.Add(Transports.BindEndpoint(transport));
            options.SetHello(new ServerHello("jobs", 1));
            options.SetDisconnectMessage(new WorkerGone("lost"));
        }));
        await host.StartAsync();
        var endpoint = host.EndpointOf<JournalHub>();
        var running = host.ServiceOf<JournalHub>().Running!;
        var thread = running.Thread;
        var socket = running.Socket;
        Assert.True(thread.IsAlive);

        using (var worker = Peers.Worker(endpoint, "w1"))
        {
            worker.SendFrame("hello there");
            host.Journal.WaitFor("message ");
        }

        host.Journal.WaitFor("disconnected ");
        await host.StopAsync();

        Assert.True(thread.Join(Wait.Timeout), "the socket's thread did not end");
        Assert.True(socket.IsDisposed);
        Assert.Null(host.ServiceOf<JournalHub>().Running);
        Assert.Equal(0, host.Get<ILifelinePresence<JournalHub>>().Current.Count);
        if (transport == Transports.Tcp)
        {
            // The port is free again: NetMQ closes the listener on its own I/O thread, shortly after the socket is disposed.
            using var again = new RouterSocket();
            var deadline = DateTime.UtcNow + Wait.Timeout;
            while (!TryBind(again, endpoint))
            {
                Assert.True(DateTime.UtcNow < deadline, "the port stayed taken");
                await Task.Delay(20);
            }
        }

        await host.DisposeAsync();
    }

    private static bool TryBind(RouterSocket socket, string endpoint)
    {
        try
        {
            socket.Bind(endpoint);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
        catch (NetMQException)
        {
            return false;
        }
    }

    [Fact]
    public async Task The_hub_is_activated_from_dependency_injection_with_its_services_and_its_context()
    {
        var host = HubHost.Build(builder => builder.Services.AddLifelineRouter<JournalHub>(options =>
        {
            options.Bind.Add(Transports.BindEndpoint(Transports.Inproc));
            options.SetDisconnectMessage(new WorkerGone("lost"));
        }));
        await host.StartAsync();
        using (var worker = Peers.Worker(host.EndpointOf<JournalHub>(), "w1"))
        {
            // The journal is the DI singleton, and the context saw the peer of the event.
            var lines = host.Journal.WaitFor("connected ");
            Assert.EndsWith(" w1 True", lines.Single(), StringComparison.Ordinal);
            worker.SendFrame("who");
            Assert.Equal("w1", Peers.Next(worker));
        }

        // During the departure the context still knows the departed peer's hello.
        var gone = host.Journal.WaitFor("disconnected ").Last();
        Assert.EndsWith(" w1 lost w1", gone, StringComparison.Ordinal);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_scoped_dependency_lives_as_long_as_the_socket_and_is_disposed_when_the_host_stops()
    {
        var host = HubHost.Build(builder =>
        {
            builder.Services.AddScoped<ScopedThing>();
            builder.Services.AddLifelineRouter<ScopedHub>(options => options.Bind.Add(Transports.BindEndpoint(Transports.Inproc)));
        });
        await host.StartAsync();
        var thing = ScopedThing.Last!;
        Assert.False(thing.IsDisposed);
        await host.StopAsync();
        Assert.True(thing.IsDisposed);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_host_whose_endpoint_cannot_be_bound_fails_to_start_and_says_why()
    {
        using var squatter = new RouterSocket();
        var port = squatter.BindRandomPort("tcp://127.0.0.1");
        var host = HubHost.Build(builder => builder.Services.AddLifelineRouter<JournalHub>(options => options.Bind.Add($"tcp://127.0.0.1:{port}")));
        await Assert.ThrowsAnyAsync<NetMQException>(() => host.Host.StartAsync());
        var failed = Assert.Single(host.Logs.GetSnapshot(), record => record.Id.Id == LifelineLogEvents.StartFailed);
        Assert.Contains($"127.0.0.1:{port}", failed.Message, StringComparison.Ordinal);
        host.Host.Dispose();
    }

    [Fact]
    public async Task Options_without_an_endpoint_stop_the_host_from_starting()
    {
        var host = HubHost.Build(builder => builder.Services.AddLifelineRouter<JournalHub>());
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.Host.StartAsync());
        Assert.Contains("endpoint", error.Message, StringComparison.Ordinal);
        host.Host.Dispose();
    }

    [Fact]
    public void A_hub_can_be_hosted_once()
    {
        var services = new ServiceCollection();
        services.AddLifelineRouter<JournalHub>();
        Assert.Throws<InvalidOperationException>(() => services.AddLifelineRouter<JournalHub>());
    }
}

/// <summary>A scoped service: one per hosted socket.</summary>
public sealed class ScopedThing : IDisposable
{
    public ScopedThing() => Last = this;

    public static ScopedThing? Last { get; private set; }

    public bool IsDisposed { get; private set; }

    public void Dispose() => IsDisposed = true;
}

/// <summary>A hub that takes a scoped service.</summary>
[LifelineHandler]
public sealed partial class ScopedHub(ScopedThing thing)
{
    private void OnMessage(PeerId peer, NetMQMessage message) => GC.KeepAlive(thing);
}
