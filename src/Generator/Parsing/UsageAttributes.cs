using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Lifeline.Generator.Parsing;

/// <summary>
/// Attributes on the user's symbols that decide what generated code may do with them: [Obsolete] as an error forbids
/// any use; [Obsolete] with a DiagnosticId and [Experimental] report their uses under ids of the user's own, which the
/// generated files suppress as they suppress CS0612 and CS0618 (the user declared the symbol, and hears about their own
/// uses of it); [DisallowNull] keeps null out of a parameter or setter whose type allows it.
/// </summary>
internal static class UsageAttributes
{
    private const string CodeAnalysis = "System.Diagnostics.CodeAnalysis";

    /// <summary>True when <paramref name="symbol"/> is marked <c>[Obsolete(message, error: true)]</c>.</summary>
    public static bool IsObsoleteError(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolNames.Is(attribute.AttributeClass, "System", "ObsoleteAttribute") && attribute.ConstructorArguments is { Length: 2 } arguments && arguments[1].Value is true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The outermost of <paramref name="type"/> and its containing types marked [Obsolete] as an error, or null.</summary>
    public static INamedTypeSymbol? ObsoleteErrorType(INamedTypeSymbol type)
    {
        INamedTypeSymbol? found = null;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (IsObsoleteError(current))
            {
                found = current;
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="symbol"/> (a parameter or a property) is marked [DisallowNull].</summary>
    public static bool DisallowsNull(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolNames.Is(attribute.AttributeClass, CodeAnalysis, "DisallowNullAttribute"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the diagnostic ids under which uses of <paramref name="symbol"/> are reported, if any.</summary>
    public static void CollectIds(ISymbol? symbol, ISet<string> ids)
    {
        if (symbol is null)
        {
            return;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolNames.Is(attribute.AttributeClass, CodeAnalysis, "ExperimentalAttribute"))
            {
                if (attribute.ConstructorArguments is { Length: 1 } experimental && experimental[0].Value is string { Length: > 0 } id)
                {
                    ids.Add(id);
                }
            }
            else if (SymbolNames.Is(attribute.AttributeClass, "System", "ObsoleteAttribute"))
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key == "DiagnosticId" && argument.Value.Value is string { Length: > 0 } id)
                    {
                        ids.Add(id);
                    }
                }
            }
        }
    }

    /// <summary>Adds the ids of a type named in generated code: itself, the types it is nested in, its type arguments and elements.</summary>
    public static void CollectTypeIds(ITypeSymbol? type, ISet<string> ids)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                CollectTypeIds(array.ElementType, ids);
                return;
            case INamedTypeSymbol named:
                for (var current = named; current is not null; current = current.ContainingType)
                {
                    CollectIds(current, ids);
                }

                foreach (var argument in named.TypeArguments)
                {
                    CollectTypeIds(argument, ids);
                }

                return;
        }
    }
}
