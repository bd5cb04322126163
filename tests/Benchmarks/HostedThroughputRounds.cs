using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Lifeline.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline.Benchmarks;

/// <summary>
/// The hosted path against the plain one, in alternating rounds on one process: the same hub class on a
/// <see cref="LifelineSocketHost"/> in a <see cref="NetMQPoller"/> of its own (what an application writes by hand,
/// the baseline) and through <c>AddLifelineRouter</c> on the generic host (context, logging, metrics, the send queue
/// in the poller). Ten peers each say hello, send 10,000 messages and leave once they were delivered; the round's
/// traffic is queued before the clock starts.
/// </summary>
public static class HostedThroughputRounds
{
    private const int Peers = 10;
    private const int MessagesPerPeer = 10_000;
    private const int Operations = Peers * (MessagesPerPeer + 2);
    private static readonly byte[] Payload = new byte[64];
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static void Run(string transport, int rounds)
    {
        using var plain = new PlainSide(transport);
        using var hosted = new HostedSide(transport);
        var plainTimes = new double[rounds];
        var hostedTimes = new double[rounds];
        for (var round = -1; round < rounds; round++)
        {
            // Round -1 warms both up and is not recorded. Which side goes first alternates: on a busy machine the
            // second of a pair was seen to run in different conditions from the first.
            double p, h;
            if (round % 2 == 0)
            {
                p = Round(plain.Signal, plain.Endpoint);
                h = Round(hosted.Signal, hosted.Endpoint);
            }
            else
            {
                h = Round(hosted.Signal, hosted.Endpoint);
                p = Round(plain.Signal, plain.Endpoint);
            }

            if (round >= 0)
            {
                plainTimes[round] = p;
                hostedTimes[round] = h;
            }
        }

        // Each pair of rounds runs back to back, so the median of the paired ratios is what a busy machine disturbs least;
        // the ratio of the medians is printed too, as the raw-vs-typed comparison reports it.
        double Median(IEnumerable<double> values) => values.Order().ElementAt(rounds / 2);
        var paired = Median(plainTimes.Zip(hostedTimes, (p, h) => p / h));
        Console.WriteLine($"{transport}, {rounds} rounds of {Operations:N0} messages (median): plain LifelineSocketHost on a poller {Operations / Median(plainTimes):N0} msg/s, hosted (AddLifelineRouter) {Operations / Median(hostedTimes):N0} msg/s, hosted/plain throughput {paired:F2}x (median of paired rounds; ratio of medians {Median(plainTimes) / Median(hostedTimes):F2}x)");
    }

    private static double Round(RoundSignal signal, string endpoint)
    {
        signal.ExpectedMessages = Peers * MessagesPerPeer;
        signal.ExpectedDepartures = Peers;
        signal.Arm();
        var dealers = Traffic(endpoint);
        var clock = Stopwatch.StartNew();
        signal.Go.Set();
        Expect(signal.Delivered, "the messages");
        dealers.ForEach(dealer => dealer.Dispose());
        Expect(signal.Departed, "the departures");
        return clock.Elapsed.TotalSeconds;
    }

    private static void Expect(ManualResetEventSlim signal, string what)
    {
        if (!signal.Wait(Timeout))
        {
            throw new TimeoutException($"{what} did not arrive");
        }
    }

    private static List<DealerSocket> Traffic(string endpoint)
    {
        var dealers = new List<DealerSocket>();
        for (var i = 0; i < Peers; i++)
        {
            var dealer = new DealerSocket();
            dealer.Options.SendHighWatermark = 1_000_000;
            dealer.Options.Linger = TimeSpan.FromSeconds(30);
            dealer.Options.DelayAttachOnConnect = true;
            dealer.SetHelloMessage(Samples.Hello());
            dealer.Connect(endpoint);
            for (var m = 0; m < MessagesPerPeer; m++)
            {
                dealer.SendFrame(Payload);
            }

            dealers.Add(dealer);
        }

        return dealers;
    }

    private static string Endpoint(string transport) =>
        transport == "inproc" ? $"inproc://hosted-throughput-{Guid.NewGuid():N}" : "tcp://127.0.0.1:0";

    /// <summary>The baseline: the hub on a LifelineSocketHost in a poller on a thread, written by hand.</summary>
    private sealed class PlainSide : IDisposable
    {
        private readonly RouterSocket _router = new();
        private readonly LifelineSocketHost _host;
        private readonly NetMQPoller _poller;

        public PlainSide(string transport)
        {
            _router.Options.ReceiveHighWatermark = 1_000_000;
            _router.SetDisconnectMessage(new WorkerGone("lost"));
            _router.Bind(Endpoint(transport));
            Endpoint = _router.Options.LastEndpoint!;
            _host = new LifelineSocketHost(_router, new GatedHub(Signal));
            _poller = new NetMQPoller { _host };

            _poller.RunAsync();
        }

        public RoundSignal Signal { get; } = new();

        public string Endpoint { get; }

        public void Dispose()
        {
            _poller.Stop();
            _poller.Dispose();
            _host.Dispose();
            _router.Dispose();
        }
    }

    /// <summary>The hosted path: the same hub through AddLifelineRouter on the generic host, with its defaults.</summary>
    private sealed class HostedSide : IDisposable
    {
        private readonly IHost _host;

        public HostedSide(string transport)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.ClearProviders();
            builder.Services.AddMetrics();
            builder.Services.AddSingleton(Signal);
            builder.Services.AddLifelineRouter<GatedHub>(options =>
            {
                options.Bind.Add(Endpoint(transport));
                options.ReceiveHighWatermark = 1_000_000;
                options.SetDisconnectMessage(new WorkerGone("lost"));
            });
            _host = builder.Build();
            _host.Start();
            Endpoint = _host.Services.GetRequiredService<ILifelineStatus<GatedHub>>().Endpoints[0];
        }

        public RoundSignal Signal { get; } = new();

        public string Endpoint { get; }

        public void Dispose()
        {
            _host.StopAsync().GetAwaiter().GetResult();
            _host.Dispose();
        }
    }
}
