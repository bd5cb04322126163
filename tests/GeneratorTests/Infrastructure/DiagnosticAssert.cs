using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Lifeline.GeneratorTests.Infrastructure;

/// <summary>Asserts that exactly the diagnostics marked up in a source are reported, on exactly those spans, with the severity given.</summary>
internal static class DiagnosticAssert
{
    public static void Reported(string markup, DiagnosticSeverity severity, Func<string, ImmutableArray<Diagnostic>> produce)
    {
        var (source, expected) = Markup.Parse(markup);
        var actual = produce(source).Where(d => d.Id.StartsWith("LFL", StringComparison.Ordinal)).ToList();

        var expectedText = expected.Select(e => $"{e.Id} '{source.Substring(e.Span.Start, e.Span.Length)}'").OrderBy(x => x).ToList();
        var actualText = actual.Select(d => $"{d.Id} '{source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}'").OrderBy(x => x).ToList();
        Assert.Equal(expectedText, actualText);
        Assert.Equal(expected.Select(e => e.Span).OrderBy(s => s.Start), actual.Select(d => d.Location.SourceSpan).OrderBy(s => s.Start));
        // The default severity: test compilations promote every warning to an error.
        Assert.All(actual, d => Assert.Equal(severity, d.DefaultSeverity));
        Assert.All(actual, d => Assert.EndsWith($"/docs/diagnostics/{d.Id}.md", d.Descriptor.HelpLinkUri, StringComparison.Ordinal));
    }

    public static void None(string source, Func<string, ImmutableArray<Diagnostic>> produce) =>
        Assert.Empty(produce(source).Where(d => d.Id.StartsWith("LFL", StringComparison.Ordinal)));
}
