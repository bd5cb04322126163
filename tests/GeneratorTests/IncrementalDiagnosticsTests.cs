using System;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>
/// After any sequence of edits, a warm driver reports exactly what a fresh build reports, at the current spans: a
/// diagnostic may be reported again when its line moves, but never where its code used to be.
/// </summary>
public class IncrementalDiagnosticsTests
{
    private const string Invalid = """
        using Lifeline;
        namespace Demo;
        [HelloMessage(Id = 5)] public partial record First(string X);
        [DisconnectMessage(Id = 5)] public partial record Second(string X);
        [HelloMessage] public partial record Unsupported(object Payload);
        [LifelineCatalog] public static partial class CatalogOne { }
        [LifelineCatalog] public static partial class CatalogTwo { }
        [LifelineHandler] public partial class Hub { void OnPeerConnected(PeerId peer, Second gone) { } }
        """;

    private const string Handler = """
        using Lifeline;
        namespace Demo;
        [LifelineHandler] public partial class Other { void OnPeerConnected(PeerId peer, Unsupported hello) { } }
        """;

    // Each edit applies to the result of the one before; neutral ones must not regenerate any file.
    private static readonly (string Name, bool Neutral, Func<CSharpCompilation, CSharpCompilation?> Apply)[] Sequence =
    [
        ("a comment at the top", true, c => SourceEdits.Replace(c, "using Lifeline;\nnamespace Demo;\n[HelloMessage(Id = 5)]", "// a note\nusing Lifeline;\nnamespace Demo;\n[HelloMessage(Id = 5)]")),
        ("a blank line between the duplicates", true, c => SourceEdits.Replace(c, "(string X);\n[Disconnect", "(string X);\n\n[Disconnect")),
        ("a comment in the other handler's file", true, c => SourceEdits.Replace(c, "class Other {", "class Other { // a note\n")),
        ("a member added before the duplicate", false, c => SourceEdits.Replace(c, "First(string X)", "First(string X, int Extra = 1)")),
        ("the duplicate's id changed", false, c => SourceEdits.Replace(c, "[DisconnectMessage(Id = 5)]", "[DisconnectMessage(Id = 6)]")),
        ("lines inserted above the former duplicate", true, c => SourceEdits.Replace(c, "// a note\n", "// a note\n// and another\n\n")),
        ("the duplicate restored further down", false, c => SourceEdits.Replace(c, "[DisconnectMessage(Id = 6)]", "\n\n[DisconnectMessage(Id = 5)]")),
        ("the first catalog class removed", false, c => SourceEdits.Replace(c, "[LifelineCatalog] public static partial class CatalogOne { }\n", string.Empty)),
        ("the unsupported member fixed", false, c => SourceEdits.Replace(c, "Unsupported(object Payload)", "Unsupported(string Payload)")),
        ("the unsupported member broken again, a line lower", false, c => SourceEdits.Replace(c, "[HelloMessage] public partial record Unsupported(string Payload);", "\n[HelloMessage] public partial record Unsupported(object Payload);")),
    ];

    [Fact]
    public void A_warm_driver_reports_what_a_fresh_build_reports_after_each_edit()
    {
        var compilation = TestCompilation.Create(Invalid, Handler, SourceEdits.UnrelatedSource);
        var run = TestCompilation.Run(compilation);
        IncrementalRuns.AssertDiagnosticsAsFresh(run, compilation, "the first run");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "LFL0008");

        foreach (var (name, neutral, apply) in Sequence)
        {
            var edited = apply(compilation) ?? throw new InvalidOperationException($"'{name}' does not apply");
            var next = IncrementalRuns.Rerun(run, edited);

            IncrementalRuns.AssertDiagnosticsAsFresh(next, edited, name);
            if (neutral)
            {
                Assert.True(IncrementalRuns.RegeneratedFiles(next).Count == 0, $"after {name}, regenerated: {string.Join(", ", IncrementalRuns.RegeneratedFiles(next))}");
            }

            (compilation, run) = (edited, next);
        }
    }
}
