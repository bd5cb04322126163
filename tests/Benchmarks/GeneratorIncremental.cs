using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Lifeline.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Lifeline.Benchmarks;

/// <summary>
/// The generator on the edits users make all day, each timed against a first run on the same project: N records in
/// one file, a handler naming some of them in another, and an unrelated file. After a warm-up of every edit, rounds
/// alternate a first run and the edited run on fresh compilations (so neither reuses the other's binding); medians are
/// reported (processor time), with how many output steps re-ran and which files were written again.
/// </summary>
public static class GeneratorIncremental
{
    private static readonly (string Name, Func<Project, CSharpCompilation> Apply)[] Edits =
    [
        ("comment at the top of the records' file", p => p.EditRecords(t => "// a note\n" + t)),
        ("comment above the middle record", p => p.EditRecords(t => t.Insert(t.IndexOf(p.Attribute(p.Records / 2), StringComparison.Ordinal), "// a note\n"))),
        ("blank line between two records", p => p.EditRecords(t => t.Insert(t.IndexOf(p.Attribute(p.Records / 2), StringComparison.Ordinal), "\n"))),
        ("comment in the handler's file", p => p.Edit(1, t => t.Replace("public partial class Hub\n{\n", "public partial class Hub\n{\n    // a note\n", StringComparison.Ordinal))),
        ("method body changed in another file", p => p.Edit(2, t => t.Replace("return 1;", "return 2;", StringComparison.Ordinal))),
        ("new file", p => p.Compilation.Clone().AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other { internal class Added { } }"))),
        ("member added to the middle record (real edit)", p => p.EditRecords(t => t.Replace($"Hello{p.Records / 2}(string Name,", $"Hello{p.Records / 2}(string Name, int Added,", StringComparison.Ordinal))),
    ];

    public static void Run(int records, int rounds, string? only = null)
    {
        var project = new Project(records);
        var edits = Edits.Where(e => only is null || e.Name.Contains(only, StringComparison.Ordinal)).ToList();

        // The JIT and Roslyn's own caches warm up on every edit first; the first rows read twice as slow without it.
        foreach (var (_, apply) in edits)
        {
            for (var round = 0; round < 3; round++)
            {
                Time(NewDriver().RunGenerators(project.Compilation.Clone()), apply(project), out _);
            }
        }

        Console.WriteLine($"{records} records, {rounds} rounds, medians");
        Console.WriteLine("| edit | first run | edited run | edited / first | attribute-only baseline, edited run | output steps re-run | files written again |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var (name, apply) in edits)
        {
            var first = new List<double>();
            var edited = new List<double>();
            var baseline = new List<double>();
            var rerun = 0;
            var written = string.Empty;
            for (var round = 0; round < rounds; round++)
            {
                first.Add(Time(NewDriver(), project.Compilation.Clone(), out _));
                var warm = NewDriver().RunGenerators(project.Compilation.Clone());
                edited.Add(Time(warm, apply(project), out var result));
                (rerun, written) = Rerun(result);
                var warmBaseline = NewDriver(new BaselineAttributeGenerator()).RunGenerators(project.Compilation.Clone());
                baseline.Add(Time(warmBaseline, apply(project), out _));
            }

            var (f, e, b) = (Median(first), Median(edited), Median(baseline));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {f:F2} ms | {e:F2} ms | {e / f:F2}x | {b:F2} ms | {rerun} | {written} |"));
        }
    }

    // Processor time of the process, not wall-clock time: other builds share the machine's two cores, and waiting for
    // them is not the generator's cost. It includes the garbage collections the run causes. Process.TotalProcessorTime
    // counts in 10 ms ticks on Linux, too coarse for runs of a few milliseconds, so the clock is read directly there.
    private static double Time(GeneratorDriver driver, CSharpCompilation compilation, out GeneratorDriver after)
    {
        var before = ProcessorMilliseconds();
        after = driver.RunGenerators(compilation);
        return ProcessorMilliseconds() - before;
    }

    private static double ProcessorMilliseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;
        }

        ClockGetTime(2 /* CLOCK_PROCESS_CPUTIME_ID */, out var time);
        return (time.Seconds * 1000.0) + (time.Nanoseconds / 1_000_000.0);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static (int Count, string Files) Rerun(GeneratorDriver driver)
    {
        var outputs = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
            .Where(o => o.Reason != IncrementalStepRunReason.Cached).ToList();
        var files = outputs.SelectMany(o => ((System.Collections.IEnumerable)o.Value.GetType().GetField("Item1")!.GetValue(o.Value)!).Cast<object>())
            .Select(s => (string)s.GetType().GetProperty("HintName")!.GetValue(s)!)
            .ToList();
        var shown = files.Count <= 3 ? string.Join(", ", files) : $"{files.Count} files";
        return (outputs.Count, files.Count == 0 ? "none" : shown);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static GeneratorDriver NewDriver(IIncrementalGenerator? generator = null) =>
        CSharpGeneratorDriver.Create(
            [(generator ?? new LifelineGenerator()).AsSourceGenerator()],
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private sealed class Project
    {
        public Project(int records)
        {
            Records = records;
            var source = new StringBuilder("using System.Collections.Generic;\nusing Lifeline;\n\nnamespace Bench\n{\n");
            for (var i = 0; i < records; i++)
            {
                source.Append("    ").AppendLine(Attribute(i));
                source.AppendLine($"    public partial record Hello{i}(string Name, int Version, List<string> Tags, Dictionary<string, int> Limits, double Load);");
                source.AppendLine();
            }

            source.AppendLine("}");
            var handler = new StringBuilder("using Lifeline;\n\nnamespace Bench\n{\n[LifelineHandler]\npublic partial class Hub\n{\n");
            for (var i = 0; i < Math.Min(records, 5); i++)
            {
                handler.AppendLine($"    void OnPeerConnected(PeerId peer, Hello{i} hello) {{ }}");
            }

            handler.AppendLine("}\n}");
            const string unrelated = "namespace Elsewhere\n{\n    public class Service\n    {\n        public int Count()\n        {\n            return 1;\n        }\n    }\n}\n";
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Append(typeof(HelloMessageAttribute).Assembly.Location)
                .Append(typeof(MessagePack.MessagePackSerializer).Assembly.Location)
                .Append(typeof(NetMQ.NetMQSocket).Assembly.Location)
                .Distinct()
                .Select(p => MetadataReference.CreateFromFile(p));
            Compilation = CSharpCompilation.Create(
                "Bench",
                [CSharpSyntaxTree.ParseText(source.ToString()), CSharpSyntaxTree.ParseText(handler.ToString()), CSharpSyntaxTree.ParseText(unrelated)],
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        }

        public int Records { get; }

        public CSharpCompilation Compilation { get; }

        public string Attribute(int i) => $"[HelloMessage(Id = {i + 1})]";

        public CSharpCompilation EditRecords(Func<string, string> change) => Edit(0, change);

        public CSharpCompilation Edit(int tree, Func<string, string> change)
        {
            var clone = Compilation.Clone();
            var syntaxTree = clone.SyntaxTrees.ElementAt(tree);
            return clone.ReplaceSyntaxTree(syntaxTree, syntaxTree.WithChangedText(SourceText.From(change(syntaxTree.GetText().ToString()))));
        }
    }
}
