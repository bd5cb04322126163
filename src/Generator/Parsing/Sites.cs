using System.Collections.Generic;
using System.Threading;
using Lifeline.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lifeline.Generator.Parsing;

/// <summary>Finds, in the current compilation, the declarations that <see cref="TypeSite"/>s name, to report on them.</summary>
internal static class Sites
{
    /// <summary>Locates each pending diagnostic; nothing is looked up when there is none, which is the case in valid code.</summary>
    public static EquatableArray<DiagnosticInfo> Locate(EquatableArray<SiteDiagnostic> pending, Compilation compilation, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var located = new List<DiagnosticInfo>(pending.Count);
        foreach (var diagnostic in pending)
        {
            var additional = diagnostic.Other is null || Identifier(compilation, diagnostic.Other, cancellationToken) is not { } other
                ? EquatableArray<LocationInfo>.Empty
                : new[] { other }.ToEquatableArray();
            located.Add(new DiagnosticInfo(diagnostic.Id, Identifier(compilation, diagnostic.Site, cancellationToken), additional, diagnostic.Arguments));
        }

        return located.ToEquatableArray();
    }

    /// <summary>The identifier of the declaration that carries the site's attribute, as the per-type diagnostics have it.</summary>
    private static LocationInfo? Identifier(Compilation compilation, TypeSite site, CancellationToken cancellationToken)
    {
        var type = compilation.Assembly.GetTypeByMetadataName(site.MetadataName);
        if (type is null)
        {
            return null;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolNames.Is(attribute.AttributeClass, "Lifeline", site.Attribute)
                && attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } declaration)
            {
                return LocationInfo.From(declaration.Identifier);
            }
        }

        return null;
    }
}
