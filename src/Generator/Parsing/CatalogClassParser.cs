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
        var display = type.ToDisplayString();
        var identifier = LocationInfo.From(syntax.Identifier);
        var diagnostics = new List<DiagnosticInfo>();
        if (type.TypeKind != TypeKind.Class || !type.IsStatic || type.IsGenericType || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CatalogClass, identifier, display));
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
}
