using System;
using System.Collections.Immutable;
using System.Linq;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>
/// Mistakes that used to surface as compiler errors inside generated files, or not at all: each is an LFL diagnostic
/// on the user's own span, generated files stay clean whatever the input, and a valid neighbour stays silent.
/// </summary>
public class MistakeTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Lifeline;
        using NetMQ;

        """;

    private const string Records = Usings + """
        [HelloMessage(Id = 1)] public partial record Hi(string Name);
        [DisconnectMessage(Id = 2)] public partial record Bye(string Reason);

        """;

    [Theory]
    [InlineData("[HelloMessage] public {|LFL0013:abstract|} partial record Hello(string Name);")]
    [InlineData("[HelloMessage] public partial record Hello(string Name) { public int {|LFL0014:LifelineFormatter|} { get; init; } }")]
    [InlineData("[HelloMessage] public partial record Hello(string Name) { public static void {|LFL0014:LifelineFormatter|}() { } }")]
    [InlineData("[HelloMessage] public partial record {|LFL0014:LifelineFormatter|}(int A);")]
    [InlineData("public partial class Outer<T> { [HelloMessage] public partial record {|LFL0003:Hello|}(string Name); }")]
    [InlineData("[MessagePart] public record {|LFL0001:Part|}(int X); [HelloMessage] public partial record Hello({|LFL0101:Part|} Part);")]
    [InlineData("[HelloMessage] public partial record Hello({|LFL0101:List<object>|} Items);")]
    [InlineData("[MessagePart] public partial record Part(int X) { public int {|LFL0014:LifelineFormatter|} { get; init; } } [HelloMessage] public partial record Hello({|LFL0101:Part|} Part);")]
    [InlineData("[HelloMessage] public partial record Hello(string Name) { public required int {|LFL0104:Level|}; }")]
    [InlineData("[HelloMessage] internal partial record Hello(string Name) { internal required int {|LFL0104:Level|} { get; init; } }")]
    [InlineData("[HelloMessage] public partial record Hello(int Code) { public string {|LFL0104:Code|} { get; } = Code.ToString(); }")]
    [InlineData("[HelloMessage] public partial record Hello(int Code) { public readonly long {|LFL0104:Code|} = Code; }")]
    // A record whose members have errors generates nothing, so what names it is told so instead of failing to compile.
    [InlineData("[MessagePart] public partial record P({|LFL0101:object|} X); [HelloMessage] public partial record H({|LFL0101:P|} Part);")]
    [InlineData("[MessagePart] public partial record P({|LFL0101:object|} X, List<P> Children); [HelloMessage] public partial record H({|LFL0101:List<P>|} Parts);")]
    [InlineData("[HelloMessage] public partial record Hi({|LFL0101:object|} X); [LifelineHandler] public partial class S { void OnConnected{|LFL0301:(Hi hello)|} { } }")]
    public void Record_mistakes_are_errors_on_the_users_span(string markup) => AssertReported(Usings + markup, DiagnosticSeverity.Error);

    [Theory]
    [InlineData("[HelloMessage] public partial record Hello(string Name) { public int {|LFL0102:Level|} { get; } = 3; }")]
    [InlineData("[HelloMessage] public partial record Hello(string Name) { public int {|LFL0102:Level|} { get; } }")]
    [InlineData("[HelloMessage] public partial record Hello(string Name) { public int {|LFL0102:Level|}; }")]
    [InlineData("[HelloMessage] public partial record Hello(string Name) { public readonly int {|LFL0102:Level|} = 4; }")]
    [InlineData("[HelloMessage] public partial record Hello(string Name) { public int {|LFL0102:Level|} { init { } } }")]
    [InlineData("[HelloMessage] public partial record {|LFL0103:Hello|} { public string Name => \"fixed\"; }")]
    public void Data_that_does_not_travel_is_a_warning_and_the_record_is_still_generated(string markup)
    {
        AssertReported(Usings + markup, DiagnosticSeverity.Warning);
        Assert.Contains(TestCompilation.Run(Markup.Parse(Usings + markup).Source).Sources, s => s.HintName.EndsWith("Hello.Lifeline.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_handler_nested_in_a_generic_type_is_told_so()
    {
        var diagnostic = Assert.Single(TestCompilation.Run(Records + "public partial class Outer<T> { [LifelineHandler] public partial class S { void OnDisconnected() { } } }").GeneratorDiagnostics);
        Assert.Equal("LFL0303", diagnostic.Id);
        Assert.Contains("nested in the generic type 'Outer<T>'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[LifelineHandler] public partial class S { [System.Diagnostics.Conditional(\"DEBUG\")] void {|LFL0311:OnDisconnected|}() { } }")]
    [InlineData("[LifelineHandler] public partial class S { [System.Obsolete(\"old\", true)] void {|LFL0311:OnDisconnected|}() { } void OnConnected(Hi hello) { } }")]
    public void Handlers_their_attributes_keep_from_running_are_reported(string markup) => AssertReported(Records + markup, DiagnosticSeverity.Warning);

    [Theory]
    // Private to the base: never called by the derived class.
    [InlineData("[LifelineHandler] public partial class A { void OnDisconnected() { } } [LifelineHandler] public partial class {|LFL0310:B|} : A { }")]
    [InlineData("public class Base { private void OnPeerConnected(PeerId peer, Hi hello) { } } [LifelineHandler] public partial class {|LFL0310:S|} : Base { }")]
    // A plain base class's handler-named methods that could never be dispatched: static, async void, a wrong signature.
    [InlineData("public class Base { protected static void OnDisconnected() { } } [LifelineHandler] public partial class {|LFL0310:S|} : Base { }")]
    [InlineData("public class Base { protected async void OnDisconnected() { await Task.Yield(); } } [LifelineHandler] public partial class {|LFL0310:S|} : Base { }")]
    [InlineData("public class Base { protected void OnPeerConnected(PeerId peer, string hello) { } } [LifelineHandler] public partial class {|LFL0310:S|} : Base { }")]
    public void Inherited_handlers_the_class_cannot_call_are_reported(string markup) => AssertReported(Records + markup, DiagnosticSeverity.Warning);

    [Theory]
    // Protected, overridden, hidden by a handler of the derived class: dispatched once, silently.
    [InlineData("public class Base { protected void OnPeerConnected(PeerId peer, Hi hello) { } } [LifelineHandler] public partial class S : Base { }", "OnPeerConnected(peer, ")]
    [InlineData("[LifelineHandler] public partial class A { protected virtual void OnDisconnected() { } } [LifelineHandler] public partial class S : A { protected override void OnDisconnected() { } }", "OnDisconnected()")]
    [InlineData("public class Base { protected void OnConnected(Hi hello) { } } [LifelineHandler] public partial class S : Base { new void OnConnected(Hi hello) { } }", " OnConnected(")]
    public void Inherited_handlers_the_class_can_call_are_dispatched(string source, string call)
    {
        var run = TestCompilation.Run(Records + source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains(call, run.Source("S.LifelineHandler.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public static class {|LFL0016:NetMQ|} { public const string Endpoint = \"tcp://127.0.0.1:1\"; }")]
    [InlineData("public class {|LFL0016:MessagePack|} { }")]
    [InlineData("public enum {|LFL0016:System|} { A }")]
    [InlineData("public delegate void {|LFL0016:MessagePack|}();")]
    public void A_global_type_that_hides_a_namespace_of_generated_code_is_reported_and_nothing_is_generated(string declaration)
    {
        var markup = Records + "[LifelineHandler] public partial class S { void OnConnected(Hi hello) { } }\n" + declaration;
        DiagnosticAssert.Reported(markup, DiagnosticSeverity.Error, source => TestCompilation.Run(source).GeneratorDiagnostics);
        Assert.Empty(TestCompilation.Run(Markup.Parse(markup).Source).Sources);
    }

    [Theory]
    // In a namespace, nested, or in a project with nothing to generate: silent.
    [InlineData("[HelloMessage] public partial record Hi(string Name); namespace App { public static class NetMQ { } }")]
    [InlineData("[HelloMessage] public partial record Hi(string Name); public static class Outer { public static class NetMQ { } }")]
    [InlineData("public static class NetMQ { }")]
    public void Types_named_like_those_namespaces_elsewhere_are_silent(string source)
    {
        var run = TestCompilation.Run(Usings + source);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void A_nullable_struct_record_in_a_handler_is_told_to_take_the_record()
    {
        var diagnostic = Assert.Single(TestCompilation.Run(Usings + "[HelloMessage] public partial record struct Seat(int Row); [LifelineHandler] public partial class S { void OnPeerConnected(PeerId peer, Seat? seat) { } }").GeneratorDiagnostics);
        Assert.Equal("LFL0301", diagnostic.Id);
        Assert.Contains("'Seat?' is a nullable struct; take 'Seat'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_handler_class_with_a_warning_is_still_a_handler()
    {
        // LFL0305 is a warning: the class keeps its dispatch, so hosting it still compiles.
        const string markup = Records + """
            [LifelineHandler] public partial class Hub
            {
                void OnPeerConnected(PeerId peer, Hi hello) { }
                void {|LFL0305:OnPeerDisconected|}(PeerId peer, Hi hello, Bye gone) { }
            }
            public static class Use { public static ILifelineHandler Make() => new Hub(); }
            """;
        AssertReported(markup, DiagnosticSeverity.Warning);
        Assert.Empty(TestCompilation.Run(Markup.Parse(markup).Source).CompilationProblems);
    }

    [Theory]
    [InlineData("[LifelineHandler] public partial record {|LFL0303:Server|} { }")]
    [InlineData("[LifelineHandler] public static partial class {|LFL0303:Server|} { }")]
    [InlineData("[LifelineHandler] public partial struct {|LFL0303:Server|} { }")]
    [InlineData("[LifelineHandler] public partial class Server { void OnPeerConnected{|LFL0301:(PeerId peer, ref Hi hello)|} { } }")]
    [InlineData("[LifelineHandler] public partial class Server { void OnPeerConnected{|LFL0301:(in PeerId peer, Hi hello)|} { } }")]
    [InlineData("[LifelineHandler] public partial class Server { static void {|LFL0306:OnPeerConnected|}(PeerId peer, Hi hello) { } }")]
    [InlineData("[LifelineHandler] public partial class Server { {|LFL0307:async|} void OnPeerConnected(PeerId peer, Hi hello) { await Task.Yield(); } }")]
    [InlineData("[HelloMessage(Id = 9)] public record {|LFL0001:Unmade|}(string Name); [LifelineHandler] public partial class Server { void OnPeerConnected{|LFL0301:(PeerId peer, Unmade hello)|} { } }")]
    public void Handler_mistakes_are_errors_on_the_users_span(string markup) => AssertReported(Records + markup, DiagnosticSeverity.Error);

    [Theory]
    [InlineData("void {|LFL0305:OnPeerConected|}(PeerId peer, Hi hello) { }", "OnPeerConnected")]
    [InlineData("void {|LFL0305:OnPeerDisconect|}(PeerId peer, Bye gone) { }", "OnPeerDisconnected")]
    [InlineData("void {|LFL0305:OnPeerDisconected|}(PeerId peer, Hi hello, Bye gone) { }", "OnPeerDisconnected")]
    [InlineData("ValueTask {|LFL0305:OnPeerConnectedAsync|}(PeerId peer, Hi hello) => default;", "OnPeerConnected")]
    [InlineData("void {|LFL0305:OnDisconected|}() { }", "OnDisconnected")]
    [InlineData("void {|LFL0305:onmessage|}(PeerId peer, NetMQMessage message) { }", "OnMessage")]
    public void Handlers_that_would_never_run_are_warnings_naming_the_intended_handler(string member, string intended)
    {
        var markup = Records + $"[LifelineHandler] public partial class Server {{ {member} }}";
        AssertReported(markup, DiagnosticSeverity.Warning);
        var warning = TestCompilation.Run(Markup.Parse(markup).Source).GeneratorDiagnostics.Single();
        Assert.Contains($"'{intended}'", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[HelloMessage] public partial record Empty;")]
    [InlineData("[HelloMessage] public partial record Empty();")]
    [InlineData("[DisconnectMessage] public partial record struct Empty;")]
    [InlineData("[HelloMessage] public partial record Hello(string Name) { public int Twice => Name.Length * 2; }")]
    [InlineData("[HelloMessage] public partial record Hello(string Name) { public const int Version = 2; public static int Count; private int _cache = 1; public int Cache => _cache; }")]
    [InlineData("[HelloMessage] public partial record Hello(string Name) { public int Level { get; init; } = 3; }")]
    [InlineData("[HelloMessage] public partial record Hello(string Name) { public required int Level { get; init; } internal int Cache { get; init; } }")]
    [InlineData("[HelloMessage] public partial record Hello(int Code, string Name) { public int Code { get; init; } = Code; public readonly string Name = Name; }")]
    [InlineData("[LifelineHandler] public partial class Server { void OnConnect(string reason) { } void OnPeerConnectedLater(int x) { } static void Helper() { } async Task OnPeerConnectedAsyncWork() => await Task.Yield(); }")]
    [InlineData("[LifelineHandler] public partial class Server { async ValueTask OnPeerConnected(PeerId peer, Hi hello) => await Task.Yield(); void OnMessage(PeerId peer, NetMQMessage message) { } }")]
    [InlineData("[LifelineHandler] public partial class Server : System.IDisposable { private readonly int _lifelineCatalog = 1; public int Catalog => _lifelineCatalog; void OnDisconnected() { } void System.IDisposable.Dispose() { } } file class Helper { }")]
    public void Valid_neighbours_are_silent_and_compile_cleanly(string source)
    {
        var run = TestCompilation.Run(Records + source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    // The markup names every LFL diagnostic; whatever the compiler says about the user's own code, no generated file
    // may carry a diagnostic.
    private static void AssertReported(string markup, DiagnosticSeverity severity)
    {
        DiagnosticAssert.Reported(markup, severity, source => TestCompilation.Run(source).GeneratorDiagnostics);
        var run = TestCompilation.Run(Markup.Parse(markup).Source);
        var inGenerated = run.Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && !tree.FilePath.StartsWith("Source", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(inGenerated);
    }
}
