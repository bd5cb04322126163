using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Lifeline.Generator;
using Lifeline.Generator.Model;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>
/// The pipeline caches around a record the generator rejects, and no model holds a symbol, node, compilation or location
/// (the edits users make are in <see cref="IncrementalEditTests"/>).
/// </summary>
public class IncrementalCachingTests
{
    private const string Messages = """
        using System.Collections.Generic;
        using Lifeline;
        namespace Demo;
        [MessagePart] public partial record Part(int X);
        [HelloMessage(Id = 1)] public partial record Hello(string Name, List<Part> Parts);
        [DisconnectMessage(Id = 2)] public partial record Gone(string Reason);
        [HelloMessage] public partial record Broken(object Unsupported);
        [DisconnectMessage(Id = 1)] public partial record Clash(string Reason);
        [LifelineHandler] public partial class Hub { void OnPeerConnected(PeerId peer, Hello hello) { } void OnPeerDisconnected(PeerId peer, Gone gone) { } }
        [LifelineCatalog] public static partial class Contracts { }
        """;

    private const string Unrelated = """
        namespace Demo;
        public class Service { public int Count() => 1; }
        """;

    private static readonly string[] TrackedSteps =
    [
        LifelineGenerator.Steps.Hellos,
        LifelineGenerator.Steps.Disconnects,
        LifelineGenerator.Steps.Parts,
        LifelineGenerator.Steps.Specs,
        LifelineGenerator.Steps.Catalog,
        LifelineGenerator.Steps.Handlers,
        LifelineGenerator.Steps.CatalogClass,
        LifelineGenerator.Steps.AcrossTypes,
        LifelineGenerator.Steps.Schema,
    ];

    [Fact]
    public void An_unrelated_edit_regenerates_nothing()
    {
        var compilation = TestCompilation.Create(Messages, Unrelated);
        var first = TestCompilation.Run(compilation);
        var unrelatedTree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(
            unrelatedTree,
            unrelatedTree.WithChangedText(SourceText.From(Unrelated.Replace("=> 1", "=> 2", StringComparison.Ordinal))));

        var second = first.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCached(second);
        Assert.Equal(first.Sources.Select(s => s.SourceText.ToString()), second.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void Editing_a_record_regenerates_it()
    {
        var compilation = TestCompilation.Create(Messages, Unrelated);
        var first = TestCompilation.Run(compilation);
        var messagesTree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(
            messagesTree,
            messagesTree.WithChangedText(SourceText.From(Messages.Replace("string Reason", "string Why", StringComparison.Ordinal))));

        var second = first.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The test above could pass with a pipeline that never runs; this one proves the steps do re-run.
        var reasons = second.TrackedSteps[LifelineGenerator.Steps.Disconnects].SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        Assert.Contains(second.GeneratedSources, s => s.SourceText.ToString().Contains("Key_Why", StringComparison.Ordinal));
    }

    [Fact]
    public void No_pipeline_model_holds_a_symbol_syntax_node_semantic_model_compilation_or_location()
    {
        var run = TestCompilation.Run(TestCompilation.Create(Messages, Unrelated)).Result;

        foreach (var step in TrackedSteps)
        {
            Assert.True(run.TrackedSteps.ContainsKey(step), $"step {step} is not tracked");
            foreach (var output in run.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertNoCompilerObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertAllCached(GeneratorRunResult result)
    {
        foreach (var step in TrackedSteps)
        {
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} produced a {reason} output"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output =>
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    private static void AssertNoCompilerObjects(object? value, string path, HashSet<object> seen)
    {
        // Diagnostics carry where they are reported; they travel apart from the models that generate source.
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is DiagnosticInfo || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SemanticModel or Compilation or Location or SyntaxTree or LocationInfo or TextSpan or LinePositionSpan,
            $"{path} holds a {value.GetType().Name}");

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertNoCompilerObjects(item, $"{path}[{i++}]", seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoCompilerObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
