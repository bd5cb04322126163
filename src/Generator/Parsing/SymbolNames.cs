using Microsoft.CodeAnalysis;

namespace Lifeline.Generator.Parsing;

/// <summary>
/// Name checks that walk symbol names instead of formatting display strings: transforms re-run on every edit,
/// and ToDisplayString was most of their cost.
/// </summary>
internal static class SymbolNames
{
    /// <summary>True when <paramref name="type"/> is <paramref name="metadataName"/> in namespace <paramref name="dottedNamespace"/>.</summary>
    public static bool Is(INamedTypeSymbol? type, string dottedNamespace, string metadataName) =>
        type is not null && type.ContainingType is null && type.MetadataName == metadataName && NamespaceIs(type.ContainingNamespace, dottedNamespace);

    /// <summary>The name <see cref="IAssemblySymbol.GetTypeByMetadataName"/> finds the type by: <c>Ns.Outer+Inner`1</c>.</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
            type = outer;
        }

        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            name = ns.MetadataName + "." + name;
        }

        return name;
    }

    /// <summary>
    /// Whether <paramref name="applied"/> is the first application of its attribute class to <paramref name="type"/>. An
    /// attribute that allows one application repeated on another partial declaration is the compiler's error (CS0579);
    /// the generator, which sees each attributed declaration, then reads the type once, from the first.
    /// </summary>
    public static bool IsFirstApplication(INamedTypeSymbol type, AttributeData applied)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, applied.AttributeClass))
            {
                var first = attribute.ApplicationSyntaxReference;
                var candidate = applied.ApplicationSyntaxReference;
                return first is null || candidate is null || (first.SyntaxTree == candidate.SyntaxTree && first.Span == candidate.Span);
            }
        }

        return true;
    }

    private static bool NamespaceIs(INamespaceSymbol? ns, string dotted)
    {
        var end = dotted.Length;
        while (end > 0)
        {
            var start = dotted.LastIndexOf('.', end - 1) + 1;
            if (ns is null || ns.IsGlobalNamespace || string.CompareOrdinal(ns.Name, 0, dotted, start, end - start) != 0 || ns.Name.Length != end - start)
            {
                return false;
            }

            ns = ns.ContainingNamespace;
            end = start - 1;
        }

        return ns is { IsGlobalNamespace: true };
    }
}
