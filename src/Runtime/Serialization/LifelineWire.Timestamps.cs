using System;
using System.Buffers;
using System.Buffers.Binary;
using MessagePack;

namespace Lifeline.Serialization;

/// <summary>
/// Timestamps, decoded strictly: the MessagePack timestamp extension (type -1) of 4, 8 or 12 bytes, with at most
/// 999,999,999 nanoseconds and an instant within the years 1 to 9999 that <see cref="DateTime"/> holds.
/// </summary>
public static partial class LifelineWire
{
    // DateTime.UnixEpoch is .NET Core only.
    private static readonly long UnixEpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private const sbyte TimestampType = -1;

    // DateTime.MinValue and the last whole second of DateTime.MaxValue, in seconds from the Unix epoch.
    private const long MinTimestampSeconds = -62_135_596_800;
    private const long MaxTimestampSeconds = 253_402_300_799;

    /// <summary>
    /// Reads a timestamp as a UTC <see cref="DateTime"/>. Out-of-range nanoseconds or seconds, other lengths and
    /// other extension types are rejected; nanoseconds below the 100 ns tick are dropped.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The instant, of kind <see cref="DateTimeKind.Utc"/>.</returns>
    public static DateTime ReadDateTime(ref MessagePackReader reader)
    {
        if (reader.NextMessagePackType != MessagePackType.Extension)
        {
            throw new LifelineDecodeException(null, $"a timestamp must be the MessagePack timestamp extension, found {Describe(ref reader)}");
        }

        var header = reader.ReadExtensionFormatHeader();
        if (header.TypeCode != TimestampType)
        {
            throw new LifelineDecodeException(null, $"a timestamp must be extension type -1, found type {header.TypeCode}");
        }

        if (header.Length is not (4 or 8 or 12))
        {
            throw new LifelineDecodeException(null, $"a timestamp extension holds 4, 8 or 12 bytes, found {header.Length}");
        }

        Span<byte> data = stackalloc byte[12];
        reader.ReadRaw(header.Length).CopyTo(data);
        long seconds;
        uint nanoseconds;
        switch (header.Length)
        {
            case 4:
                seconds = BinaryPrimitives.ReadUInt32BigEndian(data);
                nanoseconds = 0;
                break;
            case 8:
                var packed = BinaryPrimitives.ReadUInt64BigEndian(data);
                nanoseconds = (uint)(packed >> 34);
                seconds = (long)(packed & 0x3_FFFF_FFFF);
                break;
            default:
                nanoseconds = BinaryPrimitives.ReadUInt32BigEndian(data);
                seconds = BinaryPrimitives.ReadInt64BigEndian(data[4..]);
                break;
        }

        if (nanoseconds > 999_999_999)
        {
            throw new LifelineDecodeException(null, $"a timestamp has at most 999,999,999 nanoseconds, found {nanoseconds}");
        }

        if (seconds is < MinTimestampSeconds or > MaxTimestampSeconds)
        {
            throw new LifelineDecodeException(null, $"the timestamp, {seconds} seconds from 1970, is outside the years 1 to 9999");
        }

        return new DateTime(UnixEpochTicks + (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / 100), DateTimeKind.Utc);
    }

    /// <summary>Writes a DateTimeOffset as [timestamp of the UTC instant, offset in minutes].</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDateTimeOffset(ref MessagePackWriter writer, DateTimeOffset value)
    {
        writer.WriteArrayHeader(2);
        writer.Write(value.UtcDateTime);
        writer.Write((short)(value.Offset.Ticks / TimeSpan.TicksPerMinute));
    }

    /// <summary>Reads a DateTimeOffset written by <see cref="WriteDateTimeOffset"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset ReadDateTimeOffset(ref MessagePackReader reader)
    {
        if (reader.NextMessagePackType != MessagePackType.Array || reader.ReadArrayHeader() != 2)
        {
            throw new LifelineDecodeException(null, "a DateTimeOffset must be a 2-element array [timestamp, offset minutes]");
        }

        var utc = ReadDateTime(ref reader);
        var minutes = reader.ReadInt16();
        if (minutes is < -14 * 60 or > 14 * 60)
        {
            throw new LifelineDecodeException(null, $"offset {minutes} minutes is outside ±14 hours");
        }

        try
        {
            return new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(minutes));
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new LifelineDecodeException(null, "the instant with its offset is outside the range of DateTimeOffset");
        }
    }
}
