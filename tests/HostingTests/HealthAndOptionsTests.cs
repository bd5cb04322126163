using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Lifeline.Hosting;
using Lifeline.HostingTests.Hubs;
using Lifeline.HostingTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.HostingTests;

public class HealthAndOptionsTests
{
    [Fact]
    public async Task Health_is_unhealthy_before_start_and_after_stop_healthy_while_serving_degraded_over_the_fault_rate()
    {
        var host = HubHost.Build(builder =>
        {
            builder.Services.AddLifelineRouter<JournalHub>(options =>
            {
                options.Bind.Add(Transports.BindEndpoint(Transports.Inproc));
                options.HealthyFaultsPerMinute = 2;
            });
            builder.Services.AddHealthChecks().AddCheck<LifelineHealthCheck<JournalHub>>("jobs");
        });
        var health = host.Get<HealthCheckService>();
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync()).Status);

        await host.StartAsync();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
        using var worker = Peers.Worker(host.EndpointOf<JournalHub>(), "w1");
        for (var i = 0; i < 3; i++)
        {
            worker.SendFrame("throw");
        }

        host.Journal.WaitFor("throwing ", 3);
        var degraded = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal(3, degraded.Entries["jobs"].Data["handler_faults_last_minute"]);

        await host.StopAsync();
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync()).Status);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_dealer_reconnects_to_a_restarted_server_logs_it_counts_it_and_is_degraded_while_away()
    {
        var router = new RouterSocket();
        router.SetHelloMessage(new ServerHello("jobs", 1));
        var port = router.BindRandomPort("tcp://127.0.0.1");
        await using var host = HubHost.Build(builder => builder.Services.AddLifelineDealer<ClientHub>(options =>
        {
            options.Connect.Add($"tcp://127.0.0.1:{port}");
            options.SetHello(new WorkerHello("w1", ["cpu"]));
            options.ConfigureSocket = socket => socket.Options.ReconnectInterval = TimeSpan.FromMilliseconds(20);
        }));
        using var reconnects = ObservabilityTests.Collect<long>(host, LifelineTelemetry.Reconnects);
        var check = host.Get<LifelineHealthCheck<ClientHub>>();
        await host.StartAsync();
        host.Journal.WaitFor("server ");
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        router.Dispose();
        host.Journal.WaitFor("server-dropped");
        Assert.Equal(HealthStatus.Degraded, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        using var restarted = new RouterSocket();
        restarted.SetHelloMessage(new ServerHello("jobs", 2));
        restarted.Bind($"tcp://127.0.0.1:{port}");

        Assert.Equal("server-again jobs 2 2", host.Journal.WaitFor("server-again ").Single());
        var records = host.Logs.GetSnapshot();
        Assert.Single(records, r => r.Id.Id == LifelineLogEvents.ServerConnected);
        Assert.Single(records, r => r.Id.Id == LifelineLogEvents.ServerDisconnected);
        Assert.Single(records, r => r.Id.Id == LifelineLogEvents.ServerReconnected);
        Assert.Equal(1, reconnects.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.True(host.Get<ILifelinePresence<ClientHub>>().Current.TryGetHello<ServerHello>(PeerId.None, out var hello));
        Assert.Equal(2, hello.Generation);
    }

    [Fact]
    public async Task Options_bind_from_configuration_and_code_sets_the_records()
    {
        var endpoint = Transports.BindEndpoint(Transports.Inproc);
        await using var host = HubHost.Build(builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Lifeline:Jobs:Bind:0"] = endpoint,
                ["Lifeline:Jobs:MaxFrameSize"] = "2048",
                ["Lifeline:Jobs:SendQueueCapacity"] = "16",
                ["Lifeline:Jobs:HeartbeatInterval"] = "00:00:01",
                ["Lifeline:Jobs:Linger"] = "00:00:00.250",
                ["Lifeline:Jobs:Curve:SecretKey"] = null,
            });
            builder.Services.AddLifelineRouter<JournalHub>(options => options.SetHello(new ServerHello("jobs", 7)))
                .BindConfiguration("Lifeline:Jobs");
        });
        await host.StartAsync();
        var options = host.ServiceOf<JournalHub>().Running!.Options;
        Assert.Equal([endpoint], options.Bind);
        Assert.Equal(2048, options.MaxFrameSize);
        Assert.Equal(16, options.SendQueueCapacity);
        Assert.Equal(TimeSpan.FromSeconds(1), options.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Linger);

        // The hello set in code is what peers receive.
        using var worker = Peers.Worker(endpoint, "w1");
        Assert.True(worker.TryReceiveFrameBytes(Wait.Timeout, out var frame));
        Assert.True(LifelineFrame.TryDecode<ServerHello>(frame, out var hello, out _));
        Assert.Equal(new ServerHello("jobs", 7), hello);
    }

    [Theory]
    [InlineData("MaxFrameSize", "0")]
    [InlineData("SendQueueCapacity", "-1")]
    [InlineData("MaxMessageSize", "-1")]
    [InlineData("Linger", "-00:00:01")]
    [InlineData("Curve:SecretKey", "too short")]
    public async Task Unbounded_or_invalid_options_are_refused_when_the_host_starts(string key, string value)
    {
        var host = HubHost.Build(builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:Bind:0"] = "inproc://never", [$"Jobs:{key}"] = value });
            builder.Services.AddLifelineRouter<JournalHub>().BindConfiguration("Jobs");
        });
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.Host.StartAsync());
        Assert.Contains(key.Split(':').Last(), error.Message, StringComparison.Ordinal);
        host.Host.Dispose();
    }

    [Fact]
    public async Task Curve_keys_from_options_encrypt_and_a_client_with_the_wrong_server_key_never_says_hello()
    {
        var server = new NetMQCertificate();
        var endpoint = "tcp://127.0.0.1:0";
        await using var host = await SendingTests.StartJournalHub(Transports.Tcp, options =>
        {
            options.Bind.Clear();
            options.Bind.Add(endpoint);
            options.Curve.SecretKey = server.SecretKeyZ85;
        });
        var bound = host.EndpointOf<JournalHub>();

        using var impostor = new DealerSocket();
        impostor.Options.CurveServerKey = new NetMQCertificate().PublicKey;
        impostor.Options.CurveCertificate = new NetMQCertificate();
        impostor.SetHelloMessage(new WorkerHello("impostor", []));
        impostor.Connect(bound);

        using var client = new DealerSocket();
        client.Options.CurveServerKey = server.PublicKey;
        client.Options.CurveCertificate = new NetMQCertificate();
        client.SetHelloMessage(new WorkerHello("trusted", []));
        client.Connect(bound);
        client.SendFrame("over curve");
        host.Journal.WaitFor("message ");
        Assert.Single(host.Journal.WaitFor("connected "), line => line.Contains(" trusted ", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Journal.Lines, line => line.Contains("impostor", StringComparison.Ordinal));
    }
}
