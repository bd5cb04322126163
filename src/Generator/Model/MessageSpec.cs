namespace Lifeline.Generator.Model;

/// <summary>The role an annotated record plays.</summary>
internal enum MessageRole
{
    Hello = 1,
    Disconnect = 2,
    Part = 3,
}

/// <summary>A type that encloses the record, re-declared as partial around the generated code.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>
/// Everything the emitter needs for one annotated record; no symbols and no locations, only data, so that it stays equal
/// when lines move. <paramref name="MetadataName"/> lets a check across records find the declaration again.
/// <paramref name="SuppressedIds"/> are the ids under which uses of the symbols the record's generated file names are
/// reported ([Obsolete] with a DiagnosticId, [Experimental]), which the file suppresses; <paramref name="OwnIds"/> those
/// of the record itself and the types it is nested in, which the catalog suppresses too.
/// </summary>
internal sealed record MessageSpec(
    string? Namespace,
    string Name,
    string FullName,
    string MetadataName,
    string DisplayName,
    bool IsStruct,
    MessageRole Role,
    uint MessageId,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    EquatableArray<MemberSpec> Members,
    EquatableArray<string> SuppressedIds = default,
    EquatableArray<string> OwnIds = default)
{
    public string FormatterName => FullName + ".LifelineFormatter";

    public string HintName => Identifiers.HintName((Namespace is null ? string.Empty : Namespace + ".") + string.Join(".", System.Linq.Enumerable.Select(ContainingTypes, c => c.Name)) + (ContainingTypes.Count > 0 ? "." : string.Empty) + Name, ".Lifeline.g.cs");
}

/// <summary>The result of parsing one annotated type: a spec when it can be generated, and diagnostics.</summary>
internal sealed record ParseResult(MessageSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
