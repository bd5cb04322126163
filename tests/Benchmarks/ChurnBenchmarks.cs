using System;
using System.Collections.Generic;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using NetMQ.Sockets;

namespace Lifeline.Benchmarks;

/// <summary>N clients connect over tcp with a hello and leave; every connected and disconnected event handled once.</summary>
[Config(typeof(SocketBenchConfig))]
public class ChurnBenchmarks
{
    private RouterSocket _router = null!;
    private string _endpoint = null!;
    private LifelineSocketHost _host = null!;
    private CountingHandler _handler = null!;
    private RawLoop _raw = null!;
    private byte[] _rawHello = null!;
    private WorkerHello _hello = null!;

    [Params(100, 1000)]
    public int Clients { get; set; }

    [GlobalSetup(Target = nameof(Typed))]
    public void SetupTyped()
    {
        _router = new RouterSocket();
        _router.SetDisconnectMessage(new WorkerGone("lost"));
        _endpoint = $"tcp://127.0.0.1:{_router.BindRandomPort("tcp://127.0.0.1")}";
        _handler = new CountingHandler();
        _host = new LifelineSocketHost(_router, _handler);
        _hello = Samples.Hello();
    }

    [GlobalSetup(Target = nameof(Raw))]
    public void SetupRaw()
    {
        _router = new RouterSocket();
        _router.Options.DisconnectMessage = RawLoop.Disconnect;
        _endpoint = $"tcp://127.0.0.1:{_router.BindRandomPort("tcp://127.0.0.1")}";
        _raw = new RawLoop(_router);
        _rawHello = RawLoop.Hello(Samples.MpHello());
    }

    [Benchmark(Baseline = true, Description = "raw NetMQ loop, byte[] hellos")]
    public int Raw()
    {
        _raw.Reset();
        var dealers = Connect(dealer => dealer.Options.HelloMessage = _rawHello);
        Drain(() => _raw.Connected < Clients, _raw.TryProcess);
        dealers.ForEach(d => d.Dispose());
        Drain(() => _raw.Disconnected < Clients, _raw.TryProcess);
        return Exactly(_raw.Connected, _raw.Disconnected, _raw.Present);
    }

    [Benchmark(Description = "Lifeline typed hellos and handlers")]
    public int Typed()
    {
        _handler.Reset();
        var dealers = Connect(dealer => dealer.SetHelloMessage(_hello));
        Drain(() => _handler.Connected < Clients, _host.TryProcess);
        dealers.ForEach(d => d.Dispose());
        Drain(() => _handler.Disconnected < Clients, _host.TryProcess);
        return Exactly(_handler.Connected, _handler.Disconnected, _host.Session.Peers.Count);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host?.Dispose();
        _router.Dispose();
    }

    private List<DealerSocket> Connect(Action<DealerSocket> hello)
    {
        var dealers = new List<DealerSocket>(Clients);
        for (var i = 0; i < Clients; i++)
        {
            var dealer = new DealerSocket();
            hello(dealer);
            dealer.Connect(_endpoint);
            dealers.Add(dealer);
        }

        return dealers;
    }

    private static void Drain(Func<bool> pending, Func<TimeSpan, bool> process)
    {
        var clock = Stopwatch.StartNew();
        while (pending())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException("events did not arrive");
            }

            process(TimeSpan.FromSeconds(1));
        }
    }

    // Every event exactly once: as many hellos as disconnects as clients, and nobody left present.
    private int Exactly(int connected, int disconnected, int present) =>
        connected == Clients && disconnected == Clients && present == 0
            ? connected + disconnected
            : throw new InvalidOperationException($"expected {Clients} of each and nobody present, got {connected} connected, {disconnected} disconnected, {present} present");
}
