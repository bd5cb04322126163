using System;
using BenchmarkDotNet.Attributes;
using Lifeline.Generated;
using NetMQ;

namespace Lifeline.Benchmarks;

/// <summary>Telling application data from a lifecycle frame on the receive path.</summary>
[Config(typeof(BenchConfig))]
public class ClassificationBenchmarks
{
    private readonly LifelineReader _reader = new(LifelineMessages.Catalog);
    private readonly byte[] _payload = new byte[64];
    private NetMQMessage _routed = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_payload);
        _payload[0] = (byte)'{';
        _routed = new NetMQMessage();
        _routed.Append(new byte[] { 0, 0x80, 0, 0, 0x29 });
        _routed.Append(_payload);
    }

    [Benchmark(Baseline = true, Description = "by hand: first byte of frame 1 of a routed message")]
    public bool ByHand() => _routed[1].MessageSize > 0 && _routed[1].Buffer[0] == 0xC1;

    [Benchmark(Description = "LifelineFrame.HasMagic(span)")]
    public bool HasMagic() => LifelineFrame.HasMagic(_payload);

    [Benchmark(Description = "LifelineReader.Read(frame)")]
    public bool ReadFrame() => _reader.Read(_payload).IsApplicationData;

    [Benchmark(Description = "LifelineReader.ReadRouted(message)")]
    public bool ReadRouted() => _reader.ReadRouted(_routed).IsApplicationData;
}
