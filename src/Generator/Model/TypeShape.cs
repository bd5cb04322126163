namespace Lifeline.Generator.Model;

/// <summary>
/// How one member type is encoded. <paramref name="TypeName"/> is fully qualified with nullable
/// annotations; <paramref name="Element"/> is the item, value or underlying shape of containers and
/// nullable value types; <paramref name="Extra"/> is the enum's underlying shape kind name or the
/// nested record's formatter type.
/// </summary>
internal sealed record TypeShape(ShapeKind Kind, string TypeName, bool IsNullable, TypeShape? Element, string? Extra)
{
    public bool IsCollection => Kind is ShapeKind.Array or ShapeKind.List or ShapeKind.ReadOnlyList or ShapeKind.Dictionary or ShapeKind.ReadOnlyDictionary or ShapeKind.Set or ShapeKind.Sequence;

    public bool IsMap => Kind is ShapeKind.Dictionary or ShapeKind.ReadOnlyDictionary;

    public bool IsReferenceType => Kind is ShapeKind.String or ShapeKind.Bytes or ShapeKind.Uri or ShapeKind.Version || IsCollection || (Kind == ShapeKind.Record && IsClassRecord);

    /// <summary>For dictionaries: the key's shape (string, an integer type, an enum or Guid).</summary>
    public TypeShape? Key { get; init; }

    /// <summary>For tuples: the shapes of the elements, in order.</summary>
    public EquatableArray<TypeShape> Items { get; init; } = EquatableArray<TypeShape>.Empty;

    /// <summary>For records: whether the record is a class (may be null) rather than a struct.</summary>
    public bool IsClassRecord { get; init; }
}
