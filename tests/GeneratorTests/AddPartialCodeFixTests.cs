using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Lifeline.CodeFixes;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>The code fix for LFL0001/LFL0004, before and after, and that its result compiles without diagnostics.</summary>
public class AddPartialCodeFixTests
{
    [Theory]
    [InlineData(
        "[HelloMessage] public record Hello(string Name);",
        "[HelloMessage] public partial record Hello(string Name);")]
    [InlineData(
        "[HelloMessage]\nrecord Hello(string Name);",
        "[HelloMessage]\npartial record Hello(string Name);")]
    [InlineData(
        "[DisconnectMessage] internal readonly record struct Gone(string Reason);",
        "[DisconnectMessage] internal readonly partial record struct Gone(string Reason);")]
    [InlineData(
        "public class Outer { [HelloMessage] public partial record Hello(string Name); }",
        "public partial class Outer { [HelloMessage] public partial record Hello(string Name); }")]
    [InlineData(
        "public static class Outer { [HelloMessage] public record Hello(string Name); }",
        "public static partial class Outer { [HelloMessage] public partial record Hello(string Name); }")]
    public async Task Adds_partial_until_the_generator_is_satisfied(string before, string after)
    {
        const string usings = "using Lifeline;\n";
        var source = usings + before;

        // Apply fixes one diagnostic at a time, as a user would, until none is left.
        for (var round = 0; round < 3; round++)
        {
            var diagnostic = TestCompilation.Run(source).GeneratorDiagnostics.FirstOrDefault(d => d.Id is "LFL0001" or "LFL0004");
            if (diagnostic is null)
            {
                break;
            }

            source = await ApplyFix(source, diagnostic);
        }

        Assert.Equal(usings + after, source);
        Assert.Empty(TestCompilation.Run(source).GeneratorDiagnostics);
    }

    [Fact]
    public void Fixes_exactly_the_two_partial_diagnostics()
    {
        Assert.Equal(["LFL0001", "LFL0004"], new AddPartialCodeFix().FixableDiagnosticIds.ToArray());
    }

    private static async Task<string> ApplyFix(string source, Diagnostic diagnostic)
    {
        using var workspace = new AdhocWorkspace();
        var document = workspace.CurrentSolution
            .AddProject("Test", "Test", LanguageNames.CSharp)
            .WithParseOptions(TestCompilation.ParseOptions)
            .AddDocument("Source0.cs", SourceText.From(source));
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new AddPartialCodeFix().RegisterCodeFixesAsync(context);

        var operation = (await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var changed = operation.ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }
}
