using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Numerics;

namespace Lifeline.RuntimeTests.Messages;

/// <summary>Every member type added after the first release, in one hello, to round-trip on each target.</summary>
[HelloMessage(Id = 0x5001)]
public partial record ModernHello(
    DateOnly Day,
    TimeOnly Time,
    Half Ratio,
    Int128 Big,
    UInt128 Huge,
    BigInteger Unbounded,
    Uri Endpoint,
    Version Release,
    Uri? NoUri,
    ReadOnlyMemory<byte> Blob,
    Memory<byte> Scratch,
    HashSet<string> Tags,
    ISet<int> Slots,
    IList<string> Names,
    ICollection<long> Counters,
    IEnumerable<int> Sequence,
    IReadOnlyCollection<Guid> Ids,
    ImmutableArray<int> Frozen,
    ImmutableArray<int> Unset,
    Dictionary<int, string> ByNumber,
    Dictionary<DayOfWeek, int> ByDay,
    IReadOnlyDictionary<Guid, string> ByGuid,
    Dictionary<ulong, bool> ByLong,
    (int Count, string Label) Pair,
    (Guid, DateOnly?, List<int>) Triple,
    DateOnly? MaybeDay = null,
    (int, int)? MaybePair = null);

/// <summary>The published vector of the newer member types (docs/wire-format.md, vector 4).</summary>
[HelloMessage(Id = 0x5002)]
public partial record ModernVector(
    DateOnly Day,
    TimeOnly Time,
    Half Ratio,
    BigInteger Big,
    Uri Endpoint,
    Version Release,
    HashSet<int> Slots,
    Dictionary<int, string> ByNumber,
    (int, string) Pair,
    ImmutableArray<byte> Frozen);
