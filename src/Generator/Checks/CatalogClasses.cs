using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lifeline.Generator.Diagnostics;
using Lifeline.Generator.Model;
using Lifeline.Generator.Parsing;

namespace Lifeline.Generator.Checks;

/// <summary>
/// The rule for [LifelineCatalog] classes (LFL0012): the first valid one in source order holds the assembly's catalog;
/// each other valid one is reported, with the chosen one as additional location.
/// </summary>
internal static class CatalogClasses
{
    /// <summary>The class that holds the catalog, or null for the generator's own.</summary>
    public static CatalogClassSpec? Chosen(ImmutableArray<CatalogClassSpec> valid) => valid.FirstOrDefault();

    /// <summary>One diagnostic per valid class that is not the chosen one; none in valid code.</summary>
    public static EquatableArray<SiteDiagnostic> Diagnostics(ImmutableArray<CatalogClassSpec> valid)
    {
        if (valid.Length < 2)
        {
            return EquatableArray<SiteDiagnostic>.Empty;
        }

        var chosen = valid[0];
        var chosenSite = new TypeSite(chosen.MetadataName, CatalogClassParser.CatalogAttributeName);
        var diagnostics = new List<SiteDiagnostic>();
        foreach (var other in valid.Skip(1))
        {
            diagnostics.Add(new SiteDiagnostic(
                DiagnosticDescriptors.TwoCatalogClasses.Id,
                new TypeSite(other.MetadataName, CatalogClassParser.CatalogAttributeName),
                chosenSite,
                new[] { other.DisplayName, chosen.DisplayName }.ToEquatableArray()));
        }

        return diagnostics.ToEquatableArray();
    }
}
