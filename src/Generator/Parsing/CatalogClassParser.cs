using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Lifeline.Generator.Diagnostics;
using Lifeline.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lifeline.Generator.Parsing;

/// <summary>Turns a class marked [LifelineCatalog] into the place the assembly's catalog is emitted.</summary>
internal static class CatalogClassParser
{
    public const string CatalogAttribute = "Lifeline.LifelineCatalogAttribute";

    /// <summary>The attribute's metadata name, where diagnostics about the class are reported.</summary>
    public const string CatalogAttributeName = "LifelineCatalogAttribute";

    public static CatalogClassResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        if (!SymbolNames.IsFirstApplication(type, context.Attributes[0]))
        {
            return new CatalogClassResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var display = type.ToDisplayString();
        var identifier = LocationInfo.From(syntax.Identifier);
        var diagnostics = new List<DiagnosticInfo>();
        var problem = type.TypeKind != TypeKind.Class || !type.IsStatic || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) ? "is not a static partial class"
            : type.IsGenericType ? "is generic"
            : Unreachable(type) ?? Reserved(type);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CatalogClass, identifier, display, problem));
        }

        var containing = MessageParser.ParseContainingTypes(type, display, diagnostics, cancellationToken);
        if (diagnostics.Count > 0)
        {
            return new CatalogClassResult(null, diagnostics.ToEquatableArray());
        }

        var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var spec = new CatalogClassSpec(ns, type.Name, containing.ToEquatableArray(), display, SymbolNames.MetadataName(type));
        return new CatalogClassResult(spec, EquatableArray<DiagnosticInfo>.Empty);
    }

    // Names the generated parts of the catalog class declare.
    private static readonly string[] ReservedNames = ["Catalog", "Resolver", "Schema", "RegisterLifelineRecords", "LifelineCatalog", "LifelineResolver"];

    /// <summary>
    /// The catalog's module initializer and every handler of the assembly reach the class, and the generated part of a
    /// file-local class would be another class: it and its containing types must be public or internal, not file-local.
    /// </summary>
    private static string? Unreachable(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal || current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
            {
                var what = current.IsFileLocal ? "file-local" : SyntaxFacts.GetText(current.DeclaredAccessibility);
                return SymbolEqualityComparer.Default.Equals(current, type) ? $"is {what}" : $"is nested in '{current.ToDisplayString()}', which is {what}";
            }
        }

        return null;
    }

    private static string? Reserved(INamedTypeSymbol type) =>
        ReservedNames.Contains(type.Name) ? $"is named '{type.Name}', the name of a member the generator adds to it (a member cannot share its class's name); name it after the contracts, such as 'LobbyMessages'"
        : ReservedNames.FirstOrDefault(name => type.GetMembers(name).Any(m => !m.IsImplicitlyDeclared)) is { } name
            ? $"declares '{name}', a name the generator adds to it"
            : null;
}
