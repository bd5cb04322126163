using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>
/// Combinations of names, namespaces, inheritance and member shapes, and what the generated code does at run time:
/// records are encoded and decoded by the generated formatters of an assembly built from the test's source, and handler
/// classes are called through their generated <c>ILifelineHandler</c> implementation. For any input either the
/// generated code compiles without a warning, or an LFL diagnostic on the user's own code says what to do.
/// </summary>
public class GeneratorCorpusRound2Tests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Lifeline;
        using NetMQ;

        """;

    private const string Records = Usings + """
        [HelloMessage(Id = 1)] public partial record Hi(string Name);
        [HelloMessage(Id = 3)] public partial record Other(string Name);
        [DisconnectMessage(Id = 2)] public partial record Bye(string Reason);

        """;

    // Sources are split into files at this line.
    private const string NextFile = "//--file--";

    /// <summary>Encodes a record to a frame, decodes it and encodes it again; the probe returns what to compare.</summary>
    private const string Trip = """

        public static class RT
        {
            public static object[] Trip<T>(T value) where T : Lifeline.ILifelineMessage<T>
            {
                var bytes = Lifeline.LifelineFrame.Encode(value);
                if (!Lifeline.LifelineFrame.TryDecode<T>(bytes, out var back, out var error))
                {
                    throw new System.InvalidOperationException("decoding failed: " + error);
                }

                var again = Lifeline.LifelineFrame.Encode(back);
                if (!System.MemoryExtensions.SequenceEqual(new System.ReadOnlySpan<byte>(bytes), again))
                {
                    throw new System.InvalidOperationException("the decoded record encodes to other bytes");
                }

                return new object[] { value!, back! };
            }

            /// <summary>Decodes a frame of T whose body is the given MessagePack bytes.</summary>
            public static T Body<T>(params byte[] body) where T : Lifeline.ILifelineMessage<T>
            {
                var frame = new byte[10 + body.Length];
                Lifeline.LifelineFrame.WriteHeader(frame, Lifeline.LifelineMessage<T>.Kind, Lifeline.LifelineMessage<T>.MessageId);
                body.CopyTo(frame, 10);
                if (!Lifeline.LifelineFrame.TryDecode<T>(frame, out var back, out var error))
                {
                    throw new System.InvalidOperationException("decoding failed: " + error);
                }

                return back;
            }

            public static object[] All(params object[][] pairs) => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.SelectMany(pairs, p => p));
        }

        """;

    public static TheoryData<string, string> Mistakes => new()
    {
        // Attributes that forbid what generated code does.
        { "positional member obsolete as an error", Usings + "[HelloMessage] public partial record H(int A, [property: Obsolete(\"old\", true)] int {|LFL0104:B|});" },
        { "init property obsolete as an error", Usings + "[HelloMessage] public partial record H(int A) { [Obsolete(\"old\", true)] public int {|LFL0104:B|} { get; init; } }" },
        { "record obsolete as an error", Usings + "[Obsolete(\"old\", true)] [HelloMessage] public partial record {|LFL0015:H|}(int A);" },
        { "part obsolete as an error", Usings + "[Obsolete(\"old\", true)] [MessagePart] public partial record {|LFL0015:P|}(int A);" },
        { "containing type obsolete as an error", Usings + "[Obsolete(\"old\", true)] public partial class Outer { [HelloMessage] public partial record {|LFL0015:H|}(int X); }" },
        { "parameterless constructor obsolete as an error", Usings + "[HelloMessage] public partial record H { [Obsolete(\"old\", true)] public {|LFL0015:H|}() { } public int X { get; init; } }" },
        { "record struct member obsolete as an error", Usings + "[MessagePart] public partial record struct P(int A) { [Obsolete(\"old\", true)] public string? {|LFL0104:B|} { get; init; } }" },
        { "inherited handler obsolete as an error", Records + "public class Base { [Obsolete(\"old\", true)] protected void OnDisconnected() { } } [LifelineHandler] public partial class {|LFL0311:S|} : Base { void OnConnected(Hi hello) { } }" },
        { "inherited conditional handler", Records + "public class Base { [System.Diagnostics.Conditional(\"NEVER\")] protected void OnDisconnected() { } } [LifelineHandler] public partial class {|LFL0311:S|} : Base { }" },

        // Inherited handlers that would never run.
        { "private handler two levels up", Records + "public class A { private void OnDisconnected() { } } public class B : A { } [LifelineHandler] public partial class {|LFL0310:C|} : B { }" },

        // Names the generated code needs.
        // The compiler's CS0260 and CS0262 are on the user's class; the generated part is clean.
        { "user class in the default catalog's place", Usings + "namespace Lifeline.Generated { public static class LifelineMessages { } } [HelloMessage] public partial record H(int X);" },


        // Handler parameters that name the user's own types.
        { "handler taking the user's PeerId", Records + "namespace App { public readonly struct PeerId { } [LifelineHandler] public partial class S { void OnPeerConnected{|LFL0301:(PeerId peer, Hi hello)|} { } } }" },
        { "handler returning the user's ValueTask", Records + "namespace App { public struct ValueTask { } [LifelineHandler] public partial class S { {|LFL0304:ValueTask|} OnDisconnected() => default; } }" },

        // Records across namespaces.
        { "same explicit id in two namespaces", Usings + "namespace A { [HelloMessage(Id = 5)] public partial record Hi(int X); } namespace B { [HelloMessage(Id = 5)] public partial record {|LFL0008:Hi|}(int X); }" },
        { "unmarked record of the same name in another namespace", Usings + "namespace A { [MessagePart] public partial record Item(int X); } namespace B { public record Item(int X); [HelloMessage] public partial record H({|LFL0101:Item|} I); }" },
        { "catalog nested in a generic static class", Records + "public static partial class Outer<T> { [LifelineCatalog] public static partial class {|LFL0011:M|} { } }" },
        { "catalog nested in a class that is not partial", Records + "public static class {|LFL0004:Outer|} { [LifelineCatalog] public static partial class M { } }" },
    };

    public static TheoryData<string, string> Valid => new()
    {
        // Names: records, parts and namespaces named like the types and namespaces generated code uses.
        { "records and parts of one simple name in two namespaces", Usings + "namespace A { [MessagePart] public partial record Item(int X); [HelloMessage] public partial record Hi(Item I, B.Item J); } namespace B { [MessagePart] public partial record Item(string Y); [HelloMessage] public partial record Hi(A.Item I, Item J, List<Item?> More); [DisconnectMessage] public partial record Bye(A.Hi First, Hi Second); } [LifelineHandler] public partial class S { void OnPeerConnected(PeerId peer, A.Hi hello) { } void OnPeerConnected(PeerId peer, B.Hi hello) { } void OnPeerDisconnected(PeerId peer, A.Hi hello, B.Bye gone) { } }" },
        { "parts named like System types in a namespace", Usings + "namespace App { [MessagePart] public partial record Guid(int X); [MessagePart] public partial record Version(int X); [MessagePart] public partial record Task(int X); [MessagePart] public partial record Uri(int X); [MessagePart] public partial record DateTime(int X); [HelloMessage] public partial record H(Guid A, System.Guid B, Version C, System.Version D, Task E, Uri F, System.Uri G, DateTime I, System.DateTime J); }" },
        { "records named like namespaces in a namespace", Usings + "namespace App { [MessagePart] public partial record Lifeline(int X); [MessagePart] public partial record NetMQ(int X); [MessagePart] public partial record MessagePack(int X); [HelloMessage] public partial record System(Lifeline L, NetMQ N, MessagePack M); [global::Lifeline.LifelineHandler] public partial class S { void OnConnected(System hello) { } void OnMessage(global::Lifeline.PeerId peer, global::NetMQ.NetMQMessage message) { } } }" },
        { "parts named like System types in the global namespace", Usings + "[MessagePart] public partial record Guid(int X); [MessagePart] public partial record Task(int X); [MessagePart] public partial record ValueTask(int X); [MessagePart] public partial record Version(int X); [HelloMessage] public partial record H(Guid A, System.Guid B, Task C, ValueTask D, Version E); [LifelineHandler] public partial class S { void OnConnected(H hello) { } System.Threading.Tasks.ValueTask OnReconnected(H hello) => default; }" },
        { "records in a Lifeline.Something namespace", Usings + "namespace Lifeline.Contracts { [HelloMessage] public partial record Hi(int X); [DisconnectMessage] public partial record Bye(string R); [LifelineCatalog] public static partial class ContractMessages { } [LifelineHandler] public partial class S { void OnPeerConnected(PeerId peer, Hi hello) { } void OnPeerDisconnected(PeerId peer, Bye gone) { } } }" },
        { "records in the namespace System", Usings + "namespace System { [HelloMessage] public partial record Hi(int X, Guid G); [LifelineHandler] public partial class S { void OnConnected(Hi hello) { } } } namespace System.Collections.Generic { [MessagePart] public partial record Part(List<int> Items); }" },
        { "records in a namespace ending in System", Usings + "namespace App.System { [HelloMessage] public partial record Hi(int X, global::System.Guid G); } namespace App.MessagePack { [MessagePart] public partial record P(int Y); } namespace App.Lifeline { [DisconnectMessage] public partial record Bye(App.MessagePack.P P); }" },
        { "user types named LifelineMessage, PeerId and ILifelineHandler", Usings + "namespace App { public class LifelineMessage { } public struct PeerId { } public interface ILifelineHandler { } public class MessagePackFormatterAttribute : Attribute { } public class IMessagePackFormatter { } public class LifelineWire { } [HelloMessage] public partial record Hi(int X); [LifelineHandler] public partial class S { void OnPeerConnected(Lifeline.PeerId peer, Hi hello) { } } }" },
        { "records in the global namespace, catalog in a namespace", Usings + "[HelloMessage] public partial record Hi(int X); [DisconnectMessage] public partial record Bye(string R); namespace Contracts { [LifelineCatalog] public static partial class ContractMessages { } } namespace Server { [LifelineHandler] public partial class S { void OnPeerConnected(PeerId peer, Hi hello) { } } }" },
        { "catalog nested in a static class", Usings + "[HelloMessage] public partial record Hi(int X); public static partial class Outer { [LifelineCatalog] public static partial class M { } } [LifelineHandler] public partial class S { void OnConnected(Hi hello) { } }" },
        { "catalog nested in static classes in a namespace", Usings + "namespace App.Contracts { public static partial class Outer { internal static partial class Middle { [LifelineCatalog] internal static partial class M { } } } [HelloMessage] public partial record Hi(int X); }" },
        { "catalog in the global namespace, records in namespaces", Usings + "[LifelineCatalog] public static partial class M { } namespace A { [HelloMessage] public partial record Hi(int X); } namespace B { [HelloMessage] public partial record Hi(int X); }" },
        { "a namespace named like its record", Usings + "namespace Hello { [HelloMessage] public partial record Hello(int X); [LifelineHandler] public partial class Handler { void OnConnected(Hello hello) { } } }" },
        { "alias named Guid", "using Guid = System.String;\n" + Usings + "[HelloMessage] public partial record H(Guid Id, System.Guid Real);" },
        { "unicode identifiers", Usings + "namespace Ünïcødé.名前 { [MessagePart] public partial record Część(int Ñ); [HelloMessage] public partial record Привет(string Имя, int 数, Część Część, int \\u0061bc); [LifelineHandler] public partial class Обработчик { void OnConnected(Привет hello) { } } }" },
        { "very long names", Usings + $"namespace {new string('N', 500)} {{ [HelloMessage] public partial record {new string('R', 500)}(int {new string('m', 500)}); [LifelineHandler] public partial class {new string('H', 500)} {{ void OnConnected({new string('R', 500)} hello) {{ }} }} }}" },
        { "positional and property members named in other cases", Usings + "[HelloMessage] public partial record H(string Name, int value) { public string name { get; init; } = \"\"; public int Value { get; init; } public int VALUE { get; init; } }" },

        // Members and attributes of records.
        { "property-targeted attributes", Usings + "[HelloMessage] public partial record H([property: System.Text.Json.Serialization.JsonPropertyName(\"n\")] string Name, [property: Obsolete(\"old\")] int Old, [property: System.ComponentModel.DataAnnotations.Required] string Other);" },
        { "explicit Equals, GetHashCode, ToString and PrintMembers", Usings + "[HelloMessage] public partial record H(string Name) { public virtual bool Equals(H? other) => other is not null && other.Name == Name; public override int GetHashCode() => Name.GetHashCode(); public override string ToString() => Name; protected virtual bool PrintMembers(System.Text.StringBuilder builder) { builder.Append(Name); return true; } }" },
        { "sealed record with explicit members", Usings + "[HelloMessage] public sealed partial record H(string Name) { public bool Equals(H? other) => other is not null && other.Name == Name; public override int GetHashCode() => 1; private bool PrintMembers(System.Text.StringBuilder builder) => true; }" },
        { "record struct with explicit members", Usings + "[HelloMessage] public partial record struct H(string Name) { public bool Equals(H other) => other.Name == Name; public override int GetHashCode() => 1; public override string ToString() => Name; }" },
        { "init properties with defaults and required properties", Usings + "[HelloMessage] public partial record H(string Name) { public int Level { get; init; } = 7; public string Note { get; init; } = \"none\"; public required int Rank { get; init; } public required List<string> Tags { get; init; } public string? Maybe { get; init; } = \"x\"; }" },
        { "record struct with initializers and a positional list", Usings + "[HelloMessage] public partial record struct H(int A) { public int B { get; init; } = 5; public string C { get; init; } = \"c\"; }" },
        { "hundred members", Usings + "[HelloMessage] public partial record H(" + string.Join(", ", Enumerable.Range(0, 100).Select(i => $"int M{i}")) + ");" },
        { "parts nested forty deep", Usings + string.Concat(Enumerable.Range(0, 40).Select(i => $"[MessagePart] public partial record P{i}(int V, P{i + 1}? Next);")) + "[MessagePart] public partial record P40(int V); [HelloMessage] public partial record H(P0 Root);" },
        { "enums of negative values and ulong", Usings + "public enum Neg : sbyte { Low = -128, Mid = -1 } public enum Big : ulong { Top = ulong.MaxValue } public enum Wide : long { Min = long.MinValue } [HelloMessage] public partial record H(Neg A, Big B, Wide C, Neg? D, Big? E, List<Neg?> F, Dictionary<Big, Neg> G, Neg I = Neg.Low, Big J = Big.Top);" },
        { "char, decimal, DateTimeOffset and nullable enums", Usings + "public enum Color { Red, Blue } [HelloMessage] public partial record H(char A, decimal B, DateTimeOffset C, Color? D, char? E, decimal? F, DateTimeOffset? G, List<Color?> I, char J = 'x', decimal K = 1.50m);" },
        { "dictionary of lists of nullable parts", Usings + "[MessagePart] public partial record Part(int X); [MessagePart] public partial record struct SPart(int Y); [HelloMessage] public partial record H(Dictionary<string, List<Part?>> A, Dictionary<string, List<SPart?>?>? B, IReadOnlyDictionary<int, Part?[]> C);" },
        { "arrays of nullable value types", Usings + "public enum Color { Red } [HelloMessage] public partial record H(int?[] A, Guid?[] B, Color?[]? C, (int, string)?[] D, DateTimeOffset?[] E, decimal?[][] F, List<int?[]> G);" },
        { "a record with a nested record of its own name's part", Usings + "[HelloMessage] public partial record H(H.Inner I, List<H.Inner> More) { [MessagePart] public partial record Inner(int X, Inner? Next); }" },
        { "members of types in other files and namespaces", Usings + "namespace A { [HelloMessage] public partial record H(B.P Part, B.Color Color); }\n" + NextFile + "\nnamespace B { public enum Color { Red } [Lifeline.MessagePart] public partial record P(int X); }" },
        { "records with nullable disabled", "#nullable disable\n" + Usings + "[MessagePart] public partial record P(string S); [HelloMessage] public partial record H(string A, List<string> B, P Part, Dictionary<string, P> Map, int[] Numbers); [LifelineHandler] public partial class S { void OnConnected(H hello) { } void OnMessage(PeerId peer, NetMQMessage message) { } }" },

        // Attributes generated code has to respect.
        { "obsolete with a diagnostic id", Usings + "[Obsolete(\"old\", DiagnosticId = \"LIFE001\")] public enum Color { Red } [MessagePart] public partial record P(int X) { [Obsolete(\"old\", DiagnosticId = \"LIFE002\")] public int Y { get; init; } } [HelloMessage] public partial record H(int X, [property: Obsolete(\"old\", DiagnosticId = \"LIFE004\")] int Y) { [Obsolete(\"old\", DiagnosticId = \"LIFE005\")] public int Z { get; init; } [Obsolete(\"old\", DiagnosticId = \"LIFE001\")] public Color C { get; init; } [Obsolete(\"old\", DiagnosticId = \"LIFE002\")] public P? Part { get; init; } } [LifelineHandler] public partial class S { [Obsolete(\"old\", DiagnosticId = \"LIFE006\")] void OnDisconnected() { } }" },
        { "experimental members, member types and handlers", Usings + "[System.Diagnostics.CodeAnalysis.Experimental(\"LIFE001\")] public enum Color { Red } [HelloMessage] public partial record H(int X, [property: System.Diagnostics.CodeAnalysis.Experimental(\"LIFE003\")] int Z) { [System.Diagnostics.CodeAnalysis.Experimental(\"LIFE002\")] public int Y { get; init; } [System.Diagnostics.CodeAnalysis.Experimental(\"LIFE001\")] public List<Color?>? Colors { get; init; } } [LifelineHandler] public partial class S { [System.Diagnostics.CodeAnalysis.Experimental(\"LIFE004\")] void OnDisconnected() { } }" },
        { "experimental record, part and containing type", Usings + "[System.Diagnostics.CodeAnalysis.Experimental(\"LIFE001\")] [HelloMessage] public partial record H(int X); [Obsolete(\"old\", DiagnosticId = \"LIFE002\")] [HelloMessage(Id = 7)] public partial record P(int Y); [System.Diagnostics.CodeAnalysis.Experimental(\"LIFE003\")] public partial class Outer { [DisconnectMessage] public partial record Bye(string Reason); }" },
        { "inherited experimental handler", Records + "public class Base { [System.Diagnostics.CodeAnalysis.Experimental(\"LIFE001\")] protected void OnConnected(Hi hello) { } } [LifelineHandler] public partial class S : Base { }" },
        { "members that disallow null", Usings + "[MessagePart] public partial record P(int X); [HelloMessage] public partial record H([System.Diagnostics.CodeAnalysis.DisallowNull] string? Name, [System.Diagnostics.CodeAnalysis.DisallowNull] P? Part, [param: System.Diagnostics.CodeAnalysis.DisallowNull] List<int>? Items) { [System.Diagnostics.CodeAnalysis.DisallowNull] public string? Note { get; init; } = \"n\"; [System.Diagnostics.CodeAnalysis.DisallowNull] public int[]? Numbers { get; init; } }" },
        { "members that allow or may be null", Usings + "[HelloMessage] public partial record H([property: System.Diagnostics.CodeAnalysis.MaybeNull] string Name, [property: System.Diagnostics.CodeAnalysis.NotNull] string? Other) { [System.Diagnostics.CodeAnalysis.AllowNull] public string Note { get; init; } = \"\"; [System.Diagnostics.CodeAnalysis.MaybeNull] public List<int> Items { get; init; } = new(); }" },
        { "constructors obsolete as a warning", Usings + "[HelloMessage] public partial record H { [Obsolete(\"old\")] public H() { } public int X { get; init; } } [HelloMessage] public partial record G(int X) { [Obsolete(\"old\", true)] public G(string s) : this(1) { } }" },

        // Handlers.
        { "handlers two levels deep with overrides", Records + "public abstract class A { protected abstract void OnPeerConnected(PeerId peer, Hi hello); protected virtual ValueTask OnMessage(PeerId peer, NetMQMessage message) => default; } public class B : A { protected override void OnPeerConnected(PeerId peer, Hi hello) { } } [LifelineHandler] public sealed partial class C : B { protected override ValueTask OnMessage(PeerId peer, NetMQMessage message) => default; void OnDisconnected() { } }" },
        { "handler classes derived from handler classes", Records + "[LifelineHandler] public partial class A { protected virtual void OnConnected(Hi hello) { } } [LifelineHandler] public partial class B : A { protected override void OnConnected(Hi hello) { } protected void OnDisconnected() { } } [LifelineHandler] public partial class C : B { void OnReconnected(Hi hello) { } }" },
        { "handler methods with default parameter values", Records + "[LifelineHandler] public partial class S { void OnPeerConnected(PeerId peer = default, Hi? hello = null) { } void OnMessage(PeerId peer, NetMQMessage message, NotLifecycleReason reason = default) { } void OnConnected(Hi? hello = null) { } }" },
        { "handler split over files with a base list in one part", Records + "[LifelineHandler] public partial class S { void OnDisconnected() { } }\n" + NextFile + "\nusing Lifeline;\npublic class Base { protected void OnPeerConnected(PeerId peer, Hi hello) { } }\npublic partial class S : Base, System.IDisposable { public void Dispose() { } }" },
        { "handler whose other part declares ILifelineHandler", Records + "[LifelineHandler] public partial class S { void OnDisconnected() { } }\n" + NextFile + "\npublic partial class S : Lifeline.ILifelineHandler { }" },
        { "sealed and abstract handler classes", Records + "[LifelineHandler] public sealed partial class S { void OnDisconnected() { } } [LifelineHandler] public abstract partial class T { protected abstract ValueTask OnConnected(Hi hello); void OnDisconnected() { } }" },
        { "handler of a generic base class", Records + "public class Base<THello> where THello : class { protected void OnPeerConnected(PeerId peer, Hi hello) { } protected virtual void OnConnected(Hi hello) { } } [LifelineHandler] public partial class S : Base<Hi> { protected override void OnConnected(Hi hello) { } }" },
        { "handler taking nullable NetMQMessage and MalformedFrame", Records + "[LifelineHandler] public partial class S { void OnMessage(PeerId peer, NetMQMessage? message) { } void OnMalformedFrame(PeerId peer, MalformedFrame? error) { } }" },
        { "handler in a Lifeline namespace with the default catalog", Records + "namespace Lifeline.Server { [LifelineHandler] public partial class S { void OnConnected(Hi hello) { } } }" },
        { "handler in a static class", Records + "public static partial class Outer { [LifelineHandler] public sealed partial class S { void OnConnected(Hi hello) { } } }" },
        { "handlers of one name in two namespaces", Records + "namespace A { [LifelineHandler] public partial class S { void OnConnected(Hi hello) { } } } namespace B { [LifelineHandler] public partial class S { void OnConnected(Other hello) { } } }" },
        { "handler with members named like the records", Records + "[LifelineHandler] public partial class S { public int Hi { get; set; } public string Bye = \"\"; void OnPeerConnected(PeerId peer, global::Hi hello) { } void OnPeerDisconnected(PeerId peer, global::Hi hello, global::Bye gone) { } }" },
        { "inherited handler beside a property of its name", Records + "public class Base { protected void OnDisconnected() { } } [LifelineHandler] public partial class S : Base { public new int OnDisconnected => 1; }" },
        { "handler with private new hiding a base handler", Records + "public class Base { protected void OnDisconnected() { } } [LifelineHandler] public partial class S : Base { private new void OnDisconnected() { } }" },
    };

    /// <summary>Sources whose probe returns pairs of (sent, received) records that must be equal member by member.</summary>
    public static TheoryData<string, string> RoundTrips => new()
    {
        { "char, decimal scale, DateTimeOffset offset, enums", Usings + "public enum Neg : sbyte { Low = -128, Mid = -1 } public enum Big : ulong { Top = ulong.MaxValue, One = 1 } [HelloMessage] public partial record H(char A, decimal B, DateTimeOffset C, Neg D, Big E, Neg? F, Big? G, char? I, decimal? J); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H('\\uD800', 1.50m, new DateTimeOffset(2024, 2, 29, 23, 59, 59, 999, TimeSpan.FromMinutes(-570)), Neg.Low, Big.Top, Neg.Mid, null, '\\0', -0.000m)), RT.Trip(new H(char.MaxValue, decimal.MinValue, DateTimeOffset.MaxValue, (Neg)5, (Big)0, null, Big.One, null, null))); }" },
        { "dictionary of lists of nullable parts", Usings + "[MessagePart] public partial record Part(int X, string? S); [MessagePart] public partial record struct SPart(int Y); [HelloMessage] public partial record H(Dictionary<string, List<Part?>> A, Dictionary<string, List<SPart?>?>? B); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(new() { [\"a\"] = new() { new Part(1, null), null, new Part(-2, \"é\") }, [\"\"] = new() }, new() { [\"x\"] = null, [\"y\"] = new() { null, new SPart(3) } })), RT.Trip(new H(new(), null))); }" },
        { "arrays of nullable value types", Usings + "public enum Color : ushort { Red = 1 } [HelloMessage] public partial record H(int?[] A, Guid?[] B, Color?[]? C, (int, string)?[] D, decimal?[][] E); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(new int?[] { 1, null, int.MinValue }, new Guid?[] { Guid.NewGuid(), null }, new Color?[] { null, Color.Red }, new (int, string)?[] { (1, \"a\"), null }, new[] { new decimal?[] { 1.0m, null }, new decimal?[0] })), RT.Trip(new H(new int?[0], new Guid?[0], null, new (int, string)?[0], new decimal?[0][]))); }" },
        { "init defaults and required properties", Usings + "[HelloMessage] public partial record H(string Name) { public int Level { get; init; } = 7; public string? Note { get; init; } = \"none\"; public required int Rank { get; init; } public required List<string> Tags { get; init; } } public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(\"a\") { Rank = 1, Tags = new() { \"t\" } }), RT.Trip(new H(\"b\") { Level = -1, Note = null, Rank = 2, Tags = new() })); }" },
        { "record struct with initializers", Usings + "[HelloMessage] public partial record struct H(int A) { public int B { get; init; } = 5; public string C { get; init; } = \"c\"; } public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(1)), RT.Trip(new H(2) { B = 0, C = \"\" })); }" },
        { "members named in other cases", Usings + "[HelloMessage] public partial record H(string Name, int value) { public string name { get; init; } = \"\"; public int Value { get; init; } public int VALUE { get; init; } } public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(\"N\", 1) { name = \"n\", Value = 2, VALUE = 3 })); }" },
        { "unicode identifiers", Usings + "namespace Ünïcødé { [MessagePart] public partial record Część(int Ñ); [HelloMessage] public partial record Привет(string Имя, int 数, Część Część, int \\u0061bc, string ℌ); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new Привет(\"Иван\", 42, new Część(-1), 7, \"h\"))); } }" },
        { "very long member names", Usings + $"[HelloMessage] public partial record H(int {new string('a', 31)}, int {new string('b', 32)}, int {new string('c', 255)}, int {new string('d', 256)}, int {new string('é', 200)}); public static class Probe {{ public static object[] Run() => RT.All(RT.Trip(new H(1, 2, 3, 4, 5))); }}" },
        { "hundred members", Usings + "[HelloMessage] public partial record H(" + string.Join(", ", Enumerable.Range(0, 100).Select(i => $"int M{i}")) + "); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(" + string.Join(", ", Enumerable.Range(0, 100).Select(i => (i * 7919 - 50000).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "))); }" },
        { "parts nested forty deep", Usings + string.Concat(Enumerable.Range(0, 40).Select(i => $"[MessagePart] public partial record P{i}(int V, P{i + 1}? Next);")) + "[MessagePart] public partial record P40(int V); [HelloMessage] public partial record H(P0 Root); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(" + string.Concat(Enumerable.Range(0, 40).Select(i => $"new P{i}({i}, ")) + "new P40(40)" + new string(')', 40) + "))); }" },
        { "records of one simple name in two namespaces", Usings + "namespace A { [MessagePart] public partial record Item(int X); [HelloMessage] public partial record Hi(Item I, B.Item J); } namespace B { [MessagePart] public partial record Item(string Y); [HelloMessage] public partial record Hi(A.Item I, Item J); } public static class Probe { public static object[] Run() => RT.All(RT.Trip(new A.Hi(new A.Item(1), new B.Item(\"b\"))), RT.Trip(new B.Hi(new A.Item(2), new B.Item(\"c\")))); }" },
        { "parts named like System types", Usings + "namespace App { [MessagePart] public partial record Guid(int X); [MessagePart] public partial record Version(string V); [HelloMessage] public partial record H(Guid A, System.Guid B, Version C, System.Version D, System.Uri E, System.Uri F); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(new Guid(1), System.Guid.NewGuid(), new Version(\"v\"), new System.Version(1, 2, 3, 4), new System.Uri(\"https://example.com/a b?c=d#e\"), new System.Uri(\"../rel\", System.UriKind.Relative)))); } }" },
        { "property-targeted attributes", Usings + "[HelloMessage] public partial record H([property: System.Text.Json.Serialization.JsonPropertyName(\"n\")] string Name, [property: Obsolete(\"old\")] int Old); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(\"x\", 3))); }" },
        { "explicit Equals and PrintMembers", Usings + "[HelloMessage] public partial record H(string Name, int Level) { public virtual bool Equals(H? other) => other is not null && other.Name == Name; public override int GetHashCode() => Name.GetHashCode(); protected virtual bool PrintMembers(System.Text.StringBuilder builder) => false; } public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(\"x\", 3))); }" },
        { "restated positional properties", Usings + "[HelloMessage] public partial record H(int X, string Name) { public int X { get; init; } = X; public string Name { get; } = Name; } public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(4, \"n\"))); }" },
        { "private setters and getters", Usings + "[HelloMessage] public partial record H(string Name) { public int Rank { get; private set; } public int Mode { private get; init; } public int Seen => Mode; public H With(int rank) { var copy = this with { }; copy.Rank = rank; return copy; } } public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(\"n\") { Mode = 3 }.With(9))); }" },
        { "numbers at their limits", Usings + "[HelloMessage] public partial record H(double A, float B, Half C, Int128 D, UInt128 E, System.Numerics.BigInteger F, sbyte G, ulong I, double J, float K); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(-0.0, float.NaN, Half.MinValue, Int128.MinValue, UInt128.MaxValue, -System.Numerics.BigInteger.Pow(2, 200), sbyte.MinValue, ulong.MaxValue, double.Epsilon, float.NegativeInfinity))); }" },
        { "sets, sequences, immutable arrays and memory", Usings + "[HelloMessage] public partial record H(HashSet<string> A, ISet<int> B, IEnumerable<int> C, System.Collections.Immutable.ImmutableArray<int> D, System.Collections.Immutable.ImmutableArray<int> E, ReadOnlyMemory<byte> F, Memory<byte> G, byte[]? I); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(new() { \"a\", \"b\" }, new HashSet<int> { 3 }, new[] { 1, 2 }, System.Collections.Immutable.ImmutableArray.Create(1, 2), default, new byte[] { 1, 2 }, new byte[0], null))); }" },
        { "dates, times, tuples", Usings + "[HelloMessage] public partial record H(DateTime A, DateOnly B, TimeOnly C, TimeSpan D, (int?, string?) E, (int, (string, List<int>)) F, ValueTuple<long> G, (int A, int B)? I); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(7), DateOnly.MaxValue, TimeOnly.MaxValue, TimeSpan.MinValue, (null, null), (1, (\"x\", new() { 2 })), new ValueTuple<long>(5), (1, 2)))); }" },
        { "dictionaries keyed by enums, Guids and integers", Usings + "public enum Big : ulong { Top = ulong.MaxValue } public enum Neg : short { Low = short.MinValue } [HelloMessage] public partial record H(Dictionary<Big, int> A, Dictionary<Neg, string?> B, Dictionary<Guid, int> C, IDictionary<long, int> D, IReadOnlyDictionary<byte, int> E); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(new() { [Big.Top] = 1 }, new() { [Neg.Low] = null }, new() { [Guid.Empty] = 1 }, new Dictionary<long, int> { [long.MinValue] = 2 }, new Dictionary<byte, int> { [255] = 3 }))); }" },
        { "positional defaults, initializers and nullables when absent", Usings + "public enum Color { Red, Blue } [HelloMessage] public partial record H(int A = -3, string B = \"b\", Color C = Color.Blue, decimal D = 1.50m, string? E = null, int? F = 4) { public int G { get; init; } = 11; public string? I { get; init; } = \"i\"; public string? J { get; init; } } public static class Probe { public static object[] Run() => new object[] { new H() { J = null }, RT.Body<H>(0x80) }; }" },
        { "record struct parts and messages inside messages", Usings + "[MessagePart] public partial record struct PS(int X, string? S); [HelloMessage] public partial record Inner(int Y); [HelloMessage] public partial record H(PS A, PS? B, List<PS?> C, Inner D, Inner? E, List<Inner?> F); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(new PS(1, null), null, new() { null, new PS(2, \"s\") }, new Inner(3), null, new() { null, new Inner(4) }))); }" },
        { "keyword and generated-looking member names", Usings + "[HelloMessage] public partial record @class(int @int, string value, int writer, int reader, int options, int __v0, int __h1, int Key_value, int Instance, int __n0, int __c0, int __kv0, int __e0, int __t0_0, int __count0); public static class Probe { public static object[] Run() => RT.All(RT.Trip(new @class(1, \"v\", 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14))); }" },
        { "init properties across partial declarations", Usings + "[HelloMessage] public partial record H { public int A { get; init; } = 1; }\n" + NextFile + "\npublic partial record H { public string B { get; init; } = \"b\"; public required int C { get; init; } }\npublic static class Probe { public static object[] Run() => RT.All(RT.Trip(new H { A = 5, B = \"x\", C = 6 })); }" },
        { "members that disallow null", Usings + "[HelloMessage] public partial record H([System.Diagnostics.CodeAnalysis.DisallowNull] string? Name) { [System.Diagnostics.CodeAnalysis.DisallowNull] public string? Note { get; init; } = \"n\"; } public static class Probe { public static object[] Run() => RT.All(RT.Trip(new H(\"a\")), RT.Trip(new H(\"b\") { Note = \"c\" })); }" },
        { "obsolete and experimental members", Usings + "[MessagePart] public partial record P(int X) { [Obsolete(\"old\", DiagnosticId = \"LIFE001\")] public int Y { get; init; } } [HelloMessage] public partial record H(int X) { [Obsolete(\"old\")] public P? Part { get; init; } [System.Diagnostics.CodeAnalysis.Experimental(\"LIFE002\")] public int Z { get; init; } } public static class Probe {\n#pragma warning disable LIFE001, LIFE002, CS0618\npublic static object[] Run() => RT.All(RT.Trip(new H(1) { Part = new P(2) { Y = 3 }, Z = 4 }));\n#pragma warning restore LIFE001, LIFE002, CS0618\n}" },
    };

    /// <summary>Handler classes called through their generated ILifelineHandler; the probe returns the calls it saw.</summary>
    public static TheoryData<string, string, string> Dispatches => new()
    {
        {
            "two levels of overrides",
            Records + "public abstract class A { public static string Log = \"\"; protected abstract void OnPeerConnected(PeerId peer, Hi hello); protected virtual void OnDisconnected() => Log += \"A.Disconnected \"; } public class B : A { protected override void OnPeerConnected(PeerId peer, Hi hello) => Log += \"B.PeerConnected(\" + hello.Name + \") \"; protected override void OnDisconnected() => Log += \"B.Disconnected \"; } [LifelineHandler] public partial class C : B { protected override void OnDisconnected() { Log += \"C.Disconnected \"; base.OnDisconnected(); } } public class D : C { protected override void OnPeerConnected(PeerId peer, Hi hello) => Log += \"D.PeerConnected \"; } public static class Probe { public static string Run() { ILifelineHandler c = new C(); c.OnPeerConnectedAsync(PeerId.None, new Hi(\"x\")); c.OnDisconnectedAsync(); ILifelineHandler d = new D(); d.OnPeerConnectedAsync(PeerId.None, new Hi(\"y\")); return A.Log; } }",
            "B.PeerConnected(x) C.Disconnected B.Disconnected D.PeerConnected "
        },
        {
            "default parameter values",
            Records + "[LifelineHandler] public partial class S { public string Log = \"\"; void OnPeerConnected(PeerId peer = default, Hi? hello = null) => Log += \"PC(\" + hello?.Name + \") \"; void OnMessage(PeerId peer, NetMQMessage message, NotLifecycleReason reason = default) => Log += \"M(\" + message.FrameCount + \") \"; void OnConnected(Hi? hello = null) => Log += \"C(\" + hello?.Name + \") \"; } public static class Probe { public static string Run() { var s = new S(); ILifelineHandler h = s; h.OnPeerConnectedAsync(PeerId.None, new Hi(\"a\")); h.OnMessageAsync(PeerId.None, new NetMQMessage(), default); h.OnConnectedAsync(new Hi(\"b\"), false); h.OnConnectedAsync(new Hi(\"c\"), true); return s.Log; } }",
            "PC(a) M(0) C(b) "
        },
        {
            "split over files with a base list in one part",
            Records + "[LifelineHandler] public partial class S { void OnDisconnected() => Log += \"D \"; }\n" + NextFile + "\nusing Lifeline;\npublic class Base { public string Log = \"\"; protected void OnPeerConnected(PeerId peer, Hi hello) => Log += \"Base.PC(\" + hello.Name + \") \"; }\npublic partial class S : Base { }\npublic static class Probe { public static string Run() { var s = new S(); ILifelineHandler h = s; h.OnPeerConnectedAsync(PeerId.None, new Hi(\"a\")); h.OnDisconnectedAsync(); return s.Log; } }",
            "Base.PC(a) D "
        },
        {
            "generic base class",
            Records + "public class Base<THello> { public string Log = \"\"; protected void OnConnected(THello hello) => Log += \"Base.C \"; protected virtual void OnReconnected(Hi hello) => Log += \"Base.R \"; } [LifelineHandler] public partial class S : Base<Hi> { protected override void OnReconnected(Hi hello) => Log += \"S.R(\" + hello.Name + \") \"; } public static class Probe { public static string Run() { var s = new S(); ILifelineHandler h = s; h.OnConnectedAsync(new Hi(\"a\"), false); h.OnConnectedAsync(new Hi(\"b\"), true); return s.Log; } }",
            "Base.C S.R(b) "
        },
        {
            "records of one simple name in two namespaces",
            Usings + "namespace A { [HelloMessage] public partial record Hi(int X); [DisconnectMessage] public partial record Bye(int X); } namespace B { [HelloMessage] public partial record Hi(int X); [DisconnectMessage] public partial record Bye(int X); } [LifelineHandler] public partial class S { public string Log = \"\"; void OnPeerConnected(PeerId peer, A.Hi hello) => Log += \"A.Hi \"; void OnPeerConnected(PeerId peer, B.Hi hello) => Log += \"B.Hi \"; void OnPeerDisconnected(PeerId peer, A.Hi hello, B.Bye gone) => Log += \"A.Hi+B.Bye \"; void OnPeerDisconnected(PeerId peer, B.Bye gone) => Log += \"B.Bye \"; void OnUnknownPeerDisconnected(PeerId peer, A.Bye gone) => Log += \"?A.Bye \"; } public static class Probe { public static string Run() { var s = new S(); ILifelineHandler h = s; h.OnPeerConnectedAsync(PeerId.None, new B.Hi(1)); h.OnPeerConnectedAsync(PeerId.None, new A.Hi(1)); h.OnPeerDisconnectedAsync(PeerId.None, new A.Hi(1), new B.Bye(1)); h.OnPeerDisconnectedAsync(PeerId.None, new B.Hi(1), new B.Bye(1)); h.OnPeerDisconnectedAsync(PeerId.None, null, new A.Bye(1)); h.OnPeerDisconnectedAsync(PeerId.None, new A.Hi(1), new A.Bye(1)); return s.Log; } }",
            "B.Hi A.Hi A.Hi+B.Bye B.Bye ?A.Bye "
        },
        {
            "abstract handler class implemented by a plain subclass",
            Records + "[LifelineHandler] public abstract partial class S { public string Log = \"\"; protected abstract void OnConnected(Hi hello); protected virtual ValueTask OnMessage(PeerId peer, NetMQMessage message) { Log += \"S.M \"; return default; } } public sealed class T : S { protected override void OnConnected(Hi hello) => Log += \"T.C \"; protected override ValueTask OnMessage(PeerId peer, NetMQMessage message) { Log += \"T.M \"; return base.OnMessage(peer, message); } } public static class Probe { public static string Run() { var t = new T(); ILifelineHandler h = t; h.OnConnectedAsync(new Hi(\"a\"), false); h.OnMessageAsync(PeerId.None, new NetMQMessage(), default); return t.Log; } }",
            "T.C T.M S.M "
        },
        {
            "handler classes derived from handler classes",
            Records + "[LifelineHandler] public partial class A { public string Log = \"\"; protected virtual void OnConnected(Hi hello) => Log += \"A.C \"; protected void OnDisconnected() => Log += \"A.D \"; } [LifelineHandler] public partial class B : A { protected override void OnConnected(Hi hello) => Log += \"B.C \"; void OnReconnected(Hi hello) => Log += \"B.R \"; } public static class Probe { public static string Run() { var b = new B(); ILifelineHandler h = b; h.OnConnectedAsync(new Hi(\"a\"), false); h.OnConnectedAsync(new Hi(\"a\"), true); h.OnDisconnectedAsync(); return b.Log; } }",
            "B.C B.R A.D "
        },
        {
            "hiding a base handler",
            Records + "public class Base { public string Log = \"\"; protected void OnDisconnected() => Log += \"Base.D \"; protected void OnConnected(Hi hello) => Log += \"Base.C \"; } [LifelineHandler] public partial class S : Base { private new void OnDisconnected() => Log += \"S.D \"; } public static class Probe { public static string Run() { var s = new S(); ILifelineHandler h = s; h.OnDisconnectedAsync(); h.OnConnectedAsync(new Hi(\"a\"), false); return s.Log; } }",
            "S.D Base.C "
        },
        {
            "record struct hellos and disconnects",
            Usings + "[HelloMessage] public partial record struct HS(int X); [DisconnectMessage] public partial record struct GS(int Y); [LifelineHandler] public partial class S { public string Log = \"\"; void OnPeerConnected(PeerId peer, HS hello) => Log += \"PC\" + hello.X + \" \"; void OnPeerDisconnected(PeerId peer, HS hello, GS gone) => Log += \"PD\" + hello.X + gone.Y + \" \"; void OnUnknownPeerDisconnected(PeerId peer, GS gone) => Log += \"U\" + gone.Y + \" \"; } public static class Probe { public static string Run() { var s = new S(); ILifelineHandler h = s; h.OnPeerConnectedAsync(PeerId.None, new HS(1)); h.OnPeerDisconnectedAsync(PeerId.None, new HS(2), new GS(3)); h.OnPeerDisconnectedAsync(PeerId.None, null, new GS(4)); return s.Log; } }",
            "PC1 PD23 U4 "
        },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Mistake_is_reported_on_the_users_span(string name, string markup)
    {
        _ = name;
        var (source, expected) = Markup.Parse(markup);
        var files = source.Split(NextFile);
        var run = TestCompilation.Run(files);

        var reported = run.GeneratorDiagnostics.Select(d => $"{d.Id} '{Spanned(d, files)}'").OrderBy(x => x, StringComparer.Ordinal);
        Assert.Equal(expected.Select(e => $"{e.Id} '{source.Substring(e.Span.Start, e.Span.Length)}'").OrderBy(x => x, StringComparer.Ordinal), reported);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_input_is_silent_and_compiles(string name, string source)
    {
        _ = name;
        var files = source.Split(NextFile);
        var run = TestCompilation.Run(files);

        Assert.Empty(run.GeneratorDiagnostics.Select(d => $"{d.Id} '{Spanned(d, files)}': {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.Empty(run.CompilationProblems.Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void Records_round_trip_through_their_generated_formatters(string name, string source)
    {
        _ = name;
        var values = (object[])Execute(source + Trip)!;

        Assert.True(values.Length % 2 == 0 && values.Length > 0);
        for (var i = 0; i < values.Length; i += 2)
        {
            var difference = Difference(values[i], values[i + 1], values[i].GetType().Name);
            Assert.True(difference is null, difference);
        }
    }

    [Theory]
    [MemberData(nameof(Dispatches))]
    public void Handlers_are_called_through_their_generated_dispatch(string name, string source, string expected)
    {
        _ = name;
        Assert.Equal(expected, Execute(source));
    }

    [Fact]
    public void A_lifecycle_attribute_on_two_partial_declarations_is_the_compilers_error_alone()
    {
        var run = TestCompilation.Run(
            Usings + "[HelloMessage] public partial record H(int X); [LifelineHandler] public partial class S { void OnConnected(H hello) { } }",
            "[Lifeline.HelloMessage] public partial record H { public int Y { get; init; } } [Lifeline.LifelineHandler] public partial class S { }");

        // CS0579 on the user's second attribute; the generator itself does not fail (CS8785) and adds nothing twice.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.Single(run.Sources, s => s.HintName == "H.Lifeline.g.cs");
        Assert.Single(run.Sources, s => s.HintName == "S.LifelineHandler.g.cs");
    }

    /// <summary>The text a diagnostic is reported on, found in the test's files by path (Source0.cs, Source1.cs, ...).</summary>
    private static string Spanned(Diagnostic d, string[] files)
    {
        var path = d.Location.GetLineSpan().Path;
        return path is { Length: > 0 } && int.TryParse(path.Replace("Source", string.Empty, StringComparison.Ordinal).Replace(".cs", string.Empty, StringComparison.Ordinal), out var i) && i < files.Length
            ? files[i].Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)
            : "(no location)";
    }

    /// <summary>Builds the source with its generated code into an assembly, runs <c>Probe.Run()</c> and returns its result.</summary>
    private static object? Execute(string source)
    {
        var files = source.Split(NextFile);
        var run = TestCompilation.Run(files);
        Assert.Empty(run.GeneratorDiagnostics.Select(d => $"{d.Id} '{Spanned(d, files)}': {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)));

        var context = new AssemblyLoadContext("round-trip", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var probe = assembly.GetTypes().Single(t => t.Name == "Probe");
            try
            {
                return probe.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new Xunit.Sdk.XunitException("Probe.Run threw: " + e.InnerException);
            }
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Where two decoded values differ, member by member and element by element, or null when they do not.</summary>
    private static string? Difference(object? sent, object? received, string path)
    {
        if (sent is null || received is null)
        {
            return sent is null && received is null ? null : $"{path}: sent {Show(sent)}, received {Show(received)}";
        }

        var type = sent.GetType();
        if (type != received.GetType() && !(sent is IEnumerable && received is IEnumerable))
        {
            return $"{path}: sent a {type}, received a {received.GetType()}";
        }

        switch (sent)
        {
            case string or Uri or Version:
                return sent.ToString() == received.ToString() ? null : $"{path}: sent {Show(sent)}, received {Show(received)}";
            case decimal or DateTimeOffset or DateTime or double or float or Half:
                // ToString tells a decimal's scale, an offset, a kind and -0.0 apart, which Equals does not.
                var sentText = sent is DateTime at ? at.ToString("o") + at.Kind : sent is DateTimeOffset offset ? offset.ToString("o") : Convert.ToString(sent, System.Globalization.CultureInfo.InvariantCulture);
                var receivedText = received is DateTime at2 ? at2.ToString("o") + at2.Kind : received is DateTimeOffset offset2 ? offset2.ToString("o") : Convert.ToString(received, System.Globalization.CultureInfo.InvariantCulture);
                return sentText == receivedText ? null : $"{path}: sent {sentText}, received {receivedText}";
            case IDictionary map:
                var other = (IDictionary)received;
                if (map.Count != other.Count)
                {
                    return $"{path}: sent {map.Count} entries, received {other.Count}";
                }

                foreach (DictionaryEntry entry in map)
                {
                    if (!other.Contains(entry.Key))
                    {
                        return $"{path}: key {Show(entry.Key)} was lost";
                    }

                    if (Difference(entry.Value, other[entry.Key], $"{path}[{entry.Key}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case IEnumerable items when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(HashSet<>):
                var left = items.Cast<object?>().Select(x => x?.ToString()).OrderBy(x => x, StringComparer.Ordinal);
                var right = ((IEnumerable)received).Cast<object?>().Select(x => x?.ToString()).OrderBy(x => x, StringComparer.Ordinal);
                return left.SequenceEqual(right) ? null : $"{path}: the sets differ";
            case IEnumerable items when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>) && (bool)type.GetProperty("IsDefault")!.GetValue(sent)!:
                return (bool)type.GetProperty("IsDefault")!.GetValue(received)! ? null : $"{path}: sent a default ImmutableArray, received another";
            case IEnumerable items:
                var a = items.Cast<object?>().ToList();
                var b = ((IEnumerable)received).Cast<object?>().ToList();
                if (a.Count != b.Count)
                {
                    return $"{path}: sent {a.Count} elements, received {b.Count}";
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (Difference(a[i], b[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
        }

        if (type.IsPrimitive || type.IsEnum || type == typeof(Guid) || type == typeof(TimeSpan) || type == typeof(DateOnly) || type == typeof(TimeOnly)
            || type == typeof(Int128) || type == typeof(UInt128) || type == typeof(System.Numerics.BigInteger))
        {
            return Equals(sent, received) ? null : $"{path}: sent {Show(sent)}, received {Show(received)}";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition && (definition == typeof(ReadOnlyMemory<>) || definition == typeof(Memory<>)))
        {
            var sentBytes = (byte[])type.GetMethod("ToArray")!.Invoke(sent, null)!;
            var receivedBytes = (byte[])type.GetMethod("ToArray")!.Invoke(received, null)!;
            return sentBytes.SequenceEqual(receivedBytes) ? null : $"{path}: the bytes differ";
        }

        // Value tuples: their fields; records and everything else: public instance properties and fields, private ones
        // too (a property with a private getter is carried).
        const BindingFlags instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var property in type.GetProperties(instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract" && p.GetMethod is not null))
        {
            if (Difference(property.GetValue(sent), property.GetValue(received), $"{path}.{property.Name}") is { } inner)
            {
                return inner;
            }
        }

        foreach (var field in type.GetFields(instance).Where(f => !f.Name.Contains("k__BackingField", StringComparison.Ordinal)))
        {
            if (Difference(field.GetValue(sent), field.GetValue(received), $"{path}.{field.Name}") is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
