using System.Linq;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>Generated code compiles cleanly under strict settings and is the same on every run.</summary>
public class GeneratedCodeTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using Lifeline;
        namespace Demo;
        [MessagePart] public partial record Address(string Street, int Number, string? Note);
        [HelloMessage]
        public partial record Hello(string Name, List<Address?> Addresses, Dictionary<string, int[]?>? Index, Guid Id, DateTimeOffset At, int? Slot = null);
        [DisconnectMessage]
        public partial record struct Gone(string Reason, TimeSpan After);
        """;

    [Fact]
    public void Every_warning_is_an_error_and_there_are_none_with_nullable_enabled()
    {
        var run = TestCompilation.Run(Source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal(5, run.Sources.Count);
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        var first = TestCompilation.Run(Source).Sources.Select(s => (s.HintName, Text: s.SourceText.ToString())).ToList();
        var second = TestCompilation.Run(Source).Sources.Select(s => (s.HintName, Text: s.SourceText.ToString())).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_record_split_across_partial_declarations_reads_members_from_every_part()
    {
        var run = TestCompilation.Run(
            "[Lifeline.HelloMessage] public partial record Split { public int Extra { get; init; } }",
            "public partial record Split(string Name, int Version);");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var source = run.Source("Split.Lifeline.g.cs");
        Assert.Contains("new global::Split(__v0, __v1) { Extra = __v2 }", source, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NullableContextOptions.Disable)]
    [InlineData(NullableContextOptions.Enable)]
    public void Generated_code_compiles_cleanly_at_CSharp_9_with_nullable_on_or_off(NullableContextOptions nullable)
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using Lifeline;
            namespace Demo
            {
                [MessagePart] public partial record Address(string Street, int Number);
                [HelloMessage] public partial record Hello(string Name, List<Address> Addresses, Dictionary<string, int[]> Index, Guid Id, int? Slot = null);
                [DisconnectMessage] public partial record Gone(string Reason, TimeSpan After);
                [LifelineHandler] public partial class Hub { void OnPeerConnected(PeerId peer, Hello hello) { } }
            }
            """;
        var compilation = TestCompilation.Create(source)
            .WithOptions(TestCompilation.Create().Options.WithNullableContextOptions(nullable));
        var tree = compilation.SyntaxTrees.Single();
        compilation = compilation.ReplaceSyntaxTree(tree, tree.WithRootAndOptions(tree.GetRoot(), TestCompilation.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp9)));

        var run = TestCompilation.Run(compilation);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.NotEmpty(run.Sources);
    }

    [Fact]
    public void Members_are_nullable_where_written_with_a_question_mark_or_where_annotations_are_off()
    {
        var run = TestCompilation.Run("""
            using Lifeline;
            namespace Demo;
            [HelloMessage]
            public partial record Hello(string Annotated, string? Nullable)
            {
            #nullable disable
                public string Oblivious { get; init; }
            #nullable enable annotations
                public string AnnotationsOnly { get; init; } = "";
            }
            """);

        var source = run.Source("Hello.Lifeline.g.cs");
        Assert.Contains("__v0 = global::Lifeline.Serialization.LifelineWire.ReadRequiredString(ref reader);", source, System.StringComparison.Ordinal);
        Assert.Contains("__v1 = global::Lifeline.Serialization.LifelineWire.ReadString(ref reader);", source, System.StringComparison.Ordinal);
        Assert.Contains("__v2 = global::Lifeline.Serialization.LifelineWire.ReadString(ref reader);", source, System.StringComparison.Ordinal);
        Assert.Contains("__v3 = global::Lifeline.Serialization.LifelineWire.ReadRequiredString(ref reader);", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Across_partial_declarations_properties_follow_the_order_of_the_files_in_the_compilation()
    {
        const string first = "public partial record Split { public int A { get; init; } }";
        const string second = "[Lifeline.HelloMessage] public partial record Split { public int B { get; init; } }";

        var forward = TestCompilation.Run(first, second).Source("Split.Lifeline.g.cs");
        var backward = TestCompilation.Run(second, first).Source("Split.Lifeline.g.cs");

        Assert.Contains("new global::Split() { A = __v0, B = __v1 }", forward, System.StringComparison.Ordinal);
        Assert.Contains("new global::Split() { B = __v0, A = __v1 }", backward, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_compilation_without_lifecycle_records_gets_no_source()
    {
        var run = TestCompilation.Run("namespace Demo; public record Plain(int X);");

        Assert.Empty(run.Sources);
        Assert.Empty(run.CompilationProblems);
    }
}
