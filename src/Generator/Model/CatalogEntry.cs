namespace Lifeline.Generator.Model;

/// <summary>
/// One record as the catalog and resolver see it. <paramref name="MetadataName"/> names the type for the checks that
/// must find its declaration again (duplicate ids) without a location in the cached model. <paramref name="OwnIds"/> are
/// the ids under which uses of the record are reported ([Experimental] on it), which the catalog file suppresses.
/// </summary>
internal sealed record CatalogEntry(string FullName, string MetadataName, string DisplayName, MessageRole Role, uint MessageId, EquatableArray<string> OwnIds = default);
