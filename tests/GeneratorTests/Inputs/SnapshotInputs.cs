namespace Lifeline.GeneratorTests.Inputs;

/// <summary>
/// One source per shape of input: the snapshot tests pin what each generates, and the caching tests edit each one.
/// </summary>
internal static class SnapshotInputs
{
    public const string Positional_record_with_an_explicit_id = """
        using Lifeline;
        namespace Demo;
        [HelloMessage(Id = 0x1001)]
        public partial record ClientHello(string Name, int Version);
        """;

    public const string Record_struct_with_a_default_id = """
        using Lifeline;
        namespace Demo;
        [HelloMessage]
        public readonly partial record struct ServerHello(string Server, long StartedAt);
        """;

    public const string Disconnect_record = """
        using Lifeline;
        namespace Demo;
        [DisconnectMessage(Id = 0x2001)]
        public partial record ClientGone(string Reason);
        """;

    public const string Record_with_init_properties = """
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
        """;

    public const string Positional_parameters_with_defaults = """
        using Lifeline;
        namespace Demo;
        public enum Tier { Free, Paid = 3 }
        [HelloMessage]
        public partial record Defaults(string Name, int Version = 2, double Ratio = 0.5, string Motto = "hi \"you\"", Tier Tier = Tier.Paid, decimal Price = 1.25m, int? Maybe = 7, char Letter = 'x', bool Flag = true);
        """;

    public const string Nested_in_partial_types = """
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
        """;

    public const string Global_namespace = """
        using Lifeline;
        [HelloMessage]
        public partial record GlobalHello(int Value);
        """;

    public const string Every_member_type_family = """
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
        """;

    public const string Member_named_like_a_keyword = """
        using Lifeline;
        namespace Demo;
        [HelloMessage]
        public partial record Keywords(string @class, int @event);
        """;

    public const string Handler_class = """
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
        """;

    /// <summary>Every input, by the name its snapshots carry.</summary>
    public static readonly (string Name, string Source)[] All =
    [
        (nameof(Positional_record_with_an_explicit_id), Positional_record_with_an_explicit_id),
        (nameof(Record_struct_with_a_default_id), Record_struct_with_a_default_id),
        (nameof(Disconnect_record), Disconnect_record),
        (nameof(Record_with_init_properties), Record_with_init_properties),
        (nameof(Positional_parameters_with_defaults), Positional_parameters_with_defaults),
        (nameof(Nested_in_partial_types), Nested_in_partial_types),
        (nameof(Global_namespace), Global_namespace),
        (nameof(Every_member_type_family), Every_member_type_family),
        (nameof(Member_named_like_a_keyword), Member_named_like_a_keyword),
        (nameof(Handler_class), Handler_class),
    ];
}
