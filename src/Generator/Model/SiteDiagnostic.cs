namespace Lifeline.Generator.Model;

/// <summary>
/// A diagnostic of a check across types (two records with one id, two catalog classes), reported on the identifier at
/// <paramref name="Site"/> with the one at <paramref name="Other"/> as an additional location. It holds names only, so
/// the collected model it comes from stays equal when code moves.
/// </summary>
internal sealed record SiteDiagnostic(string Id, TypeSite Site, TypeSite? Other, EquatableArray<string> Arguments);
