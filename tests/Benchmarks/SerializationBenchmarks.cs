using System;
using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MessagePack;
using MessagePack.Resolvers;

namespace Lifeline.Benchmarks;

/// <summary>A typical hello through Lifeline's generated formatter, MessagePack's StandardResolver, and System.Text.Json (source-generated).</summary>
[Config(typeof(BenchConfig))]
public class SerializationBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly MessagePackSerializerOptions _standard = MessagePackSerializerOptions.Standard.WithResolver(StandardResolver.Instance);
    private WorkerHello _hello = null!;
    private MpWorkerHello _mpHello = null!;
    private Utf8JsonWriter _json = null!;
    private byte[] _lifelineBody = null!;
    private byte[] _lifelineFrame = null!;
    private byte[] _mpBody = null!;
    private byte[] _jsonBody = null!;

    [GlobalSetup]
    public void Setup()
    {
        _hello = Samples.Hello();
        _mpHello = Samples.MpHello();
        _json = new Utf8JsonWriter(_buffer);
        _lifelineFrame = LifelineFrame.Encode(_hello);
        _lifelineBody = _lifelineFrame[LifelineFrame.HeaderLength..];
        _mpBody = MessagePackSerializer.Serialize(_mpHello, _standard);
        _jsonBody = JsonSerializer.SerializeToUtf8Bytes(_hello, BenchJsonContext.Default.WorkerHello);
        if (!_lifelineBody.AsSpan().SequenceEqual(_mpBody))
        {
            throw new InvalidOperationException("the comparison is unfair: Lifeline and MessagePack bodies differ");
        }
    }

    [Benchmark(Baseline = true, Description = "MessagePack StandardResolver")]
    [BenchmarkCategory("Serialize")]
    public int SerializeMessagePack()
    {
        _buffer.ResetWrittenCount();
        MessagePackSerializer.Serialize(_buffer, _mpHello, _standard);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Lifeline body")]
    [BenchmarkCategory("Serialize")]
    public int SerializeLifeline()
    {
        _buffer.ResetWrittenCount();
        var writer = new MessagePackWriter(_buffer);
        WorkerHello.LifelineFormatter.Instance.Serialize(ref writer, _hello, MessagePackSerializerOptions.Standard);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Lifeline frame (header + body)")]
    [BenchmarkCategory("Serialize")]
    public int SerializeLifelineFrame()
    {
        _buffer.ResetWrittenCount();
        LifelineFrame.Write(_buffer, _hello);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "System.Text.Json source-generated")]
    [BenchmarkCategory("Serialize")]
    public int SerializeJson()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        JsonSerializer.Serialize(_json, _hello, BenchJsonContext.Default.WorkerHello);
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true, Description = "MessagePack StandardResolver")]
    [BenchmarkCategory("Deserialize")]
    public MpWorkerHello DeserializeMessagePack() => MessagePackSerializer.Deserialize<MpWorkerHello>(_mpBody, _standard);

    [Benchmark(Description = "Lifeline body (untrusted-data checks on)")]
    [BenchmarkCategory("Deserialize")]
    public WorkerHello DeserializeLifeline()
    {
        var reader = new MessagePackReader(_lifelineBody);
        return WorkerHello.LifelineFormatter.Instance.Deserialize(ref reader, LifelineFrame.DecodeOptions);
    }

    [Benchmark(Description = "Lifeline frame (header checks + body)")]
    [BenchmarkCategory("Deserialize")]
    public WorkerHello? DeserializeLifelineFrame()
    {
        LifelineFrame.TryDecode<WorkerHello>(_lifelineFrame, out var hello, out _);
        return hello;
    }

    [Benchmark(Description = "System.Text.Json source-generated")]
    [BenchmarkCategory("Deserialize")]
    public WorkerHello? DeserializeJson() => JsonSerializer.Deserialize(_jsonBody, BenchJsonContext.Default.WorkerHello);
}
