using System;

namespace Lifeline;

/// <summary>
/// Maps message ids to records. The generator emits one per assembly as
/// <c>Lifeline.Generated.LifelineMessages.Catalog</c>, a switch over the assembly's lifecycle records.
/// </summary>
public interface ILifelineCatalog
{
    /// <summary>
    /// Decodes a frame whose header is valid. Returns null with the boxed record on success, or why the
    /// frame cannot be decoded (unknown id, kind mismatch, invalid body). Never throws for bad input.
    /// </summary>
    /// <param name="kind">The kind byte of the frame.</param>
    /// <param name="messageId">The message id of the frame.</param>
    /// <param name="frame">The whole frame, header included.</param>
    /// <param name="message">The decoded record on success.</param>
    /// <returns>Null on success; otherwise why the frame cannot be decoded.</returns>
    MalformedFrame? TryDecode(LifelineKind kind, uint messageId, ReadOnlyMemory<byte> frame, out object? message);
}
