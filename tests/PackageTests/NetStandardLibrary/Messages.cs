using Lifeline;

namespace NetStandardLibrary;

public enum Role
{
    Player,
    Spectator,
}

/// <summary>A nested record: only ever part of a message.</summary>
[MessagePart]
public partial record Address(string Host, int Port, string? Note);

/// <summary>Every member type family, so that each generated read and write compiles against netstandard2.1.</summary>
[HelloMessage(Id = 0x5101)]
public partial record EveryMemberHello(
    bool Flag,
    byte Small,
    sbyte SignedSmall,
    short Short,
    ushort UnsignedShort,
    int Number,
    uint UnsignedNumber,
    long Long,
    ulong UnsignedLong,
    float Single,
    double Double,
    decimal Money,
    char Letter,
    string Text,
    string? MaybeText,
    byte[] Bytes,
    Guid Id,
    DateTime At,
    DateTimeOffset AtOffset,
    TimeSpan Took,
    Role Role,
    int? MaybeNumber,
    Role? MaybeRole,
    int[] Numbers,
    List<string> Names,
    IReadOnlyList<Address> Addresses,
    Dictionary<string, int> Counts,
    IReadOnlyDictionary<string, List<Address>> Routes,
    Address Home,
    Address? Away);

/// <summary>The newer member types that netstandard2.1 has (DateOnly, TimeOnly, Half and Int128 it lacks).</summary>
[HelloMessage(Id = 0x5104)]
public partial record NewerMembersHello(
    System.Numerics.BigInteger Unbounded,
    Uri Endpoint,
    Version? Release,
    ReadOnlyMemory<byte> Blob,
    HashSet<string> Tags,
    ISet<int> Slots,
    IList<string>? Names,
    ICollection<int> Counts,
    IEnumerable<int> Sequence,
    System.Collections.Immutable.ImmutableArray<int> Frozen,
    Dictionary<int, string> ByNumber,
    IReadOnlyDictionary<Guid, string?> ByGuid,
    Dictionary<Role, int> ByRole,
    (int Count, string Label) Pair,
    (Guid, DateTimeOffset?, List<int>)? Triple);

/// <summary>A hello with init properties instead of a primary constructor.</summary>
[HelloMessage(Id = 0x5102)]
public partial record MonitorHello
{
    public string Name { get; init; } = "";

    public int Interval { get; init; }
}

/// <summary>A value-type hello.</summary>
[HelloMessage(Id = 0x5103)]
public partial record struct ProbeHello(int Sequence);

[DisconnectMessage(Id = 0x5201)]
public partial record PeerGone(string Reason);
