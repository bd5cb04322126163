namespace Lifeline.Generator.Model;

/// <summary>What happens when a member is absent from a received body.</summary>
internal enum MemberPresence
{
    /// <summary>Absent is an error.</summary>
    Required,

    /// <summary>Absent takes <see cref="MemberSpec.DefaultValue"/> (a parameter default, or null).</summary>
    Defaulted,

    /// <summary>Absent keeps the property initializer: the property is only assigned when present.</summary>
    KeepInitializer,
}

/// <summary>
/// One serialized member: its C# identifier, wire key, shape and how absence is handled. <paramref name="DefaultValue"/>
/// is the C# expression the reader starts from; <paramref name="DefaultJson"/> is the JSON value the schema states for an
/// absent <see cref="MemberPresence.Defaulted"/> member, or null where it states none.
/// </summary>
internal sealed record MemberSpec(
    string Name,
    string Identifier,
    string KeyBytes,
    int KeyLength,
    TypeShape Shape,
    bool IsPositional,
    MemberPresence Presence,
    string DefaultValue,
    string? DefaultJson)
{
    /// <summary>
    /// The bytes of the MessagePack string header before the name in <see cref="KeyBytes"/>: fixstr up to 31 bytes, str8
    /// up to 255, str16 beyond (C# allows identifiers of up to 511 characters).
    /// </summary>
    public int KeyHeaderLength => HeaderLength(KeyLength);

    public static int HeaderLength(int utf8Length) => utf8Length <= 31 ? 1 : utf8Length <= 255 ? 2 : 3;
}
