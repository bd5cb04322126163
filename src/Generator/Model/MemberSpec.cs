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
    string? DefaultJson);
