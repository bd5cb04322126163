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

    // .NET 6+ / 7+ scalars, encoded as MessagePack-CSharp encodes them.
    DateOnly,
    TimeOnly,
    Half,
    Int128,
    UInt128,
    BigInteger,

    // Reference scalars carried as strings.
    Uri,
    Version,

    /// <summary><c>ReadOnlyMemory&lt;byte&gt;</c> and <c>Memory&lt;byte&gt;</c>: bin, like byte[].</summary>
    Memory,

    /// <summary><c>HashSet&lt;T&gt;</c>, <c>ISet&lt;T&gt;</c>, <c>IReadOnlySet&lt;T&gt;</c>: an array; a repeated element is an error.</summary>
    Set,

    /// <summary><c>IEnumerable&lt;T&gt;</c>, <c>ICollection&lt;T&gt;</c>, <c>IList&lt;T&gt;</c>, <c>IReadOnlyCollection&lt;T&gt;</c>: an array, read into a List.</summary>
    Sequence,

    /// <summary><c>ImmutableArray&lt;T&gt;</c>: an array; the default (uninitialized) value is nil.</summary>
    ImmutableArray,

    /// <summary>A value tuple of 2 to 7 elements: an array of that many items.</summary>
    Tuple,
}
