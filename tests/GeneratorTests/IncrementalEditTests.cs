using System;
using System.Linq;
using Lifeline.Generator;
using Lifeline.GeneratorTests.Infrastructure;
using Lifeline.GeneratorTests.Inputs;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>
/// The edits users make all day, on every snapshot input and a small project: neutral ones regenerate nothing and
/// real ones regenerate exactly what they affect, while diagnostics stay what a fresh build reports.
/// </summary>
public class IncrementalEditTests
{
    private static readonly string[] ModelSteps =
    [
        LifelineGenerator.Steps.Hellos,
        LifelineGenerator.Steps.Disconnects,
        LifelineGenerator.Steps.Parts,
        LifelineGenerator.Steps.Specs,
        LifelineGenerator.Steps.Catalog,
        LifelineGenerator.Steps.Handlers,
        LifelineGenerator.Steps.Schema,
    ];

    public static TheoryData<string, string> NeutralEdits()
    {
        var data = new TheoryData<string, string>();
        foreach (var (input, _) in CachingInputs.All)
        {
            var compilation = CachingInputs.Compile(input);
            foreach (var edit in SourceEdits.Neutral.Where(e => e.Apply(compilation) is not null))
            {
                data.Add(input, edit.Name);
            }
        }

        return data;
    }

    [Fact]
    public void Every_input_gets_the_edits_in_its_own_file_and_the_project_gets_them_all()
    {
        var cases = NeutralEdits().Select(row => ((string)row[0], (string)row[1])).ToList();

        Assert.All(SourceEdits.Neutral, edit => Assert.Contains((CachingInputs.Project, edit.Name), cases));
        Assert.All(CachingInputs.All, input => Assert.Equal(7, cases.Count(c => c.Item1 == input.Name && !c.Item2.Contains("handler", StringComparison.Ordinal))));
    }

    [Theory]
    [MemberData(nameof(NeutralEdits))]
    public void A_neutral_edit_regenerates_nothing(string input, string edit)
    {
        var compilation = CachingInputs.Compile(input);
        var first = TestCompilation.Run(compilation);
        Assert.Empty(first.GeneratorDiagnostics);
        var edited = SourceEdits.Neutral.Single(e => e.Name == edit).Apply(compilation)!;

        var second = IncrementalRuns.Rerun(first, edited);

        IncrementalRuns.AssertStepsCachedOrUnchanged(second, ModelSteps, edit);
        Assert.True(IncrementalRuns.RerunOutputSteps(second) == 0, $"after {edit}, output steps: {IncrementalRuns.Describe(second)}; regenerated: {string.Join(", ", IncrementalRuns.RegeneratedFiles(second))}");
        Assert.Equal(IncrementalRuns.Texts(first), IncrementalRuns.Texts(second));
        IncrementalRuns.AssertDiagnosticsAsFresh(second, edited, edit);
    }

    [Theory]
    [InlineData("a member added to a record", "CourierHello(string Name, Guid Vehicle)", "CourierHello(string Name, Guid Vehicle, int Seats = 2)",
        "Shop.CourierHello.Lifeline.g.cs", "Lifeline.Schema.g.cs")]
    [InlineData("a record's id changed", "[HelloMessage(Id = 2)]", "[HelloMessage(Id = 20)]",
        "Shop.CourierHello.Lifeline.g.cs", "Lifeline.LifelineMessages.g.cs", "Shop.Dispatch.LifelineHandler.g.cs", "Lifeline.Schema.g.cs")]
    [InlineData("a record added after the others", "TimeSpan After);\n", "TimeSpan After);\n\n    [HelloMessage(Id = 9)]\n    public partial record ClerkHello(string Name);\n",
        "Shop.ClerkHello.Lifeline.g.cs", "Lifeline.LifelineMessages.g.cs", "Lifeline.Schema.g.cs")]
    [InlineData("a handler method added", "void OnMessage(", "void OnPeerDisconnected(PeerId peer, CourierGone gone) { }\n        void OnMessage(",
        "Shop.Dispatch.LifelineHandler.g.cs")]
    public void A_real_edit_regenerates_exactly_what_it_affects(string edit, string find, string replacement, params string[] affected)
    {
        var compilation = CachingInputs.Compile(CachingInputs.Project);
        var first = TestCompilation.Run(compilation);
        var edited = SourceEdits.Replace(compilation, find, replacement);
        Assert.NotNull(edited);

        var second = IncrementalRuns.Rerun(first, edited);

        Assert.Empty(second.GeneratorDiagnostics);
        Assert.Empty(second.CompilationProblems);
        var expected = affected.Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(IncrementalRuns.ChangedFiles(first, second)), $"after {edit}, changed: {string.Join(", ", IncrementalRuns.ChangedFiles(first, second))}");
        Assert.True(expected.SequenceEqual(IncrementalRuns.RegeneratedFiles(second)), $"after {edit}, regenerated: {string.Join(", ", IncrementalRuns.RegeneratedFiles(second))}");
        IncrementalRuns.AssertDiagnosticsAsFresh(second, edited, edit);
    }

    [Fact]
    public void A_record_added_above_others_of_its_kind_changes_only_its_own_file_and_the_catalog()
    {
        var compilation = CachingInputs.Compile(CachingInputs.Project);
        var first = TestCompilation.Run(compilation);
        var edited = SourceEdits.Replace(compilation, "namespace Shop\n{\n", "namespace Shop\n{\n    [HelloMessage(Id = 9)] public partial record ClerkHello(string Name);\n")!;

        var second = IncrementalRuns.Rerun(first, edited);

        // Roslyn compares a provider's items by position, so the hellos below the new one are emitted again; their
        // text is the same, and they are the only other files that are.
        Assert.Equal(["Lifeline.LifelineMessages.g.cs", "Lifeline.Schema.g.cs", "Shop.ClerkHello.Lifeline.g.cs"], IncrementalRuns.ChangedFiles(first, second));
        Assert.Equal(
            ["Lifeline.LifelineMessages.g.cs", "Lifeline.Schema.g.cs", "Shop.AuditorHello.Lifeline.g.cs", "Shop.ClerkHello.Lifeline.g.cs", "Shop.CourierHello.Lifeline.g.cs", "Shop.CustomerHello.Lifeline.g.cs"],
            IncrementalRuns.RegeneratedFiles(second));
    }
}
