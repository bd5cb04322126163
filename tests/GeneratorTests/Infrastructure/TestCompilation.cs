using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Lifeline.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lifeline.GeneratorTests.Infrastructure;

/// <summary>Builds compilations of test sources against the real runtime, NetMQ and MessagePack, and runs the generator.</summary>
internal static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpCompilation Create(params string[] sources) => Create(ParseOptions, NullableContextOptions.Enable, sources);

    /// <summary>A compilation at a given language version and nullable context, as a project with those settings.</summary>
    public static CSharpCompilation Create(CSharpParseOptions parseOptions, NullableContextOptions nullable, params string[] sources) =>
        CSharpCompilation.Create(
            "TestAssembly",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: nullable,
                generalDiagnosticOption: ReportDiagnostic.Error,

                // The SDK suppresses these binding-redirect notes by default (NoWarn 1701;1702); so do we.
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

    public static GeneratorRun Run(params string[] sources) => Run(Create(sources));

    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new LifelineGenerator().AsSourceGenerator()],
            // Generated trees are parsed like the user's, as the compiler does.
            parseOptions: compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        AssertGeneratedFilesClean(output, compilation);
        return new GeneratorRun(driver, (CSharpCompilation)output, generatorDiagnostics);
    }

    /// <summary>
    /// Whatever the input, valid or not, no generated file carries an error or a warning: the generator reports its
    /// reasons on the user's span and emits nothing it cannot make compile. Every generator run of the suite checks it.
    /// </summary>
    private static void AssertGeneratedFilesClean(Compilation output, Compilation input)
    {
        var generated = output.SyntaxTrees.Where(t => !input.SyntaxTrees.Contains(t));
        var problems = generated
            .SelectMany(t => output.GetSemanticModel(t).GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not ("CS1701" or "CS1702"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("Generated code carries diagnostics:\n" + string.Join("\n", problems));
        }
    }

    /// <summary>Diagnostics of an analyzer over a compilation (generated sources included).</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, DiagnosticAnalyzer analyzer) =>
        compilation.WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(HelloMessageAttribute).Assembly.Location);
        paths.Add(typeof(NetMQ.NetMQSocket).Assembly.Location);
        paths.Add(typeof(MessagePack.MessagePackSerializer).Assembly.Location);
        paths.Add(typeof(MessagePack.MessagePackObjectAttribute).Assembly.Location);
        return [.. paths.Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}

/// <summary>The outcome of one generator run.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, CSharpCompilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    public IReadOnlyList<GeneratedSourceResult> Sources => Result.GeneratedSources;

    public string Source(string hintNameEnd) => Sources.Single(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>Errors and warnings of the user code compiled together with the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
