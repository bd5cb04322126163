using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using Lifeline.RuntimeTests.Messages;
using Xunit;

namespace Lifeline.RuntimeTests.Serialization;

/// <summary>The member types added after the first release round-trip, and their invalid encodings are rejected.</summary>
public class ModernTypesTests
{
    internal static ModernHello Sample() => new(
        new DateOnly(2026, 11, 27),
        new TimeOnly(13, 14, 15, 16),
        (Half)1.5,
        Int128.MinValue,
        UInt128.MaxValue,
        BigInteger.Pow(3, 200) * -1,
        new Uri("tcp://127.0.0.1:5555"),
        new Version(1, 2, 3, 4),
        null,
        new byte[] { 1, 2, 3 },
        new byte[] { 4 },
        ["a", "b"],
        new HashSet<int> { 7, 8 },
        ["x", "y"],
        [long.MaxValue],
        Enumerable.Range(1, 3),
        [Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")],
        ImmutableArray.Create(5, 6),
        default,
        new Dictionary<int, string> { [-1] = "minus one", [int.MaxValue] = "max" },
        new Dictionary<DayOfWeek, int> { [DayOfWeek.Friday] = 5 },
        new Dictionary<Guid, string> { [Guid.Empty] = "empty" },
        new Dictionary<ulong, bool> { [ulong.MaxValue] = true },
        (3, "three"),
        (Guid.Empty, null, [1, 2]),
        new DateOnly(1, 1, 1),
        (9, 10));

    [Fact]
    public void Every_modern_member_type_round_trips()
    {
        var hello = Sample();

        Assert.True(LifelineFrame.TryDecode<ModernHello>(LifelineFrame.Encode(hello), out var back, out var error), error?.Detail);

        Assert.Equal(hello.Day, back.Day);
        Assert.Equal(hello.Time, back.Time);
        Assert.Equal(hello.Ratio, back.Ratio);
        Assert.Equal(hello.Big, back.Big);
        Assert.Equal(hello.Huge, back.Huge);
        Assert.Equal(hello.Unbounded, back.Unbounded);
        Assert.Equal(hello.Endpoint, back.Endpoint);
        Assert.Equal(hello.Release, back.Release);
        Assert.Null(back.NoUri);
        Assert.Equal(hello.Blob.ToArray(), back.Blob.ToArray());
        Assert.Equal(hello.Scratch.ToArray(), back.Scratch.ToArray());
        Assert.Equal(hello.Tags, back.Tags);
        Assert.Equal(hello.Slots.OrderBy(x => x), back.Slots.OrderBy(x => x));
        Assert.Equal(hello.Names, back.Names);
        Assert.Equal(hello.Counters, back.Counters);
        Assert.Equal(hello.Sequence, back.Sequence);
        Assert.Equal(hello.Ids, back.Ids);
        Assert.Equal(hello.Frozen.ToArray(), back.Frozen.ToArray());
        Assert.True(back.Unset.IsDefault);
        Assert.Equal(hello.ByNumber, back.ByNumber);
        Assert.Equal(hello.ByDay, back.ByDay);
        Assert.Equal(hello.ByGuid, back.ByGuid);
        Assert.Equal(hello.ByLong, back.ByLong);
        Assert.Equal(hello.Pair, back.Pair);
        Assert.Equal(hello.Triple.Item1, back.Triple.Item1);
        Assert.Null(back.Triple.Item2);
        Assert.Equal(hello.Triple.Item3, back.Triple.Item3);
        Assert.Equal(hello.MaybeDay, back.MaybeDay);
        Assert.Equal(hello.MaybePair, back.MaybePair);
    }

    [Theory]
    [InlineData("Day")]
    [InlineData("Time")]
    [InlineData("Ratio")]
    [InlineData("Unbounded")]
    [InlineData("Endpoint")]
    [InlineData("Release")]
    [InlineData("Blob")]
    [InlineData("Frozen")]
    [InlineData("Unset")]
    [InlineData("Pair")]
    [InlineData("ByNumber")]
    [InlineData("ByGuid")]
    public void Each_encoding_is_MessagePack_CSharps_own(string member)
    {
        // The member's key followed by exactly the bytes MessagePack-CSharp's own formatter writes for the value.
        var hello = Sample();
        var value = typeof(ModernHello).GetProperty(member)!.GetValue(hello);
        var theirs = MessagePack.MessagePackSerializer.Serialize(typeof(ModernHello).GetProperty(member)!.PropertyType, value, MessagePack.MessagePackSerializerOptions.Standard);
        var expected = new[] { (byte)(0xA0 | member.Length) }.Concat(System.Text.Encoding.UTF8.GetBytes(member)).Concat(theirs).ToArray();

        var frame = LifelineFrame.Encode(hello);

        Assert.True(frame.AsSpan().IndexOf(expected) >= 0, $"{member}: {Convert.ToHexString(theirs)} not found in {Convert.ToHexString(frame)}");
    }

    [Theory]
    [InlineData("Pair", "a tuple of 2 elements was expected")]
    [InlineData("Tags", "appears more than once")]
    [InlineData("ByNumber", "appears more than once")]
    [InlineData("Big", "")]
    [InlineData("Release", "")]
    [InlineData("Day", "")]
    public void Invalid_values_are_malformed_frames_naming_the_member(string member, string detail)
    {
        var frame = Frames.WithBody<ModernHello>(w => WriteSampleWith(w, member));

        var error = Frames.DecodeError<ModernHello>(frame);

        Assert.Equal(MalformedReason.InvalidBody, error.Reason);
        Assert.Contains(member, error.Detail, StringComparison.Ordinal);
        Assert.Contains(detail, error.Detail, StringComparison.Ordinal);
    }

    // The sample's body with one member replaced by a bad encoding.
    private static void WriteSampleWith(Frames.Writer writer, string bad)
    {
        var options = MessagePack.MessagePackSerializerOptions.Standard.WithResolver(Lifeline.Generated.LifelineMessages.Resolver);
        var good = (IDictionary<object, object>)MessagePack.MessagePackSerializer.Deserialize<object>(MessagePack.MessagePackSerializer.Serialize(Sample(), options), MessagePack.MessagePackSerializerOptions.Standard)!;
        good[bad] = bad switch
        {
            "Pair" => new object[] { 1, "one", 2 },
            "Tags" => new object[] { "same", "same" },
            "ByNumber" => null!,
            "Big" => new byte[17].Select((_, i) => i == 16 ? (byte)1 : (byte)0).ToArray(), // 2^128: beyond Int128
            "Release" => "not a version",
            _ => int.MaxValue, // beyond DateOnly's last day
        };
        writer.WriteRaw(bad == "ByNumber" ? DuplicateKeyBody(good) : MessagePack.MessagePackSerializer.Serialize(good, MessagePack.MessagePackSerializerOptions.Standard));
    }

    // A map cannot hold one key twice, so the duplicate is written by hand: { 1: "a", 1: "b" }.
    private static byte[] DuplicateKeyBody(IDictionary<object, object> good)
    {
        good.Remove("ByNumber");
        var rest = MessagePack.MessagePackSerializer.Serialize(good, MessagePack.MessagePackSerializerOptions.Standard);
        var header = rest[0] == 0xDE ? 3 : 1;
        var count = header == 3 ? (rest[1] << 8) | rest[2] : rest[0] & 0x0F;
        var body = new List<byte> { 0xDE, (byte)((count + 1) >> 8), (byte)(count + 1) };
        body.AddRange(rest.Skip(header));
        body.AddRange(new byte[] { 0xA8 }.Concat("ByNumber"u8.ToArray()).Concat(new byte[] { 0x82, 0x01, 0xA1, 0x61, 0x01, 0xA1, 0x62 }));
        return body.ToArray();
    }
}
