using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Lifeline.Generated;
using NetMQ;

namespace Lifeline.Benchmarks;

/// <summary>Telling application data from a lifecycle frame on the receive path.</summary>
[Config(typeof(BenchConfig))]
public class ClassificationBenchmarks
{
    private readonly LifecycleCore _core = new(isRouted: true, LifelineMessages.Catalog, SocketSeals.For(new object()), LifelineFrame.DefaultMaxFrameSize);
    private readonly byte[] _payload = new byte[64];
    private readonly PeerId _peer = PeerId.FromBytes([0, 0x80, 0, 0, 0x29]);
    private NetMQMessage _routed = null!;
    private NetMQMessage _message = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_payload);
        _payload[0] = (byte)'{';
        _routed = new NetMQMessage();
        _routed.Append(new byte[] { 0, 0x80, 0, 0, 0x29 });
        _routed.Append(_payload);
        _message = new NetMQMessage();
        _message.Append(_payload);
        _core.Classify(_peer, _message);
    }

    [Benchmark(Baseline = true, Description = "by hand: first byte of frame 1 of a routed message")]
    public bool ByHand() => _routed[1].MessageSize > 0 && _routed[1].Buffer[0] == 0xC1;

    [Benchmark(Description = "LifelineFrame.HasMagic(span)")]
    public bool HasMagic() => LifelineFrame.HasMagic(_payload);

    [Benchmark(Description = "classify a known peer's message (the hosts' path)")]
    public bool Classify() => _core.Classify(_peer, _message).Kind == LifecycleEventKind.Message;

    [Benchmark(Description = "classify, ten peers in turn, a new routing-id array each (as received)")]
    public bool ClassifyRoundRobin()
    {
        var id = _ids[_next++ % _ids.Length];
        return _core.Classify(PeerId.Wrap((byte[])id.Clone()), _message).Kind == LifecycleEventKind.Message;
    }

    private readonly byte[][] _ids = [.. System.Linq.Enumerable.Range(0, 10).Select(i => new byte[] { 0, (byte)i, 0, 0, 0x29 })];
    private int _next;
}
