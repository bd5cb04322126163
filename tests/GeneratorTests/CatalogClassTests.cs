using System.Linq;
using Lifeline.GeneratorTests.Infrastructure;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>[LifelineCatalog] lets a contracts assembly publish its catalog under a name of its choosing.</summary>
public class CatalogClassTests
{
    [Fact]
    public void The_catalog_goes_into_the_users_class_with_its_accessibility_and_no_default_class_is_emitted()
    {
        var run = TestCompilation.Run("""
            using Lifeline;
            namespace Contracts
            {
                [HelloMessage] public partial record Hello(string Name);
                [LifelineCatalog] public static partial class LobbyMessages { }
                [LifelineHandler] public partial class Hub { public void OnPeerConnected(PeerId peer, Hello hello) { } }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var catalog = run.Output.GetTypeByMetadataName("Contracts.LobbyMessages")!;
        Assert.Equal(Microsoft.CodeAnalysis.Accessibility.Public, catalog.DeclaredAccessibility);
        Assert.Contains(catalog.GetMembers(), m => m.Name == "Catalog");
        Assert.Contains(catalog.GetMembers(), m => m.Name == "Resolver");
        Assert.Null(run.Output.GetTypeByMetadataName("Lifeline.Generated.LifelineMessages"));
        Assert.Contains("global::Contracts.LobbyMessages.Catalog", run.Source("Hub.LifelineHandler.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_class_without_records_still_gets_an_empty_catalog()
    {
        var run = TestCompilation.Run("[Lifeline.LifelineCatalog] internal static partial class Messages { }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains(run.Output.GetTypeByMetadataName("Messages")!.GetMembers(), m => m.Name == "Catalog");
    }

    [Theory]
    [InlineData("[Lifeline.LifelineCatalog] public partial class {|LFL0011:Messages|} { }")]
    [InlineData("[Lifeline.LifelineCatalog] public static class {|LFL0011:Messages|} { }")]
    [InlineData("[Lifeline.LifelineCatalog] public static partial class {|LFL0011:Messages|}<T> { }")]
    // Named like a member the generator adds to it: a member cannot share its class's name.
    [InlineData("[Lifeline.LifelineCatalog] public static partial class {|LFL0011:Catalog|} { }")]
    [InlineData("namespace App { [Lifeline.LifelineCatalog] public static partial class {|LFL0011:Schema|} { } }")]
    public void A_catalog_class_that_cannot_be_extended_is_reported_on_its_name(string source)
    {
        var (text, expected) = Markup.Parse(source + "\n[Lifeline.HelloMessage] public partial record Hello(string Name);");
        var run = TestCompilation.Run(text);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(expected[0], (diagnostic.Id, diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void A_second_catalog_class_is_reported_and_the_first_one_is_used()
    {
        var (text, expected) = Markup.Parse("""
            [Lifeline.LifelineCatalog] public static partial class First { }
            [Lifeline.LifelineCatalog] public static partial class {|LFL0012:Second|} { }
            [Lifeline.HelloMessage] public partial record Hello(string Name);
            """);
        var run = TestCompilation.Run(text);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(expected[0], (diagnostic.Id, diagnostic.Location.SourceSpan));
        Assert.Contains("'First'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Contains(run.Output.GetTypeByMetadataName("First")!.GetMembers(), m => m.Name == "Catalog");
    }
}
