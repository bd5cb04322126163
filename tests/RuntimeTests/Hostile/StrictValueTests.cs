using System;
using System.Buffers.Binary;
using Lifeline.Generated;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Serialization;
using Xunit;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>Values are decoded strictly: invalid UTF-8 and out-of-range timestamps are rejected, never substituted.</summary>
public class StrictValueTests
{
    private static readonly LifelineReader Reader = new(LifelineMessages.Catalog);

    // A 2-byte fixstr whose bytes are not UTF-8: a lead byte followed by an ASCII '('.
    private static readonly byte[] InvalidUtf8 = [0xA2, 0xC3, 0x28];

    public static TheoryData<string, byte[]> InvalidUtf8Bodies => new()
    {
        { "required string", Frames.WithBody<ClientHello>(w => { w.WriteMapHeader(2); w.Write("Name"); w.WriteRaw(InvalidUtf8); w.Write("Version"); w.Write(1); }) },
        { "nullable string", Frames.WithBody<PropertyGone>(w => { w.WriteMapHeader(2); w.Write("Reason"); w.Write("r"); w.Write("Detail"); w.WriteRaw(InvalidUtf8); }) },
        { "dictionary key", Frames.WithBody<ChainHello>(w => { w.WriteMapHeader(2); w.Write("Head"); w.WriteMapHeader(1); w.Write("Value"); w.Write(1); w.Write("Labels"); w.WriteMapHeader(1); w.WriteRaw(InvalidUtf8); w.Write("v"); }) },
        { "lone surrogate", Frames.WithBody<ClientHello>(w => { w.WriteMapHeader(2); w.Write("Name"); w.WriteRaw([0xA3, 0xED, 0xA0, 0x80]); w.Write("Version"); w.Write(1); }) },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8Bodies))]
    public void Invalid_utf8_in_a_string_is_rejected(string where, byte[] frame)
    {
        var result = Reader.Read(frame);

        Assert.True(result.Kind == ReadKind.Malformed, $"invalid UTF-8 in a {where} was accepted: {result}");
        Assert.Equal(MalformedReason.InvalidBody, result.Error!.Reason);
        Assert.Contains("UTF-8", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_utf8_in_every_plane_decodes()
    {
        var hello = new ClientHello("zoë 日本 🙂", 1);

        Assert.True(Reader.Read(LifelineFrame.Encode(hello)).TryGetHello<ClientHello>(out var decoded));
        Assert.Equal(hello, decoded);
    }

    public static TheoryData<string, byte[]> BadTimestamps => new()
    {
        { "nanoseconds of 10^9 in the 64-bit form", Timestamp64(1_000_000_000, 0) },
        { "nanoseconds of 2^30 - 1 in the 64-bit form", Timestamp64((1 << 30) - 1, 0) },
        { "nanoseconds of 10^9 in the 96-bit form", Timestamp96(1_000_000_000, 0) },
        { "seconds after year 9999", Timestamp96(0, 253_402_300_800) },
        { "seconds before year 1", Timestamp96(0, -62_135_596_801) },
        { "the largest seconds", Timestamp96(0, long.MaxValue) },
        { "the smallest seconds", Timestamp96(0, long.MinValue) },
        { "a 5-byte timestamp", Ext(-1, [0, 0, 0, 0, 0]) },
        { "a 16-byte timestamp", Ext(-1, new byte[16]) },
        { "another extension type", Ext(5, [0, 0, 0, 1]) },
    };

    [Theory]
    [MemberData(nameof(BadTimestamps))]
    public void An_invalid_timestamp_is_rejected(string what, byte[] timestamp)
    {
        foreach (var frame in new[] { ClockFrame(timestamp, offset: false), ClockFrame(timestamp, offset: true) })
        {
            var result = Reader.Read(frame);

            Assert.True(result.Kind == ReadKind.Malformed, $"{what} was accepted: {result}");
            Assert.Equal(MalformedReason.InvalidBody, result.Error!.Reason);
            Assert.Contains("timestamp", result.Error.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_extreme_timestamps_decode()
    {
        Assert.Equal(DateTime.MinValue, DecodeAt(Timestamp96(0, -62_135_596_800)));
        Assert.Equal(DateTime.MaxValue, DecodeAt(Timestamp96(999_999_999, 253_402_300_799)));
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(uint.MaxValue), DecodeAt(Ext(-1, [0xFF, 0xFF, 0xFF, 0xFF])));
        Assert.Equal(DateTime.UnixEpoch.AddTicks(9_999_999), DecodeAt(Timestamp64(999_999_999, 0)));
    }

    [Fact]
    public void Timestamps_written_by_the_encoder_round_trip()
    {
        var hello = new ClockHello(new DateTime(2024, 2, 29, 12, 34, 56, DateTimeKind.Utc).AddTicks(1234567), new DateTimeOffset(1969, 7, 20, 20, 17, 40, TimeSpan.FromHours(-5)));

        Assert.True(Reader.Read(LifelineFrame.Encode(hello)).TryGetHello<ClockHello>(out var decoded));
        Assert.Equal(hello, decoded);
        Assert.Equal(DateTimeKind.Utc, decoded.At.Kind);
    }

    private static DateTime DecodeAt(byte[] timestamp)
    {
        var result = Reader.Read(ClockFrame(timestamp, offset: false));
        Assert.True(result.TryGetHello<ClockHello>(out var hello), result.ToString());
        return hello.At;
    }

    private static byte[] ClockFrame(byte[] timestamp, bool offset) => Frames.WithBody<ClockHello>(w =>
    {
        if (offset)
        {
            w.WriteMapHeader(2);
            w.Write("At");
            w.WriteRaw(Ext(-1, [0, 0, 0, 0]));
            w.Write("AtOffset");
            w.WriteArrayHeader(2);
            w.WriteRaw(timestamp);
            w.Write(0);
        }
        else
        {
            w.WriteMapHeader(1);
            w.Write("At");
            w.WriteRaw(timestamp);
        }
    });

    private static byte[] Timestamp64(long nanoseconds, long seconds)
    {
        var data = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(data, ((ulong)nanoseconds << 34) | (ulong)seconds);
        return Ext(-1, data);
    }

    private static byte[] Timestamp96(uint nanoseconds, long seconds)
    {
        var data = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(data, nanoseconds);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(4), seconds);
        return Ext(-1, data);
    }

    // ext 8: C7, length, type, data; the fixext forms are equally valid but one form suffices here.
    private static byte[] Ext(sbyte type, byte[] data) => [0xC7, (byte)data.Length, (byte)type, .. data];

}
