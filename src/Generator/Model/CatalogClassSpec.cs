namespace Lifeline.Generator.Model;

/// <summary>A class the user marked [LifelineCatalog]: where the assembly's catalog goes.</summary>
internal sealed record CatalogClassSpec(string? Namespace, string Name, EquatableArray<ContainingTypeSpec> ContainingTypes, string DisplayName, string MetadataName)
{
    /// <summary>The class the generator uses when the user names none.</summary>
    public static CatalogClassSpec Default { get; } = new("Lifeline.Generated", "LifelineMessages", EquatableArray<ContainingTypeSpec>.Empty, "Lifeline.Generated.LifelineMessages", "Lifeline.Generated.LifelineMessages");

    public string FullName => "global::" + (Namespace is null ? string.Empty : Namespace + ".") + string.Concat(System.Linq.Enumerable.Select(ContainingTypes, c => Identifiers.Escape(c.Name) + ".")) + Identifiers.Escape(Name);
}

/// <summary>The result of parsing one [LifelineCatalog] class: the class when it can hold the catalog, and diagnostics.</summary>
internal sealed record CatalogClassResult(CatalogClassSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
