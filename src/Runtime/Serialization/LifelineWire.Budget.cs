namespace Lifeline.Serialization;

/// <summary>
/// Charges against the decoded-size budget (<see cref="LifelineFrame.DefaultMaxDecodedSize"/>), made before the
/// memory is allocated. The estimates are those of a 64-bit runtime: an object header and a reference per
/// record member, a slot per collection element, two bytes per string character.
/// </summary>
public static partial class LifelineWire
{
    private const int ObjectOverhead = 24;
    private const int SlotSize = 8;

    /// <summary>Charges a record with <paramref name="members"/> members.</summary>
    /// <param name="members">The number of members the record declares.</param>
    public static void ChargeRecord(int members) => DecodeBudget.Charge(ObjectOverhead + ((long)SlotSize * members));

    /// <summary>Charges a collection of <paramref name="count"/> elements (not what each element holds).</summary>
    /// <param name="count">The number of elements, already checked by <see cref="CheckCount"/>.</param>
    /// <param name="isMap">True for a dictionary, whose entries cost a key, a value, a hash and a link.</param>
    public static void ChargeCollection(int count, bool isMap) =>
        DecodeBudget.Charge(ObjectOverhead + ((long)count * (isMap ? 4 * SlotSize : SlotSize)));

    private static void ChargeString(int utf8Length) => DecodeBudget.Charge(ObjectOverhead + (2L * utf8Length));

    private static void ChargeBytes(int length) => DecodeBudget.Charge(ObjectOverhead + (long)length);
}
