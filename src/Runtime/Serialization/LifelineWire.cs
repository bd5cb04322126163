using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.ComponentModel;
using MessagePack;

namespace Lifeline.Serialization;

/// <summary>
/// Encoding helpers shared by generated formatters, so that generated code stays small. The encodings are
/// specified in <c>docs/wire-format.md</c>. Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class LifelineWire
{
    private const int GuidLength = 36;

    /// <summary>Reads a map header, with a clear error when the value is not a map.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="record">The record name, for the error.</param>
    /// <returns>The number of entries.</returns>
    public static int ReadMapHeader(ref MessagePackReader reader, string record)
    {
        if (reader.NextMessagePackType != MessagePackType.Map)
        {
            throw new LifelineDecodeException(null, $"{record} must be a MessagePack map keyed by member name, found {Describe(ref reader)}");
        }

        return reader.ReadMapHeader();
    }

    /// <summary>Reads a member name key as UTF-8 bytes, without allocating for contiguous input.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The key bytes.</returns>
    public static ReadOnlySpan<byte> ReadKey(ref MessagePackReader reader)
    {
        if (reader.NextMessagePackType != MessagePackType.String)
        {
            throw new LifelineDecodeException(null, $"member names must be strings, found {Describe(ref reader)}");
        }

        if (reader.TryReadStringSpan(out var span))
        {
            return span;
        }

        return reader.ReadStringSequence()!.Value.ToArray();
    }

    /// <summary>Fails when a member appears twice in one map.</summary>
    /// <param name="seen">Whether the member was already read.</param>
    public static void EnsureFirst(bool seen)
    {
        if (seen)
        {
            throw new LifelineDecodeException(null, "the member appears more than once");
        }
    }

    /// <summary>The error for a required member that the body does not contain.</summary>
    /// <param name="record">The record name.</param>
    /// <param name="member">The member name.</param>
    /// <returns>The exception to throw.</returns>
    public static LifelineDecodeException Missing(string record, string member) =>
        new(member, $"{record}.{member} is required (it has no default value and is not nullable) but the body does not contain it");

    /// <summary>The error for a nil where the member is not nullable.</summary>
    /// <returns>The exception to throw.</returns>
    public static LifelineDecodeException NullNotAllowed() =>
        new(null, "null is not allowed: the member is not nullable");

    /// <summary>The error for serializing a null in a member declared non-nullable.</summary>
    /// <param name="path">Record and member, for the message.</param>
    /// <returns>The exception to throw.</returns>
    public static ArgumentException NullMember(string path) =>
        new($"{path} is null, but the member is not nullable: a peer would reject the frame.", path);

    /// <summary>Reads a bin value (or nil) into a new array.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The bytes, or null for nil.</returns>
    public static byte[]? ReadBytes(ref MessagePackReader reader)
    {
        if (reader.ReadBytes() is not { } bytes)
        {
            return null;
        }

        ChargeBytes((int)bytes.Length);
        return bytes.ToArray();
    }

    /// <summary>Writes a decimal as its invariant text, which keeps every digit and the scale.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDecimal(ref MessagePackWriter writer, decimal value)
    {
        Span<byte> text = stackalloc byte[64];
        Utf8Formatter.TryFormat(value, text, out var written);
        WriteUtf8(ref writer, text[..written]);
    }

    /// <summary>Reads a decimal written by <see cref="WriteDecimal"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static decimal ReadDecimal(ref MessagePackReader reader)
    {
        var text = ReadText(ref reader, "a decimal");
        if (!Utf8Parser.TryParse(text, out decimal value, out var consumed) || consumed != text.Length)
        {
            throw new LifelineDecodeException(null, "the string is not a decimal number");
        }

        return value;
    }

    /// <summary>Writes a Guid as its 36-character "D" text.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteGuid(ref MessagePackWriter writer, Guid value)
    {
        writer.WriteStringHeader(GuidLength);
        Utf8Formatter.TryFormat(value, writer.GetSpan(GuidLength), out _);
        writer.Advance(GuidLength);
    }

    /// <summary>Reads a Guid written by <see cref="WriteGuid"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static Guid ReadGuid(ref MessagePackReader reader)
    {
        var text = ReadText(ref reader, "a Guid");
        if (text.Length != GuidLength || !Utf8Parser.TryParse(text, out Guid value, out _, 'D'))
        {
            throw new LifelineDecodeException(null, "the string is not a Guid in the 36-character form");
        }

        return value;
    }

    /// <summary>Checks a collection's declared count against the bytes left, before allocating for it.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="count">The declared number of elements.</param>
    /// <returns><paramref name="count"/>.</returns>
    public static int CheckCount(ref MessagePackReader reader, int count)
    {
        // Every element takes at least one byte, so a larger count is a lie told to make us allocate.
        if (count > reader.Sequence.Length - reader.Consumed)
        {
            throw new LifelineDecodeException(null, $"the collection claims {count} elements but only {reader.Sequence.Length - reader.Consumed} bytes remain");
        }

        return count;
    }

    /// <summary>Creates an array; generated code calls it where 'new T[n]' cannot be spelled (T an array type).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="length">The number of elements.</param>
    /// <returns>The new array.</returns>
    public static T[] NewArray<T>(int length) => new T[length];

    /// <summary>Adds a decoded map entry; a key that appears twice is an error, not a silent overwrite.</summary>
    /// <typeparam name="TKey">The key type (string, an integer type, an enum or Guid).</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="map">The map being decoded.</param>
    /// <param name="key">The entry's key.</param>
    /// <param name="value">The entry's value.</param>
    /// <exception cref="LifelineDecodeException">The map already holds <paramref name="key"/>.</exception>
    public static void AddEntry<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, TValue value)
        where TKey : notnull
    {
        // Dictionary.TryAdd does not exist on .NET Framework, and generated code compiles against the consumer's target.
#if NETFRAMEWORK
        if (map.ContainsKey(key))
        {
            throw DuplicateKey(key);
        }

        map.Add(key, value);
#else
        if (!map.TryAdd(key, value))
        {
            throw DuplicateKey(key);
        }
#endif
    }

    private static LifelineDecodeException DuplicateKey<TKey>(TKey key) where TKey : notnull => new(null, "the key '" + key + "' appears more than once");

    // Copies through GetSpan: passing a stackalloc span to the ref-struct writer is rejected by escape analysis.
    private static void WriteUtf8(ref MessagePackWriter writer, scoped ReadOnlySpan<byte> utf8)
    {
        writer.WriteStringHeader(utf8.Length);
        utf8.CopyTo(writer.GetSpan(utf8.Length));
        writer.Advance(utf8.Length);
    }

    private static ReadOnlySpan<byte> ReadText(ref MessagePackReader reader, string what)
    {
        if (reader.NextMessagePackType != MessagePackType.String)
        {
            throw new LifelineDecodeException(null, $"{what} must be a string, found {Describe(ref reader)}");
        }

        return reader.TryReadStringSpan(out var span) ? span : reader.ReadStringSequence()!.Value.ToArray();
    }

    private static string Describe(ref MessagePackReader reader) =>
        reader.End ? "the end of the body" : reader.NextMessagePackType.ToString().ToLowerInvariant();
}
