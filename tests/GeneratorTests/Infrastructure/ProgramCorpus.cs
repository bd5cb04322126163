using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Lifeline.Generator.Analyzers;
using Lifeline.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace Lifeline.GeneratorTests.Infrastructure;

/// <summary>
/// Programs of a corpus test, written as one string: files separated by a line "//--- next file ---", markup spans
/// (<c>{|LFL0205:...|}</c>) for what must be reported, a first line "//toplevel" for a console program and "//csharp9"
/// for C# 9 with nullable disabled (as <c>LanguageVersionTests</c> sets them).
/// </summary>
internal static class ProgramCorpus
{
    private const string NextFile = "//--- next file ---\n";

    /// <summary>The files' sources without markup, and the marked spans by file; <paramref name="firstFile"/> completes the first file.</summary>
    public static (List<string> Sources, List<(string Id, int File, TextSpan Span)> Expected) ParseFiles(string code, Func<string, string> firstFile)
    {
        var parts = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split(NextFile);
        var sources = new List<string>();
        var expected = new List<(string, int, TextSpan)>();
        for (var i = 0; i < parts.Length; i++)
        {
            var (source, marks) = Markup.Parse(i == 0 ? firstFile(parts[i]) : parts[i]);
            sources.Add(source);
            expected.AddRange(marks.Select(m => (m.Id, i, m.Span)));
        }

        return (sources, expected);
    }

    /// <summary>The compilation of the files, as their first line's markers ask.</summary>
    public static CSharpCompilation Compile(string code, List<string> sources)
    {
        var compilation = code.StartsWith("//csharp9", StringComparison.Ordinal)
            ? TestCompilation.Create(new CSharpParseOptions(LanguageVersion.CSharp9), NullableContextOptions.Disable, [.. sources])
            : TestCompilation.Create([.. sources]);
        return code.StartsWith("//toplevel", StringComparison.Ordinal)
            ? compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication))
            : compilation;
    }

    /// <summary>Every diagnostic of both analyzers over a run's output, and the generator's; an analyzer exception fails the case.</summary>
    public static ImmutableArray<Diagnostic> Diagnostics(GeneratorRun run)
    {
        var diagnostics = TestCompilation.Analyze(run.Output, new SocketUsageAnalyzer())
            .AddRange(TestCompilation.Analyze(run.Output, new LifecycleArgumentAnalyzer()))
            .AddRange(run.GeneratorDiagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    /// <summary>Whether a diagnostic lies in one of the corpus files (SourceN.cs), not in a generated file or nowhere.</summary>
    public static bool IsUserFile(Location location) =>
        location.GetLineSpan().Path is { } path && path.StartsWith("Source", StringComparison.Ordinal) && path.EndsWith(".cs", StringComparison.Ordinal)
        && int.TryParse(path["Source".Length..^".cs".Length], out _);

    /// <summary>The index of the corpus file a diagnostic lies in.</summary>
    public static int FileOf(Location location) => int.Parse(location.GetLineSpan().Path["Source".Length..^".cs".Length], CultureInfo.InvariantCulture);
}

/// <summary>
/// The check of the corpora held against every diagnostic: every LFL diagnostic and every compiler diagnostic of the
/// user's code is compared with the markup, by id and exact span; an LFL diagnostic whose severity differs from its
/// descriptor's (which DiagnosticCatalogueTests holds to the docs) shows a '!severity' suffix, and one in a generated
/// file fails the case. Each first file gets the usings below and the records Hi, Bye and Crash.
/// </summary>
internal sealed class WholeProgramCorpus(ITestOutputHelper output, IReadOnlySet<string> knownWrong)
{
    private static readonly Dictionary<string, DiagnosticSeverity> Severities = DiagnosticDescriptors.All.ToDictionary(d => d.Id, d => d.DefaultSeverity);

    private static readonly string[] Usings =
    [
        "using System;", "using System.Collections.Generic;", "using System.Linq;", "using System.Threading;", "using System.Threading.Tasks;",
        "using Lifeline;", "using Lifeline.Hosting;", "using NetMQ;", "using NetMQ.Sockets;",
        "using Microsoft.Extensions.DependencyInjection;", "using Microsoft.Extensions.Hosting;", "using Microsoft.Extensions.Options;",
    ];

    // Warnings the SDK shows but that are no mistakes in a sample (unused locals, an async method awaiting nothing, unused usings).
    private static readonly HashSet<string> Tolerated = new(StringComparer.Ordinal) { "CS0168", "CS0219", "CS0169", "CS0414", "CS0649", "CS8321", "CS1998", "CS4014", "CS9113", "CS9124", "CS8019" };

    /// <summary>Compares a case with its markup; a case listed as known wrong must still be wrong.</summary>
    public void Check(string name, string code)
    {
        var (sources, expected) = ProgramCorpus.ParseFiles(code, first =>
            string.Join("\n", Usings) + "\n" + first + "\n"
            + "[HelloMessage(Id = 0x0F01)] public partial record Hi(string Name);\n[DisconnectMessage(Id = 0x0F02)] public partial record Bye(string Reason);\n[DisconnectMessage(Id = 0x0F03)] public partial record Crash(int Code);\n");
        var actual = Analyze(name, code, sources);
        var expectedText = expected.Select(e => $"{e.Id} {e.File} '{sources[e.File].Substring(e.Span.Start, e.Span.Length)}'").OrderBy(x => x, StringComparer.Ordinal).ToList();
        var actualText = actual.OrderBy(x => x, StringComparer.Ordinal).ToList();
        output.WriteLine($"{name}: expected [{string.Join("; ", expectedText)}] actual [{string.Join("; ", actualText)}]");
        if (knownWrong.Contains(name))
        {
            Assert.False(expectedText.SequenceEqual(actualText), $"{name} is listed in KnownWrong but now passes: move it out");
        }
        else
        {
            Assert.Equal(expectedText, actualText);
        }
    }

    private List<string> Analyze(string name, string code, List<string> sources)
    {
        // TestCompilation.Run fails the case if any generated file carries a warning or an error.
        var run = TestCompilation.Run(ProgramCorpus.Compile(code, sources));
        var problems = run.CompilationProblems.Where(d => !Tolerated.Contains(d.Id) && !d.Id.StartsWith("CS86", StringComparison.Ordinal)).ToList();
        var result = new List<string>();
        foreach (var d in ProgramCorpus.Diagnostics(run).Where(d => d.Id.StartsWith("LFL", StringComparison.Ordinal)).Concat(problems))
        {
            if (!ProgramCorpus.IsUserFile(d.Location))
            {
                output.WriteLine($"{name}: IN GENERATED OR NO FILE {d}");
                result.Add($"{d.Id} GENERATED {d.Location.GetLineSpan().Path}");
                continue;
            }

            var file = ProgramCorpus.FileOf(d.Location);
            var text = sources[file].Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length);
            output.WriteLine($"{name}: {d.Id} {d.Severity} '{text}': {d.GetMessage(CultureInfo.InvariantCulture)}");
            var severity = Severities.TryGetValue(d.Id, out var documented) && documented != d.DefaultSeverity ? $" !{d.DefaultSeverity}" : "";
            result.Add($"{d.Id} {file} '{text}'{severity}");
        }

        return result;
    }
}
