using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Lifeline.GeneratorTests.Infrastructure;

/// <summary>An edit a user makes to a compilation; null when it does not apply to that compilation.</summary>
internal sealed record SourceEdit(string Name, Func<CSharpCompilation, CSharpCompilation?> Apply)
{
    public override string ToString() => Name;
}

/// <summary>The edits users make all day, and helpers to write more.</summary>
internal static partial class SourceEdits
{
    /// <summary>Edits that change no record, handler or catalog class: they must regenerate nothing.</summary>
    public static readonly SourceEdit[] Neutral =
    [
        new("the same compilation, cloned", c => (CSharpCompilation)c.Clone()),
        new("a comment at the top of the records' file", c => Edit(c, RecordsTree(c), text => "// a note\n" + text)),
        new("a comment line above the first record", c => InsertAtLine(c, RecordLines(c).FirstOrDefault(), "// a note\n")),
        new("a blank line above the last record", c => InsertAtLine(c, RecordLines(c).LastOrDefault(), "\n")),
        new("a comment in the handler class", c => InsertAfterHandlerBrace(c, "\n    // a note")),
        new("an unrelated type appended to the records' file", c => Edit(c, RecordsTree(c), text => text + "\ninternal class AppendedType { }\n")),
        new("a method body changed in another file", c => Edit(c, UnrelatedTree(c), text => text.Replace("return 1;", "return 2;", StringComparison.Ordinal))),
        new("a new file", c => c.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other { internal class Added { } }", TestCompilation.ParseOptions, path: "Added.cs"))),
    ];

    /// <summary>A file that has nothing to do with Lifeline, for the edits made elsewhere.</summary>
    public const string UnrelatedSource = """
        namespace Elsewhere
        {
            public class Service
            {
                public int Count()
                {
                    return 1;
                }
            }
        }
        """;

    /// <summary>Replaces text in the one tree that contains <paramref name="find"/>; null when none does.</summary>
    public static CSharpCompilation? Replace(CSharpCompilation compilation, string find, string replacement)
    {
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.GetText().ToString().Contains(find, StringComparison.Ordinal));
        return Edit(compilation, tree, text => text.Replace(find, replacement, StringComparison.Ordinal));
    }

    public static CSharpCompilation? Edit(CSharpCompilation compilation, SyntaxTree? tree, Func<string, string> change)
    {
        if (tree is null)
        {
            return null;
        }

        var before = tree.GetText().ToString();
        var after = change(before);
        return after == before ? null : compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(after)));
    }

    // The first tree that declares a lifecycle record.
    private static SyntaxTree? RecordsTree(CSharpCompilation compilation) =>
        compilation.SyntaxTrees.FirstOrDefault(t => RecordAttribute().IsMatch(t.GetText().ToString()));

    private static SyntaxTree? UnrelatedTree(CSharpCompilation compilation) =>
        compilation.SyntaxTrees.FirstOrDefault(t => t.GetText().ToString().Contains("class Service", StringComparison.Ordinal));

    // The lines of the records' file on which a lifecycle attribute starts, as (tree, line start) pairs.
    private static (SyntaxTree Tree, int Start)[] RecordLines(CSharpCompilation compilation)
    {
        var tree = RecordsTree(compilation);
        if (tree is null)
        {
            return [];
        }

        var text = tree.GetText();
        return [.. text.Lines.Where(l => RecordAttribute().IsMatch(l.ToString())).Select(l => (tree, l.Start))];
    }

    private static CSharpCompilation? InsertAtLine(CSharpCompilation compilation, (SyntaxTree Tree, int Start) line, string insertion) =>
        line.Tree is null ? null : Edit(compilation, line.Tree, text => text.Insert(line.Start, insertion));

    private static CSharpCompilation? InsertAfterHandlerBrace(CSharpCompilation compilation, string insertion)
    {
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.GetText().ToString().Contains("[LifelineHandler]", StringComparison.Ordinal));
        return Edit(compilation, tree, text =>
        {
            var brace = text.IndexOf('{', text.IndexOf("[LifelineHandler]", StringComparison.Ordinal));
            return text.Insert(brace + 1, insertion);
        });
    }

    [GeneratedRegex(@"^\s*\[(HelloMessage|DisconnectMessage|MessagePart)\b", RegexOptions.Multiline)]
    private static partial Regex RecordAttribute();
}
