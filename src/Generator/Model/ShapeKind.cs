namespace Lifeline.Generator.Model;

/// <summary>The serializable type families; each has one encoding in docs/wire-format.md.</summary>
internal enum ShapeKind
{
    Boolean,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    Char,
    String,
    Bytes,
    Guid,
    DateTime,
    DateTimeOffset,
    TimeSpan,
    Enum,
    NullableValue,
    Array,
    List,
    ReadOnlyList,
    Dictionary,
    ReadOnlyDictionary,
    Record,
}
