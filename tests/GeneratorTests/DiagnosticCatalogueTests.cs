using System;
using System.IO;
using System.Linq;
using Lifeline.Generator.Analyzers;
using Lifeline.Generator.Diagnostics;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>The catalogue, its documentation pages and its release tracking stay in step.</summary>
public class DiagnosticCatalogueTests
{
    public static TheoryData<string> Ids => [.. DiagnosticDescriptors.All.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_has_a_page_titled_like_its_descriptor(string id)
    {
        var descriptor = DiagnosticDescriptors.ById(id);
        var page = Path.Combine(Root(), "docs", "diagnostics", id + ".md");

        Assert.True(File.Exists(page), $"{page} is missing");
        Assert.StartsWith($"# {id}: {descriptor.Title}\n", File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Contains($"Severity: **{descriptor.DefaultSeverity}**", File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Equal($"https://github.com/lifeline-zmq/lifeline/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_is_tracked_for_release(string id)
    {
        var tracking = File.ReadAllText(Path.Combine(Root(), "src", "Generator", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(Root(), "src", "Generator", "AnalyzerReleases.Shipped.md"));

        Assert.Contains($"{id} | Lifeline | {DiagnosticDescriptors.ById(id).DefaultSeverity} |", tracking, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_unique_and_prefixed()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^LFL[0-9]{4}$", id));
    }

    [Fact]
    public void Every_page_belongs_to_a_diagnostic()
    {
        var pages = Directory.GetFiles(Path.Combine(Root(), "docs", "diagnostics"), "LFL*.md").Select(Path.GetFileNameWithoutExtension);

        Assert.All(pages, page => Assert.Contains(DiagnosticDescriptors.All, d => d.Id == page));
    }

    [Fact]
    public void The_analyzers_declare_every_usage_diagnostic()
    {
        var declared = new SocketUsageAnalyzer().SupportedDiagnostics.Concat(new LifecycleArgumentAnalyzer().SupportedDiagnostics).Select(d => d.Id);

        // LFL02xx, and the two handler diagnostics that need to see where handler classes are hosted.
        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id).Where(id => id.StartsWith("LFL02", StringComparison.Ordinal) || id is "LFL0308" or "LFL0309").OrderBy(id => id, StringComparer.Ordinal), declared.OrderBy(id => id, StringComparer.Ordinal));
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Generator.sln not found");
    }
}
