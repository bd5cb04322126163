using System;
using System.Diagnostics.CodeAnalysis;

namespace Lifeline;

/// <summary>
/// Maps message ids to records. The generator emits one per assembly as
/// <c>Lifeline.Generated.LifelineMessages.Catalog</c>, a switch over the assembly's lifecycle records.
/// </summary>
public interface ILifelineCatalog
{
    /// <summary>
    /// Decodes a frame whose header is valid into its boxed record, or says why it cannot be decoded (unknown id,
    /// kind mismatch, invalid body). Never throws for bad input.
    /// </summary>
    /// <param name="kind">The kind byte of the frame.</param>
    /// <param name="messageId">The message id of the frame.</param>
    /// <param name="frame">The whole frame, header included.</param>
    /// <param name="message">The decoded record, when the result is true.</param>
    /// <param name="error">Why the frame cannot be decoded, when the result is false.</param>
    /// <returns>True when the frame was decoded.</returns>
    bool TryDecode(LifelineKind kind, uint messageId, ReadOnlyMemory<byte> frame, [NotNullWhen(true)] out object? message, [NotNullWhen(false)] out MalformedFrame? error);
}
