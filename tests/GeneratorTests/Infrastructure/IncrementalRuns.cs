using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Lifeline.GeneratorTests.Infrastructure;

/// <summary>Runs the generator again on an edited compilation and says what re-ran, what changed and what it reported.</summary>
internal static class IncrementalRuns
{
    /// <summary>Runs a warm driver on <paramref name="edited"/>.</summary>
    public static GeneratorRun Rerun(GeneratorRun warm, CSharpCompilation edited)
    {
        var driver = warm.Driver.RunGeneratorsAndUpdateCompilation(edited, out var output, out var diagnostics);
        return new GeneratorRun(driver, (CSharpCompilation)output, diagnostics);
    }

    /// <summary>Each generated file's text, by hint name.</summary>
    public static Dictionary<string, string> Texts(GeneratorRun run) =>
        run.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>The hint names whose text differs between two runs, added and removed ones included.</summary>
    public static SortedSet<string> ChangedFiles(GeneratorRun before, GeneratorRun after)
    {
        var (a, b) = (Texts(before), Texts(after));
        return new SortedSet<string>(
            a.Keys.Union(b.Keys).Where(name => !a.TryGetValue(name, out var x) || !b.TryGetValue(name, out var y) || x != y),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The hint names of the files that output steps wrote in this run rather than took from the cache. An output
    /// step that re-ran only to report diagnostics writes no file and is not listed.
    /// </summary>
    public static SortedSet<string> RegeneratedFiles(GeneratorRun run)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var output in OutputSteps(run).Where(o => o.Reason != IncrementalStepRunReason.Cached))
        {
            // An output step's value is (generated sources, diagnostics).
            var sources = (IEnumerable)output.Value.GetType().GetField("Item1")!.GetValue(output.Value)!;
            foreach (var source in sources)
            {
                names.Add((string)source.GetType().GetProperty("HintName")!.GetValue(source)!);
            }
        }

        return names;
    }

    /// <summary>The reasons of every output step, for messages.</summary>
    public static string Describe(GeneratorRun run) =>
        string.Join(", ", OutputSteps(run).GroupBy(o => o.Reason).Select(g => $"{g.Count()} {g.Key}"));

    /// <summary>Output steps that did not come from the cache.</summary>
    public static int RerunOutputSteps(GeneratorRun run) => OutputSteps(run).Count(o => o.Reason != IncrementalStepRunReason.Cached);

    /// <summary>
    /// Fails unless every output of each named step was cached or recomputed equal. A step with nothing to do (no
    /// record of that kind) is not tracked at all, so only the steps that ran are checked, and at least one must have.
    /// </summary>
    public static void AssertStepsCachedOrUnchanged(GeneratorRun run, IEnumerable<string> steps, string because)
    {
        var ran = steps.Where(run.Result.TrackedSteps.ContainsKey).ToList();
        Assert.NotEmpty(ran);
        foreach (var step in ran)
        {
            var reasons = run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"after {because}, step {step} produced a {reason} output"));
        }
    }

    /// <summary>
    /// Fails unless the incremental run reported exactly what a fresh generator run on the same compilation reports:
    /// the same diagnostics, at the same spans, with the same additional locations and messages.
    /// </summary>
    public static void AssertDiagnosticsAsFresh(GeneratorRun incremental, CSharpCompilation edited, string because)
    {
        var fresh = TestCompilation.Run(edited);
        Assert.True(
            Describe(fresh.Result.Diagnostics).SequenceEqual(Describe(incremental.Result.Diagnostics)),
            $"after {because}, the incremental run reported\n{string.Join("\n", Describe(incremental.Result.Diagnostics))}\nbut a fresh run reports\n{string.Join("\n", Describe(fresh.Result.Diagnostics))}");
    }

    private static IEnumerable<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Select(d => $"{d.Id} {Where(d.Location)} [{string.Join("; ", d.AdditionalLocations.Select(Where))}] {d.GetMessage(CultureInfo.InvariantCulture)}")
            .OrderBy(s => s, StringComparer.Ordinal);

    private static string Where(Location location)
    {
        var span = location.GetLineSpan();
        return $"{span.Path}{span.Span} {location.SourceSpan}";
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> OutputSteps(GeneratorRun run) =>
        run.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs);
}
