using System;
using System.Security.Cryptography;
using System.Text;

namespace Lifeline;

/// <summary>Byte helpers whose BCL versions exist on newer targets only; one implementation per concern.</summary>
internal static class Bytes
{
    /// <summary>Compares in time that depends on the length only, not on where the first difference is.</summary>
    public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
#if NETCOREAPP
        return CryptographicOperations.FixedTimeEquals(left, right);
#else
        if (left.Length != right.Length)
        {
            return false;
        }

        var difference = 0;
        for (var i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
#endif
    }

    /// <summary>Cryptographically random bytes.</summary>
    public static byte[] Random(int length)
    {
#if NETCOREAPP
        return RandomNumberGenerator.GetBytes(length);
#else
        var bytes = new byte[length];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        return bytes;
#endif
    }

    /// <summary>Upper-case hex, two digits per byte.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes)
    {
#if NET5_0_OR_GREATER
        return Convert.ToHexString(bytes);
#else
        const string digits = "0123456789ABCDEF";
        var text = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            text.Append(digits[b >> 4]).Append(digits[b & 0xF]);
        }

        return text.ToString();
#endif
    }

    /// <summary>A hash of the content (not randomised per process on older targets; only used for hash tables).</summary>
    public static int Hash(ReadOnlySpan<byte> bytes)
    {
#if NET6_0_OR_GREATER
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
#else
        // FNV-1a.
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)hash;
#endif
    }

    /// <summary>Decodes UTF-8 already known to be valid.</summary>
    public static string Utf8(ReadOnlySpan<byte> bytes)
    {
#if NETCOREAPP || NETSTANDARD2_1
        return Encoding.UTF8.GetString(bytes);
#else
        return Encoding.UTF8.GetString(bytes.ToArray());
#endif
    }
}
