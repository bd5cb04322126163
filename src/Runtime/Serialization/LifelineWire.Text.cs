using System.Text;
using MessagePack;

namespace Lifeline.Serialization;

/// <summary>Strings, decoded strictly: bytes that are not UTF-8 are an error, never replaced.</summary>
public static partial class LifelineWire
{
    /// <summary>Reads a string, or nil as null. Invalid UTF-8 is rejected, not replaced with U+FFFD.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The string, or null for nil.</returns>
    public static string? ReadString(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        var utf8 = ReadText(ref reader, "the value");
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (!Utf8Validation.IsValid(utf8))
        {
            throw new LifelineDecodeException(null, "the string is not valid UTF-8");
        }

        ChargeString(utf8.Length);
        return Bytes.Utf8(utf8);
    }

    /// <summary>Reads a string that must not be nil, like <see cref="ReadString"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The string.</returns>
    public static string ReadRequiredString(ref MessagePackReader reader) =>
        ReadString(ref reader) ?? throw NullNotAllowed();
}
