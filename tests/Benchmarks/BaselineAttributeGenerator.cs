using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lifeline.Benchmarks;

/// <summary>
/// The floor any attribute-driven generator pays: the same ForAttributeWithMetadataName over the same records,
/// with a transform that only reads the name and one tiny output. Lifeline's figures are compared to it.
/// </summary>
public sealed class BaselineAttributeGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "Lifeline.HelloMessageAttribute",
            static (node, _) => node is TypeDeclarationSyntax,
            static (ctx, _) => ctx.TargetSymbol.Name);
        context.RegisterSourceOutput(names.Collect(), static (spc, all) => spc.AddSource("Baseline.g.cs", $"// {all.Length} records: {string.Join(",", all.Take(3))}"));
    }
}
