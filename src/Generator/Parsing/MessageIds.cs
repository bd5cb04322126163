using System.Text;

namespace Lifeline.Generator.Parsing;

/// <summary>The default message id rule of docs/wire-format.md.</summary>
internal static class MessageIds
{
    public const uint DefaultIdFlag = 0x80000000;

    /// <summary>FNV-1a (32-bit) of the UTF-8 full name, with the top bit set so it never equals an explicit id.</summary>
    public static uint FromName(string fullName)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(fullName))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash | DefaultIdFlag;
    }
}
