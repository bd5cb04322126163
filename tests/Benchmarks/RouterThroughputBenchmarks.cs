using System;
using System.Collections.Generic;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline.Benchmarks;

/// <summary>
/// Application messages with lifecycle events mixed in, through a ROUTER: ten peers each say hello, send 10,000
/// messages and leave once they have been delivered. Typed handlers on a LifelineSocketHost against a raw receive loop doing the same by hand.
/// </summary>
[Config(typeof(SocketBenchConfig))]
public class RouterThroughputBenchmarks
{
    private const int Peers = 10;
    private const int MessagesPerPeer = 10_000;
    private const int Operations = Peers * (MessagesPerPeer + 2);

    public const int OperationsPerIteration = Operations;
    private static readonly byte[] Payload = new byte[64];

    private RouterSocket _router = null!;
    private string _endpoint = null!;
    private LifelineSocketHost _host = null!;
    private CountingHandler _handler = null!;
    private RawLoop _raw = null!;
    private List<DealerSocket> _dealers = [];

    [Params("inproc", "tcp")]
    public string Transport { get; set; } = "inproc";

    [GlobalSetup(Target = nameof(Typed))]
    public void SetupTyped()
    {
        CreateRouter();
        _router.SetDisconnectMessage(new WorkerGone("lost"));
        Bind();
        _handler = new CountingHandler();
        _host = new LifelineSocketHost(_router, _handler);
    }

    [GlobalSetup(Target = nameof(Raw))]
    public void SetupRaw()
    {
        CreateRouter();
        _router.Options.DisconnectMessage = RawLoop.Disconnect;
        Bind();
        _raw = new RawLoop(_router);
    }

    [IterationSetup(Target = nameof(Typed))]
    public void TrafficTyped()
    {
        _handler.Reset();
        Traffic(dealer => dealer.SetHelloMessage(Samples.Hello()));
    }

    [IterationSetup(Target = nameof(Raw))]
    public void TrafficRaw()
    {
        _raw.Reset();
        var hello = RawLoop.Hello(Samples.MpHello());
        Traffic(dealer => dealer.Options.HelloMessage = hello);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations, Description = "raw NetMQ loop, byte[] lifecycle")]
    public int Raw()
    {
        var clock = Stopwatch.StartNew();
        while (_raw.Messages < Peers * MessagesPerPeer || _raw.Disconnected < Peers)
        {
            LeaveWhenDelivered(_raw.Messages);
            Guard(clock, () => $"raw: {_raw.Connected} hellos, {_raw.Messages} messages, {_raw.Disconnected} disconnects");
            _raw.TryProcess(TimeSpan.FromSeconds(1));
        }

        return _raw.Bytes;
    }

    [Benchmark(OperationsPerInvoke = Operations, Description = "Lifeline typed handlers")]
    public int Typed()
    {
        var clock = Stopwatch.StartNew();
        while (_handler.Messages < Peers * MessagesPerPeer || _handler.Disconnected < Peers)
        {
            LeaveWhenDelivered(_handler.Messages);
            Guard(clock, () => $"typed: {_handler.Connected} hellos, {_handler.Messages} messages, {_handler.Disconnected} disconnects");
            _host.TryProcess(TimeSpan.FromSeconds(1));
        }

        return _handler.Bytes;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host?.Dispose();
        _router.Dispose();
    }

    // The progress text is built only on failure: a profile showed formatting it on every message took half the
    // raw loop's time and diluted the comparison.
    private static void Guard(Stopwatch clock, Func<string> progress)
    {
        if (clock.Elapsed > TimeSpan.FromSeconds(60))
        {
            throw new TimeoutException("the traffic did not arrive; " + progress());
        }
    }

    private void CreateRouter()
    {
        _router = new RouterSocket();
        _router.Options.ReceiveHighWatermark = 1_000_000;
    }

    private void Bind() =>
        _endpoint = Transport == "inproc"
            ? BindInproc()
            : $"tcp://127.0.0.1:{_router.BindRandomPort("tcp://127.0.0.1")}";

    private string BindInproc()
    {
        var endpoint = $"inproc://throughput-{Guid.NewGuid():N}";
        _router.Bind(endpoint);
        return endpoint;
    }

    // The peers leave once everything they sent has arrived: NetMQ was seen to drop up to 5% of a closing tcp
    // socket's queued messages despite its linger, and a lost message would stall both loops alike.
    private void LeaveWhenDelivered(int delivered)
    {
        if (delivered == Peers * MessagesPerPeer && _dealers.Count > 0)
        {
            _dealers.ForEach(d => d.Dispose());
            _dealers.Clear();
        }
    }

    // Every peer connects with its hello and queues its messages.
    private void Traffic(Action<DealerSocket> hello)
    {
        var dealers = new List<DealerSocket>();
        for (var i = 0; i < Peers; i++)
        {
            var dealer = new DealerSocket();
            dealer.Options.SendHighWatermark = 1_000_000;
            dealer.Options.Linger = TimeSpan.FromSeconds(30);

            // Sends wait for the tcp connection, so closing right after cannot drop what is still unconnected.
            dealer.Options.DelayAttachOnConnect = true;
            hello(dealer);
            dealer.Connect(_endpoint);
            for (var m = 0; m < MessagesPerPeer; m++)
            {
                dealer.SendFrame(Payload);
            }

            dealers.Add(dealer);
        }

        _dealers = dealers;
    }
}
