using System;

namespace Lifeline.Serialization;

/// <summary>
/// The one UTF-8 validity rule of the wire: well-formed UTF-8 as the Unicode standard defines it (no overlong forms,
/// no surrogates, nothing above U+10FFFF). .NET 8 and later use the runtime's vectorised check; older targets this
/// scalar one, which accepts exactly the same inputs.
/// </summary>
internal static class Utf8Validation
{
    public static bool IsValid(ReadOnlySpan<byte> bytes)
    {
#if NET8_0_OR_GREATER
        return System.Text.Unicode.Utf8.IsValid(bytes);
#else
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            int length;
            byte min = 0x80, max = 0xBF;
            if (b >= 0xC2 && b <= 0xDF)
            {
                length = 2;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                length = 3;
                if (b == 0xE0) min = 0xA0;
                if (b == 0xED) max = 0x9F;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                length = 4;
                if (b == 0xF0) min = 0x90;
                if (b == 0xF4) max = 0x8F;
            }
            else
            {
                return false;
            }

            if (i + length > bytes.Length)
            {
                return false;
            }

            // The second byte carries the range limits; the rest are plain continuation bytes.
            if (bytes[i + 1] < min || bytes[i + 1] > max)
            {
                return false;
            }

            for (var k = 2; k < length; k++)
            {
                if ((bytes[i + k] & 0xC0) != 0x80)
                {
                    return false;
                }
            }

            i += length;
        }

        return true;
#endif
    }
}
