using System;
using System.ComponentModel;
using System.Collections.Generic;

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
        ArgumentNullException.ThrowIfNull(catalogs);
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
        public MalformedFrame? TryDecode(LifelineKind kind, uint messageId, ReadOnlyMemory<byte> frame, out object? message)
        {
            MalformedFrame? last = UnknownId(kind, messageId, frame.Length);
            foreach (var catalog in catalogs)
            {
                last = catalog.TryDecode(kind, messageId, frame, out message);
                if (last is null || last.Reason != MalformedReason.UnknownMessageId)
                {
                    return last;
                }
            }

            message = null;
            return last;
        }
    }
}
