namespace Lifeline.Generator.Model;

/// <summary>
/// Where a diagnostic about a type goes, named instead of located: the declaration of <paramref name="MetadataName"/>
/// that carries the Lifeline attribute <paramref name="Attribute"/> (its metadata name, e.g. <c>HelloMessageAttribute</c>).
/// A name stays equal when lines move; the location is looked up in the current compilation when it is reported.
/// </summary>
internal sealed record TypeSite(string MetadataName, string Attribute);
