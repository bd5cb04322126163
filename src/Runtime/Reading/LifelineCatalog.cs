using System;
using System.ComponentModel;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Lifeline;

/// <summary>Helpers over <see cref="ILifelineCatalog"/>.</summary>
public static class LifelineCatalog
{
    /// <summary>
    /// One catalog over several (for example one generated per assembly). The first catalog that knows a
    /// message id decides.
    /// </summary>
    /// <param name="catalogs">The catalogs, in priority order.</param>
    /// <returns>A catalog that consults each in turn.</returns>
    public static ILifelineCatalog Combine(params ILifelineCatalog[] catalogs)
    {
        if (catalogs is null)
        {
            throw new ArgumentNullException(nameof(catalogs));
        }

        return new Combined((ILifelineCatalog[])catalogs.Clone());
    }

    /// <summary>The error a catalog returns for an id it does not know.</summary>
    /// <param name="kind">The kind byte of the frame.</param>
    /// <param name="messageId">The unknown id.</param>
    /// <param name="length">The frame length.</param>
    /// <returns>An <see cref="MalformedReason.UnknownMessageId"/> result.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static MalformedFrame UnknownId(LifelineKind kind, uint messageId, int length) =>
        new(MalformedReason.UnknownMessageId, $"no {(kind == LifelineKind.Hello ? "hello" : "disconnect")} record with message id 0x{messageId:X8} is known to this catalog", length, kind, messageId);

    private sealed class Combined(IReadOnlyList<ILifelineCatalog> catalogs) : ILifelineCatalog
    {
        public bool TryDecode(LifelineKind kind, uint messageId, ReadOnlyMemory<byte> frame, [NotNullWhen(true)] out object? message, [NotNullWhen(false)] out MalformedFrame? error)
        {
            error = UnknownId(kind, messageId, frame.Length);
            foreach (var catalog in catalogs)
            {
                if (catalog.TryDecode(kind, messageId, frame, out message, out error))
                {
                    return true;
                }

                if (error.Reason != MalformedReason.UnknownMessageId)
                {
                    return false;
                }
            }

            message = null;
            return false;
        }
    }
}
