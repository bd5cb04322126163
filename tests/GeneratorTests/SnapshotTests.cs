using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Lifeline.GeneratorTests.Infrastructure;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>The generated source for each shape of input, compared with committed snapshots in Snapshots/.</summary>
public class SnapshotTests
{
    [Fact]
    public Task Positional_record_with_an_explicit_id() => Verify("""
        using Lifeline;
        namespace Demo;
        [HelloMessage(Id = 0x1001)]
        public partial record ClientHello(string Name, int Version);
        """);

    [Fact]
    public Task Record_struct_with_a_default_id() => Verify("""
        using Lifeline;
        namespace Demo;
        [HelloMessage]
        public readonly partial record struct ServerHello(string Server, long StartedAt);
        """);

    [Fact]
    public Task Disconnect_record() => Verify("""
        using Lifeline;
        namespace Demo;
        [DisconnectMessage(Id = 0x2001)]
        public partial record ClientGone(string Reason);
        """);

    [Fact]
    public Task Record_with_init_properties() => Verify("""
        using Lifeline;
        namespace Demo;
        [DisconnectMessage]
        public partial record PropertyGone
        {
            public required string Reason { get; init; }
            public int Code { get; init; } = 42;
            public string? Detail { get; init; }
            public System.DateTime At { get; init; }
        }
        """);

    [Fact]
    public Task Positional_parameters_with_defaults() => Verify("""
        using Lifeline;
        namespace Demo;
        public enum Tier { Free, Paid = 3 }
        [HelloMessage]
        public partial record Defaults(string Name, int Version = 2, double Ratio = 0.5, string Motto = "hi \"you\"", Tier Tier = Tier.Paid, decimal Price = 1.25m, int? Maybe = 7, char Letter = 'x', bool Flag = true);
        """);

    [Fact]
    public Task Nested_in_partial_types() => Verify("""
        using Lifeline;
        namespace Demo
        {
            public partial class Outer
            {
                public partial record Middle
                {
                    [HelloMessage]
                    public partial record Inner(string Name);
                }
            }
        }
        """);

    [Fact]
    public Task Global_namespace() => Verify("""
        using Lifeline;
        [HelloMessage]
        public partial record GlobalHello(int Value);
        """);

    [Fact]
    public Task Every_member_type_family() => Verify("""
        using System;
        using System.Collections.Generic;
        using Lifeline;
        namespace Demo;
        public enum Color : byte { Red = 1, Green = 2 }
        [MessagePart] public partial record Address(string Street, int Number, string? Note);
        [MessagePart] public partial record struct Point(double X, double Y);
        [HelloMessage]
        public partial record Everything(
            bool Flag, sbyte I8, byte U8, short I16, ushort U16, int I32, uint U32, long I64, ulong U64,
            float F32, double F64, decimal Money, char Letter, string Text, string? MaybeText, byte[] Blob, byte[]? MaybeBlob,
            Guid Id, DateTime When, DateTimeOffset WhenOffset, TimeSpan Duration, Color Color, int? MaybeInt, Color? MaybeColor,
            int[] Numbers, string?[]? MaybeStrings, List<string> Tags, IReadOnlyList<Address> Addresses,
            Dictionary<string, int> Counts, IReadOnlyDictionary<string, List<Point>> Paths,
            Address Home, Address? Work, Point Origin, Point? Target, int[][] Jagged);
        """);

    [Fact]
    public Task Member_named_like_a_keyword() => Verify("""
        using Lifeline;
        namespace Demo;
        [HelloMessage]
        public partial record Keywords(string @class, int @event);
        """);

    [Fact]
    public Task Handler_class() => Verify("""
        using System.Threading.Tasks;
        using Lifeline;
        using NetMQ;
        namespace Demo;
        [HelloMessage(Id = 1)] public partial record WorkerHello(string Name);
        [HelloMessage(Id = 2)] public partial record MonitorHello(string Name);
        [DisconnectMessage(Id = 3)] public partial record Gone(string Reason);
        [LifelineHandler]
        public partial class Hub
        {
            void OnPeerConnected(PeerId peer, WorkerHello hello) { }
            ValueTask OnPeerConnected(PeerId peer, MonitorHello hello) => default;
            void OnPeerDisconnected(PeerId peer, WorkerHello hello, Gone gone) { }
            void OnPeerDisconnected(PeerId peer, Gone gone) { }
            void OnUnknownPeerDisconnected(PeerId peer, Gone gone) { }
            void OnMessage(PeerId peer, NetMQMessage message) { }
            void OnMalformedFrame(PeerId peer, MalformedFrame error) { }
        }
        """);

    private static Task Verify(string source, [CallerMemberName] string test = "")
    {
        var run = TestCompilation.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.NotEmpty(run.Sources);
        foreach (var generated in run.Sources)
        {
            SnapshotAssert.Matches(generated.SourceText.ToString(), $"{test}.{generated.HintName.Replace(".g.cs", string.Empty, System.StringComparison.Ordinal)}");
        }

        return Task.CompletedTask;
    }
}
