using System.Collections.Immutable;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>What the generator cannot dispatch is a diagnostic on the exact span; valid handlers stay silent.</summary>
public class HandlerDiagnosticTests
{
    private const string Records = """
        using System.Threading.Tasks;
        using Lifeline;
        using NetMQ;
        [HelloMessage(Id = 1)] public partial record Hi(string Name);
        [HelloMessage(Id = 3)] public partial record Other(string Name);
        [DisconnectMessage(Id = 2)] public partial record Bye(string Reason);
        public record Plain(string Name);

        """;

    [Theory]
    [InlineData("void OnPeerConnected{|LFL0301:(PeerId peer)|} { }")]
    [InlineData("void OnPeerConnected{|LFL0301:(PeerId peer, Bye gone)|} { }")]
    [InlineData("void OnPeerConnected{|LFL0301:(PeerId peer, Plain hello)|} { }")]
    [InlineData("void OnPeerConnected{|LFL0301:(string peer, Hi hello)|} { }")]
    [InlineData("void OnPeerDisconnected{|LFL0301:(PeerId peer, Bye gone, Hi hello)|} { }")]
    [InlineData("void OnConnected{|LFL0301:(PeerId peer, Hi hello)|} { }")]
    [InlineData("void OnDisconnected{|LFL0301:(Hi hello)|} { }")]
    [InlineData("void OnMessage{|LFL0301:(PeerId peer, byte[] payload)|} { }")]
    [InlineData("void OnMessage{|LFL0301:(PeerId peer, NetMQMessage message, int reason)|} { }")]
    [InlineData("void OnMalformedFrame{|LFL0301:(PeerId peer, string error)|} { }")]
    [InlineData("void OnPeerConnected(PeerId peer, Hi hello) { } void {|LFL0302:OnPeerConnected|}(PeerId other, Hi again) { }")]
    [InlineData("void OnPeerDisconnected(PeerId peer, Hi hello, Bye gone) { } ValueTask {|LFL0302:OnPeerDisconnected|}(PeerId p, Hi h, Bye g) => default;")]
    [InlineData("{|LFL0304:int|} OnPeerConnected(PeerId peer, Hi hello) => 0;")]
    [InlineData("{|LFL0304:Task|} OnConnected(Hi hello) => Task.CompletedTask;")]
    public void Handler_methods_that_cannot_be_dispatched_are_reported(string members) =>
        DiagnosticAssert.Reported(Records + $"[LifelineHandler] public partial class Server {{ {members} }}", DiagnosticSeverity.Error, Diagnostics);

    [Theory]
    [InlineData("[LifelineHandler] public class {|LFL0303:Server|} { }")]
    [InlineData("[LifelineHandler] public partial class {|LFL0303:Server|}<T> { }")]
    [InlineData("public class {|LFL0004:Outer|} { [LifelineHandler] public partial class Server { } }")]
    [InlineData("[LifelineHandler] file partial class {|LFL0303:Server|} { void OnDisconnected() { } }")]
    [InlineData("file partial class Outer { [LifelineHandler] public partial class {|LFL0303:Server|} { void OnDisconnected() { } } }")]
    [InlineData("[LifelineHandler] public partial class {|LFL0303:Server|} { private int __LifelineCatalog = 0; public int Count => __LifelineCatalog; }")]
    [InlineData("[LifelineHandler] public partial class {|LFL0303:Server|} : ILifelineHandler { ValueTask ILifelineHandler.OnDisconnectedAsync() => default; }")]
    public void Handler_classes_that_cannot_be_extended_are_reported(string declaration) =>
        DiagnosticAssert.Reported(Records + declaration, DiagnosticSeverity.Error, Diagnostics);

    [Fact]
    public void A_handler_in_an_assembly_without_records_compiles_against_its_own_catalog_only()
    {
        // No record in this compilation, so no LifelineMessages catalog to combine with.
        const string source = """
            using Lifeline;
            using NetMQ;
            [LifelineHandler]
            public partial class DataOnly
            {
                void OnMessage(PeerId peer, NetMQMessage message, NotLifecycleReason reason) { }
                void OnDisconnected() { }
            }
            """;

        var run = TestCompilation.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var handler = Assert.Single(run.Sources, s => s.HintName.EndsWith(".LifelineHandler.g.cs", System.StringComparison.Ordinal));
        Assert.DoesNotContain("Lifeline.Generated.LifelineMessages", handler.SourceText.ToString(), System.StringComparison.Ordinal);
        Assert.Contains("OnMessage(peer, message, reason)", handler.SourceText.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_handler_is_silent_and_its_dispatch_compiles()
    {
        var source = Records + """
            [LifelineHandler]
            public partial class Server
            {
                void OnPeerConnected(PeerId peer, Hi hello) { }
                ValueTask OnPeerConnected(PeerId peer, Other hello) => default;
                void OnPeerDisconnected(PeerId peer, Hi hello, Bye gone) { }
                void OnPeerDisconnected(PeerId peer, Other hello, Bye gone) { }
                void OnPeerDisconnected(PeerId peer, Bye gone) { }
                void OnUnknownPeerDisconnected(PeerId peer, Bye gone) { }
                void OnConnected(Hi hello) { }
                ValueTask OnReconnected(Hi hello) => default;
                void OnDisconnected() { }
                void OnMessage(PeerId peer, NetMQMessage message) { }
                void OnMalformedFrame(PeerId peer, MalformedFrame error) { }
                void OnSomethingElse(int unrelated) { }
            }
            """;

        var run = TestCompilation.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    private static ImmutableArray<Diagnostic> Diagnostics(string source) => TestCompilation.Run(source).GeneratorDiagnostics;
}
