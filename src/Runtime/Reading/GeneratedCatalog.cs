using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Lifeline;

/// <summary>
/// The base of every generated catalog: the generated part is a switch over message ids (<see cref="Decode"/>); the
/// public <see cref="ILifelineCatalog.TryDecode"/> contract is kept here, once.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GeneratedCatalog : ILifelineCatalog
{
    /// <inheritdoc/>
    public bool TryDecode(LifelineKind kind, uint messageId, ReadOnlyMemory<byte> frame, [NotNullWhen(true)] out object? message, [NotNullWhen(false)] out MalformedFrame? error)
    {
        error = Decode(kind, messageId, frame, out message);
        if (error is null && message is null)
        {
            error = new MalformedFrame(MalformedReason.InvalidBody, "the catalog decoded no record", frame.Length, kind, messageId);
        }

        return error is null;
    }

    /// <summary>Decodes a frame whose header is valid: the generated switch over the catalog's message ids.</summary>
    /// <param name="kind">The kind byte of the frame.</param>
    /// <param name="messageId">The message id of the frame.</param>
    /// <param name="frame">The whole frame, header included.</param>
    /// <param name="message">The decoded record on success.</param>
    /// <returns>Null on success; otherwise why the frame cannot be decoded.</returns>
    protected abstract MalformedFrame? Decode(LifelineKind kind, uint messageId, ReadOnlyMemory<byte> frame, out object? message);
}
