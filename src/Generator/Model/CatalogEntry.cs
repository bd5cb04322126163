namespace Lifeline.Generator.Model;

/// <summary>
/// One record as the catalog and resolver see it. <paramref name="MetadataName"/> names the type for the checks that
/// must find its declaration again (duplicate ids) without a location in the cached model.
/// </summary>
internal sealed record CatalogEntry(string FullName, string MetadataName, string DisplayName, MessageRole Role, uint MessageId);
