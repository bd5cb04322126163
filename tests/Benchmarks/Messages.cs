using System.Collections.Generic;
using System.Text.Json.Serialization;
using MessagePack;

namespace Lifeline.Benchmarks;

/// <summary>A typical hello: strings, integers, a list, a dictionary and a nested record.</summary>
[HelloMessage(Id = 0x7001)]
public partial record WorkerHello(string Name, int Version, long StartedAt, string Region, List<string> Skills, Dictionary<string, int> Limits, EndpointInfo Endpoint, bool Ready);

/// <summary>The nested record of <see cref="WorkerHello"/>.</summary>
[MessagePart]
public partial record EndpointInfo(string Host, int Port);

/// <summary>The disconnect record of the throughput and churn benchmarks.</summary>
[DisconnectMessage(Id = 0x7002)]
public partial record WorkerGone(string Reason);

/// <summary>The same shape for MessagePack's StandardResolver: a map keyed by property name, as Lifeline writes.</summary>
[MessagePackObject(keyAsPropertyName: true)]
public class MpWorkerHello
{
    public string Name { get; set; } = "";

    public int Version { get; set; }

    public long StartedAt { get; set; }

    public string Region { get; set; } = "";

    public List<string> Skills { get; set; } = [];

    public Dictionary<string, int> Limits { get; set; } = [];

    public MpEndpointInfo Endpoint { get; set; } = new();

    public bool Ready { get; set; }
}

/// <summary>The nested part of <see cref="MpWorkerHello"/>.</summary>
[MessagePackObject(keyAsPropertyName: true)]
public class MpEndpointInfo
{
    public string Host { get; set; } = "";

    public int Port { get; set; }
}

/// <summary>System.Text.Json's source-generated serializer for the same record.</summary>
[JsonSerializable(typeof(WorkerHello))]
public partial class BenchJsonContext : JsonSerializerContext
{
}

internal static class Samples
{
    public static WorkerHello Hello() => new(
        "worker-17", 3, 1_700_000_000_000, "eu-west", ["gpu", "cuda", "fp16"],
        new Dictionary<string, int> { ["jobs"] = 8, ["memoryGb"] = 64, ["gpus"] = 2 },
        new EndpointInfo("10.0.0.17", 5555), true);

    public static MpWorkerHello MpHello()
    {
        var h = Hello();
        return new MpWorkerHello
        {
            Name = h.Name, Version = h.Version, StartedAt = h.StartedAt, Region = h.Region, Skills = h.Skills, Limits = h.Limits,
            Endpoint = new MpEndpointInfo { Host = h.Endpoint.Host, Port = h.Endpoint.Port }, Ready = h.Ready,
        };
    }
}

/// <summary>A recursive part: the rejection benchmark nests it as deep as the decoder allows.</summary>
[MessagePart]
public partial record Link(int Value, Link? Next);

/// <summary>A hello holding a chain of <see cref="Link"/>s.</summary>
[HelloMessage(Id = 0x7003)]
public partial record ChainHello(Link Head);
