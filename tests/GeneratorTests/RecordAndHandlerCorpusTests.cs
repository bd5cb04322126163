using System;
using System.Collections.Generic;
using System.Linq;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>
/// Unusual but possible inputs. For any of them either the generated code compiles without a warning, or an LFL
/// diagnostic on the user's own code says what to do and the generated files stay clean.
/// </summary>
public class RecordAndHandlerCorpusTests
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

    public static TheoryData<string, string> Mistakes => new()
    {
        { "positional parameter replaced by a property of another type", Usings + "[HelloMessage] public partial record H(int Code) { public string {|LFL0104:Code|} { get; } = Code.ToString(); }" },
        { "write-only init property", Usings + "[HelloMessage] public partial record H(string Name) { public int {|LFL0102:Level|} { init { } } }" },
        { "required field", Usings + "[HelloMessage] public partial record H(string Name) { public required int {|LFL0104:Level|}; }" },
        { "internal required property", Usings + "[HelloMessage] internal partial record H(string Name) { internal required int {|LFL0104:Level|} { get; init; } }" },
        { "hello and part at once", Usings + "[HelloMessage, MessagePart] public partial record {|LFL0006:X|}(int A);" },
        { "disconnect and part at once", Usings + "[DisconnectMessage, MessagePart] public partial record {|LFL0006:X|}(int A);" },
        { "nested type named LifelineFormatter", Usings + "[HelloMessage] public partial record H(int A) { public class {|LFL0014:LifelineFormatter|} { } }" },
        { "hello that declares itself a disconnect", Usings + "[HelloMessage] public partial record H(int A) : {|LFL0006:IDisconnectMessage<H>|};" },
        { "part that declares itself a hello", Usings + "[MessagePart] public partial record P(int A) : {|LFL0006:IHelloMessage<P>|};" },
        { "id of uint.MaxValue", Usings + "[HelloMessage({|LFL0007:Id = unchecked((int)uint.MaxValue)|})] public partial record H(int A);" },
        { "id of int.MinValue", Usings + "[HelloMessage({|LFL0007:Id = int.MinValue|})] public partial record H(int A);" },
        { "same id across kinds", Usings + "[HelloMessage(Id = 7)] public partial record A(int X); [DisconnectMessage(Id = 7)] public partial record {|LFL0008:B|}(int X);" },
        { "member of type PeerId", Usings + "[HelloMessage] public partial record H({|LFL0101:PeerId|} Peer);" },
        { "member of type dynamic", Usings + "[HelloMessage] public partial record H({|LFL0101:dynamic|} Payload);" },
        { "member of a generic part", Usings + "[MessagePart] public partial record P{|LFL0003:<T>|}(T X); [HelloMessage] public partial record H({|LFL0101:P<int>|} Part);" },
        { "member of SortedSet", Usings + "[HelloMessage] public partial record H({|LFL0101:SortedSet<int>|} Items);" },
        { "dictionary keyed by nullable int", Usings + "[HelloMessage] public partial record H({|LFL0101:Dictionary<int?, string>|} Items);" },
        { "record nested in a generic handler's type", Usings + "public partial class G<T> { [HelloMessage] public partial record {|LFL0003:H|}(int A); }" },
        { "handler taking a part", Records + "[MessagePart] public partial record P(int A); [LifelineHandler] public partial class S { void OnPeerConnected{|LFL0301:(PeerId peer, P part)|} { } }" },
        { "handler with an optional parameter", Records + "[LifelineHandler] public partial class S { void OnDisconnected{|LFL0301:(int retry = 0)|} { } }" },
        { "handler with params", Records + "[LifelineHandler] public partial class S { void OnDisconnected{|LFL0301:(params object[] args)|} { } }" },
        { "generic handler", Records + "[LifelineHandler] public partial class S { void OnConnected<T>{|LFL0301:(Hi hello)|} { } }" },
        { "handler returning ValueTask<int>", Records + "[LifelineHandler] public partial class S { {|LFL0304:ValueTask<int>|} OnConnected(Hi hello) => default; }" },
        { "handler taking object", Records + "[LifelineHandler] public partial class S { void OnPeerConnected{|LFL0301:(PeerId peer, object hello)|} { } }" },
        { "handler taking a nullable PeerId", Records + "[LifelineHandler] public partial class S { void OnPeerConnected{|LFL0301:(PeerId? peer, Hi hello)|} { } }" },
        { "OnMessage twice", Records + "[LifelineHandler] public partial class S { void OnMessage(PeerId peer, NetMQMessage message) { } void {|LFL0302:OnMessage|}(PeerId peer, NetMQMessage message, NotLifecycleReason reason) { } }" },
        { "OnMalformedFrame twice", Records + "[LifelineHandler] public partial class S { void OnMalformedFrame(PeerId peer, MalformedFrame error) { } ValueTask {|LFL0302:OnMalformedFrame|}(PeerId p, MalformedFrame e) => default; }" },
        { "handler nested in a generic type", Records + "public partial class G<T> { [LifelineHandler] public partial class {|LFL0303:S|} { void OnDisconnected() { } } }" },
        { "handler class that is also a catalog", Records + "[LifelineHandler, LifelineCatalog] public static partial class {|LFL0303:S|} { }" },
        { "handler ILifelineHandler member implemented by hand", Records + "[LifelineHandler] public partial class {|LFL0303:S|} : ILifelineHandler { ValueTask ILifelineHandler.OnDisconnectedAsync() => default; }" },
        { "file-local handler", Records + "[LifelineHandler] file partial class {|LFL0303:S|} { void OnDisconnected() { } }" },
        { "handler nested in a file-local class", Records + "file partial class F { [LifelineHandler] public partial class {|LFL0303:S|} { void OnDisconnected() { } } }" },
        { "handler member named like generated code", Records + "[LifelineHandler] public partial class {|LFL0303:S|} { private int __LifelineCatalog; void OnDisconnected() { __LifelineCatalog++; } }" },
        { "catalog class with a member named Catalog", Records + "[LifelineCatalog] public static partial class {|LFL0011:M|} { public static int Catalog => 1; }" },
        { "catalog class with a member named Schema", Records + "[LifelineCatalog] public static partial class {|LFL0011:M|} { public static string Schema => \"\"; }" },
        { "private catalog class with a handler", Records + "public partial class Outer { [LifelineCatalog] private static partial class {|LFL0011:M|} { } } [LifelineHandler] public partial class S { void OnConnected(Hi hello) { } }" },
        { "file-local catalog class", Records + "[LifelineCatalog] file static partial class {|LFL0011:M|} { }" },
    };

    public static TheoryData<string, string> Valid => new()
    {
        // Constructors and members of records.
        { "explicit constructor beside the primary one", Usings + "[HelloMessage] public partial record H(string Name) { public H(int code) : this(code.ToString()) { } }" },
        { "init, settable and private-set properties", Usings + "[HelloMessage] public partial record H { public string Name { get; init; } = \"\"; public int Level { get; set; } public int Rank { get; private set; } public int Mode { private get; init; } }" },
        { "required members", Usings + "[HelloMessage] public partial record H(string Name) { public required int Level { get; init; } public required string? Note { get; init; } }" },
        { "statics, consts, indexers, events, explicit interface members", Usings + "[HelloMessage] public partial record H(string Name) : IComparable<H> { public const int Version = 1; public static int Count { get; set; } static H() { } public int this[int i] { get => i; set { } } public event Action? Changed; int IComparable<H>.CompareTo(H? other) => 0; public void Raise() => Changed?.Invoke(); }" },
        { "property initialised from a parameter", Usings + "[HelloMessage] public partial record H(string Name) { public string Name { get; init; } = Name; }" },
        { "public field initialised from a parameter", Usings + "[HelloMessage] public partial record H(int X) { public readonly int X = X; }" },
        { "settable property with initializer", Usings + "[HelloMessage] public partial record H(string Name) { public int Level { get; set; } = 3; }" },
        { "params parameter", Usings + "[HelloMessage] public partial record H(string Name, params int[] Values);" },
        { "record struct", Usings + "[HelloMessage] public partial record struct H(string Name, int Level);" },
        { "readonly record struct", Usings + "[DisconnectMessage] public readonly partial record struct G(string Reason);" },
        { "record struct with init properties and initializers", Usings + "[HelloMessage] public partial record struct H { public H() { } public string Name { get; init; } = \"x\"; public int Level { get; init; } }" },
        { "record struct with a constructor taking parameters", Usings + "[HelloMessage] public partial record struct H { public H(int level) { Level = level; } public int Level { get; init; } }" },
        { "sealed record implementing interfaces", Usings + "[HelloMessage] public sealed partial record H(string Name) : IEquatable<string> { public bool Equals(string? other) => other == Name; }" },
        { "private copy constructor and initializer kept", Usings + "[HelloMessage] public sealed partial record H(string Name) { private H(H original) { Name = original.Name; Level = original.Level; } public int Level { get; init; } = 4; }" },

        // Where records are declared.
        { "nested three deep", Usings + "public partial class A { public partial struct B { internal partial interface C { [HelloMessage] public partial record H(int X); } } }" },
        { "nested in a record struct with parameters", Usings + "public partial record struct Outer(int A) { [HelloMessage] public partial record H(int X); }" },
        { "nested in a hello record", Usings + "[HelloMessage] public partial record Outer(Outer.Inner Part) { [MessagePart] public partial record Inner(int Y); }" },
        { "nested in a static class", Usings + "public static partial class Outer { [HelloMessage] public partial record H(int X); }" },
        { "nested in a readonly struct", Usings + "public readonly partial struct Outer { [HelloMessage] public partial record H(int X); }" },
        { "nested in a ref struct", Usings + "public ref partial struct Outer { [HelloMessage] public partial record H(int X); }" },
        { "in the global namespace", Usings + "[HelloMessage] public partial record H(int X);" },
        { "in a file-scoped namespace", Usings + "namespace App.Messages;\n[HelloMessage] public partial record H(int X);" },
        { "in the namespace Lifeline", Usings + "namespace Lifeline.App { [HelloMessage] public partial record H(int X); }" },
        { "attribute through an alias", Usings + "using HM = Lifeline.HelloMessageAttribute;\n[HM(Id = 4)] public partial record H(int X);" },
        { "members in another file's declaration", Usings + "[HelloMessage] public partial record H(string Name);\n" + NextFile + "\nnamespace Ignored { }\npublic partial record H { public int Level { get; init; } }" },

        // Names.
        { "records named like System and Lifeline types", Usings + "namespace App { [HelloMessage] public partial record Task(int X); [DisconnectMessage] public partial record PeerId(string R); [MessagePart] public partial record System(int Y); [MessagePart] public partial record MessagePack(int Z); [HelloMessage] public partial record Lifeline(System S, MessagePack M); }" },
        { "record with a keyword name", Usings + "[HelloMessage] public partial record @class(int X);" },
        { "record in a keyword namespace", Usings + "namespace @event { [HelloMessage] public partial record H(int X); }" },
        { "record in a keyword-named class", Usings + "public partial class @class { [HelloMessage] public partial record H(int X); }" },
        { "members named like generated code", Usings + "[HelloMessage] public partial record H(int @class, int value, int writer, int reader, int options, int Id, int Kind, int Instance, int Key_A, int A, int __v0, int __h0, int __result, int __member, int __count, int __key, int __i, int __ex, int Serialize, int Deserialize, int global);" },
        { "member named like its type", Usings + "[MessagePart] public partial record Part(int X); public enum Color { Red } [HelloMessage] public partial record H(Part Part, Color Color);" },
        { "non-ASCII names", Usings + "[HelloMessage] public partial record Größe(int Höhe, string 名前);" },
        { "records whose names differ only in case", Usings + "[HelloMessage] public partial record Hello(int A); [DisconnectMessage] public partial record HELLO(int A);" },
        { "handlers whose names differ only in case", Records + "[LifelineHandler] public partial class Hub { void OnDisconnected() { } } [LifelineHandler] public partial class HUB { void OnDisconnected() { } }" },
        { "a record and a handler class of one name", Records + "namespace A { [HelloMessage] public partial record Hub(int X); } namespace B { [LifelineHandler] public partial class Hub { void OnConnected(A.Hub hello) { } } }" },
        { "records named LifelineMessages and Generated", Usings + "[HelloMessage] public partial record LifelineMessages(int X); namespace Lifeline.Generated { [MessagePart] public partial record Schema(int Y); }" },

        // Member types.
        { "nullable value types", Usings + "public enum Color : byte { Red = 1 } [MessagePart] public partial record struct PS(int X); [HelloMessage] public partial record H(int? A, Color? B, Guid? C, (int, string)? D, PS? E, DateTimeOffset? F, TimeSpan? G, decimal? I, char? J, Half? K, Int128? L, DateOnly? M, TimeOnly? N, System.Numerics.BigInteger? O, ReadOnlyMemory<byte>? P, System.Collections.Immutable.ImmutableArray<int>? Q);" },
        { "enums of every underlying type", Usings + "public enum E1 : byte { A } public enum E2 : sbyte { A = -1 } public enum E3 : short { A } public enum E4 : ushort { A } public enum E5 : uint { A = uint.MaxValue } public enum E6 : long { A = long.MinValue } public enum E7 : ulong { A = ulong.MaxValue } [Flags] public enum E8 { None = 0, A = 1, B = 2 } [HelloMessage] public partial record H(E1 A, E2 B, E3 C, E4 D, E5 E, E6 F, E7 G, E8 I, Dictionary<E1, E7> ByByte, List<E8?> Flags);" },
        { "nested collections", Usings + "[MessagePart] public partial record P(int X); [HelloMessage] public partial record H(int[][] Jagged, List<List<int>> Lists, List<List<List<string?>>> Deep, Dictionary<string, List<P>> ByName, Dictionary<int, P[]> ById, Dictionary<string, Dictionary<int, List<P?>>> Nested, P?[] Maybe, List<int?[]?> Holes);" },
        { "tuples with collections", Usings + "[HelloMessage] public partial record H((List<int>, List<int>) Two, List<(int, string?)> Pairs, (int, (string, List<int>)) Inner, (int A, int B)? Named, Dictionary<string, (int, int)> Map);" },
        { "single-element value tuple", Usings + "[HelloMessage] public partial record H(ValueTuple<int> Single);" },
        { "interface collections", Usings + "[HelloMessage] public partial record H(IReadOnlyCollection<int> A, IReadOnlySet<int> B, ICollection<int> C, IList<int> D, ISet<int> E, IDictionary<int, string> F, IReadOnlyDictionary<Guid, string> G, IEnumerable<string> I, IReadOnlyList<int> J, HashSet<string?> K);" },
        { "recursive part", Usings + "[MessagePart] public partial record Node(int Value, Node? Next, List<Node> Children); [HelloMessage] public partial record H(Node Root);" },
        { "mutually recursive parts used by two messages", Usings + "[MessagePart] public partial record A(B? Other); [MessagePart] public partial record B(A? Other); [HelloMessage] public partial record H(A First); [DisconnectMessage] public partial record G(B Last);" },
        { "a message as a member of another", Usings + "[HelloMessage] public partial record Inner(int X); [HelloMessage] public partial record struct InnerS(int X); [HelloMessage] public partial record H(Inner A, InnerS B, InnerS? C, List<Inner?> D);" },
        { "uri and version", Usings + "[HelloMessage] public partial record H(Uri A, Uri? B, Version C, Version? D, List<Uri> E, Memory<byte> F);" },
        { "tuple alias", Usings + "using Pair = (int Count, string Label);\n[HelloMessage] public partial record H(Pair P, List<Pair> Ps);" },

        // Default values.
        { "numeric defaults", Usings + "[HelloMessage] public partial record H(int A = -1, long B = long.MinValue, ulong C = ulong.MaxValue, uint D = uint.MaxValue, short E = -2, sbyte F = sbyte.MinValue, byte G = 255, ushort I = 65535, int J = int.MinValue, int? K = -5);" },
        { "floating and decimal defaults", Usings + "[HelloMessage] public partial record H(double A = double.NaN, double B = double.NegativeInfinity, double C = -0.0, double D = double.Epsilon, float E = float.MaxValue, float F = float.NaN, decimal G = -1.50m, decimal I = decimal.MaxValue, decimal? J = 0.1m, double K = 1e300, Half L = default);" },
        { "text defaults", Usings + "[HelloMessage] public partial record H(string A = \"quote \\\" backslash \\\\ tab \\t nul \\0 line \\u2028 emoji \\U0001F600 lone \\uD800\", char B = '\\'', char C = '\\0', char D = '\\uFFFF', string? E = null, string F = \"\", char G = '\"');" },
        { "enum defaults", Usings + "public enum Color : long { Red = -5, Blue = 7 } [Flags] public enum Bits : ulong { None = 0, A = 1, Top = 0x8000000000000000 } [HelloMessage] public partial record H(Color A = Color.Red, Color? B = Color.Blue, Color? C = null, Bits D = Bits.A | Bits.Top, Color E = (Color)42, Color F = default);" },
        { "other defaults", Usings + "[MessagePart] public partial record struct PS(int X); [MessagePart] public partial record P(int X); [HelloMessage] public partial record H(bool A = true, Guid B = default, DateTime C = default, PS D = default, P? E = null, (int, string?) F = default, int[]? G = null, byte[]? I = null, TimeSpan J = default);" },

        // Handlers.
        { "abstract handler class with abstract handlers", Records + "[LifelineHandler] public abstract partial class S { protected abstract void OnPeerConnected(PeerId peer, Hi hello); public abstract ValueTask OnMessage(PeerId peer, NetMQMessage message); } public sealed class T : S { protected override void OnPeerConnected(PeerId peer, Hi hello) { } public override ValueTask OnMessage(PeerId peer, NetMQMessage message) => default; }" },
        { "sealed internal handler", Records + "[LifelineHandler] internal sealed partial class S { void OnConnected(Hi hello) { } ValueTask OnReconnected(Other hello) => default; }" },
        { "private nested handler", Records + "public partial class Outer { [LifelineHandler] private partial class S { void OnDisconnected() { } } }" },
        { "handler nested in a struct and an interface", Records + "public partial struct A { public partial interface I { [LifelineHandler] public partial class S { void OnDisconnected() { } } } }" },
        { "handler with a primary constructor", Records + "[LifelineHandler] public partial class S(int limit) { void OnPeerConnected(PeerId peer, Hi hello) { _ = limit; } }" },
        { "handler methods in another file", Records + "[LifelineHandler] public partial class S { void OnDisconnected() { } }\n" + NextFile + "\nusing Lifeline;\npublic partial class S { void OnPeerConnected(PeerId peer, Hi hello) { } }" },
        { "handler with a nullable record parameter", Records + "[LifelineHandler] public partial class S { void OnPeerConnected(PeerId peer, Hi? hello) { } void OnPeerDisconnected(PeerId peer, Hi? hello, Bye? gone) { } }" },
        { "handler of record structs", Usings + "[HelloMessage] public partial record struct HS(int X); [DisconnectMessage] public partial record struct GS(int Y); [LifelineHandler] public partial class S { void OnPeerConnected(PeerId peer, HS hello) { } void OnPeerDisconnected(PeerId peer, HS hello, GS gone) { } void OnUnknownPeerDisconnected(PeerId peer, GS gone) { } void OnConnected(HS hello) { } }" },
        { "handler overloads by record", Records + "[LifelineHandler] public partial class S { void OnPeerConnected(PeerId peer, Hi hello) { } void OnPeerConnected(PeerId peer, Other hello) { } void OnPeerDisconnected(PeerId peer, Hi hello, Bye gone) { } void OnPeerDisconnected(PeerId peer, Other hello, Bye gone) { } void OnPeerDisconnected(PeerId peer, Bye gone) { } void OnConnected(Hi hello) { } void OnReconnected(Other hello) { } }" },
        { "handler with a partial method", Records + "[LifelineHandler] public partial class S { partial void OnDisconnected(); public partial ValueTask OnMessage(PeerId peer, NetMQMessage message); public partial ValueTask OnMessage(PeerId peer, NetMQMessage message) => default; }" },
        { "handler with fields named like generated locals", Records + "[LifelineHandler] public partial class S { private int hello0 = 1, gone0 = 1, peer = 1, message = 1, reason = 1, error = 1, hello = 1, gone = 1; void OnPeerConnected(PeerId peer, Hi hello) { } void OnPeerDisconnected(PeerId peer, Hi hello, Bye gone) { } public int Sum => hello0 + gone0 + this.peer + this.message + this.reason + this.error + this.hello + this.gone; }" },
        { "handler in a handler", Records + "[LifelineHandler] public partial class A { void OnDisconnected() { } [LifelineHandler] public partial class B { void OnConnected(Hi hello) { } } }" },
        { "records declared in the handler", Usings + "[LifelineHandler] public partial class S { [HelloMessage] public partial record Hi(int A); [DisconnectMessage] public partial record Bye(int B); void OnPeerConnected(PeerId peer, Hi hello) { } void OnPeerDisconnected(PeerId peer, Bye gone) { } }" },
        { "handler in a keyword namespace and class", Records + "namespace @event { public partial class @class { [LifelineHandler] public partial class @struct { void OnConnected(Hi hello) { } } } }" },
        { "handler class of a base with handler names", Records + "public abstract class Base { public abstract void OnDisconnected(); } [LifelineHandler] public partial class S : Base { public override void OnDisconnected() { } }" },

        // Obsolete things the generated code names.
        { "obsolete handler", Records + "[LifelineHandler] public partial class S { [Obsolete(\"old\")] void OnDisconnected() { } [Obsolete] void OnConnected(Hi hello) { } }" },
        { "obsolete record", Usings + "[Obsolete(\"old\")] [HelloMessage] public partial record H(int X);" },
        { "obsolete member", Usings + "[HelloMessage] public partial record H(int X) { [Obsolete(\"old\")] public int Y { get; init; } }" },
        { "obsolete member type", Usings + "[Obsolete(\"old\")] public enum Color { Red } [HelloMessage] public partial record H(int X) { [Obsolete(\"old\")] public Color C { get; init; } }" },

        // Catalog classes.
        { "catalog nested in a class", Records + "public partial class Outer { [LifelineCatalog] internal static partial class M { } } [LifelineHandler] public partial class S { void OnConnected(Hi hello) { } }" },
        { "catalog in a keyword namespace", Records + "namespace @event { [LifelineCatalog] public static partial class @class { } }" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Mistake_is_reported_on_the_users_span_and_generated_files_stay_clean(string name, string markup)
    {
        _ = name;
        var (source, expected) = Markup.Parse(markup);
        var run = TestCompilation.Run(source);

        var reported = run.GeneratorDiagnostics.Select(d => $"{d.Id} '{source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}'").OrderBy(x => x, StringComparer.Ordinal);
        Assert.Equal(expected.Select(e => $"{e.Id} '{source.Substring(e.Span.Start, e.Span.Length)}'").OrderBy(x => x, StringComparer.Ordinal), reported);
        Assert.Empty(InGenerated(run));
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_input_is_silent_and_compiles(string name, string source)
    {
        _ = name;
        var sources = source.Split(NextFile);
        var problems = new List<string>();
        foreach (var (version, nullable) in new[] { (LanguageVersion.Latest, NullableContextOptions.Enable), (LanguageVersion.Latest, NullableContextOptions.Disable), (LanguageVersion.CSharp9, NullableContextOptions.Enable) })
        {
            var compilation = TestCompilation.Create(new CSharpParseOptions(version), nullable, sources);
            var userErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !IsNullableNoise(d)).ToList();
            if (version != LanguageVersion.Latest && userErrors.Count > 0)
            {
                continue; // the source needs a newer language version
            }

            var run = TestCompilation.Run(compilation);
            var mode = $"[{version} {nullable}] ";
            problems.AddRange(run.GeneratorDiagnostics.Select(d => mode + "reported " + Describe(d)));
            problems.AddRange(InGenerated(run).Select(p => mode + p));
            if (nullable == NullableContextOptions.Enable)
            {
                problems.AddRange(run.CompilationProblems.Where(d => IsUserFile(d.Location.SourceTree)).Select(d => mode + "user code: " + d));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void A_member_name_of_more_than_255_bytes_gets_a_str16_key()
    {
        var name = new string('a', 300);
        var run = TestCompilation.Run(Usings + $"[HelloMessage] public partial record H(int {name});");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("new byte[] { 0xDA, 0x01, 0x2C, 0x61", run.Source("H.Lifeline.g.cs"), StringComparison.Ordinal);
    }

    private static bool IsNullableNoise(Diagnostic d) => d.Id is "CS8632";

    private static bool IsUserFile(SyntaxTree? tree) => tree is not null && tree.FilePath.StartsWith("Source", StringComparison.Ordinal);

    private static IEnumerable<string> InGenerated(GeneratorRun run) =>
        run.Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && !IsUserFile(tree))
            .Select(d => $"generated: {d}");

    private static string Describe(Diagnostic d) => $"{d.Id} at {d.Location.GetLineSpan()}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
}
