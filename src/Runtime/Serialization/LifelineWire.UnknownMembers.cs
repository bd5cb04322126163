using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MessagePack;

namespace Lifeline.Serialization;

/// <summary>Skipping the members a record does not know, within the nesting depth of the ones it knows.</summary>
public static partial class LifelineWire
{
    private const int MaxNameInErrors = 40;

    /// <summary>
    /// Skips the value of a member this version does not know (a newer sender's). A failure inside it is
    /// reported against that member, by its name.
    /// </summary>
    /// <param name="reader">The reader, just after the member's name.</param>
    /// <param name="options">The options in use: their security bounds the nesting depth.</param>
    /// <param name="key">The member's name, as UTF-8 bytes.</param>
    public static void SkipUnknown(ref MessagePackReader reader, MessagePackSerializerOptions options, scoped ReadOnlySpan<byte> key)
    {
        if (!Utf8Validation.IsValid(key))
        {
            throw new LifelineDecodeException(null, "a member name is not valid UTF-8");
        }

        try
        {
            Skip(ref reader, options);
        }
        catch (Exception ex) when (LifelineDecodeException.IsDecodeFailure(ex))
        {
            var problem = ex is EndOfStreamException ? "the body ends in the middle of a value" : ex.Message;
            throw new LifelineDecodeException(NameForErrors(key), $"the unknown member cannot be skipped: {problem}");
        }
    }

    /// <summary>
    /// Skips one value of any shape without recursion, so deeply nested values cannot exhaust the stack, and
    /// counts each array and map against <see cref="MessagePackSecurity.MaximumObjectGraphDepth"/>, on top of
    /// the depth the enclosing records already use.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <param name="options">The options in use: their security bounds the nesting depth.</param>
    public static void Skip(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        Guard.NotNull(options);

        // The values left at each enclosing level; allocated only when the value holds a container.
        Stack<long>? enclosing = null;
        long pending = 1;
        while (true)
        {
            while (pending == 0)
            {
                if (enclosing is null || enclosing.Count == 0)
                {
                    return;
                }

                pending = enclosing.Pop();
                reader.Depth--;
            }

            pending--;
            long count;
            switch (reader.NextMessagePackType)
            {
                case MessagePackType.Array:
                    count = reader.ReadArrayHeader();
                    break;
                case MessagePackType.Map:
                    count = 2L * reader.ReadMapHeader();
                    break;
                default:
                    reader.Skip();
                    continue;
            }

            options.Security.DepthStep(ref reader);
            (enclosing ??= new Stack<long>()).Push(pending);
            pending = count;
        }
    }

    // A peer's name goes into logs: control characters and quotes become '?', and long names are cut.
    private static string NameForErrors(ReadOnlySpan<byte> key)
    {
        var name = Bytes.Utf8(key);
        var text = new StringBuilder(Math.Min(name.Length, MaxNameInErrors + 1));
        foreach (var c in name)
        {
            if (text.Length == MaxNameInErrors)
            {
                text.Append('…');
                break;
            }

            text.Append(char.IsControl(c) || c is '\'' or '"' or '\\' || char.IsSurrogate(c) ? '?' : c);
        }

        return text.ToString();
    }
}
