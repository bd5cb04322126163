using System;

namespace Lifeline;

/// <summary>Why a frame that starts with the lifecycle magic could not be read.</summary>
public enum MalformedReason
{
    /// <summary>The frame does not start with the lifecycle magic (only from APIs that require a lifecycle frame).</summary>
    NotLifelineFrame,

    /// <summary>The frame is shorter than the 10-byte header.</summary>
    Truncated,

    /// <summary>The format version byte is not one this library reads.</summary>
    UnsupportedVersion,

    /// <summary>The kind byte is neither hello nor disconnect.</summary>
    UnknownKind,

    /// <summary>No record in the catalog has this message id.</summary>
    UnknownMessageId,

    /// <summary>The message id belongs to a record of the other kind.</summary>
    KindMismatch,

    /// <summary>The MessagePack body does not decode as the record (wrong types, missing required members, nulls in non-nullable members, truncation, trailing bytes).</summary>
    InvalidBody,

    /// <summary>The lifecycle frame was followed by further frames in the same message.</summary>
    UnexpectedFrames,

    /// <summary>The frame is larger than the reader's limit; it was not decoded at all.</summary>
    TooLarge,

    /// <summary>
    /// The body would decode to more than the decoded-size budget (<see cref="LifelineFrame.DefaultMaxDecodedSize"/>
    /// unless set otherwise): many small elements or strings that each become an object.
    /// </summary>
    DecodedTooLarge,
}

/// <summary>
/// A lifecycle frame that could not be read, with a readable explanation and, when it was received from a peer, the
/// frame's bytes (<see cref="Frame"/>): a malformed frame is reported and skipped, but none of its bytes are lost.
/// </summary>
/// <param name="Reason">The category of the problem.</param>
/// <param name="Detail">What exactly is wrong, for logs.</param>
/// <param name="Length">The length of the frame in bytes.</param>
/// <param name="Kind">The kind byte, when the header was readable.</param>
/// <param name="MessageId">The message id, when the header was readable.</param>
public sealed record MalformedFrame(MalformedReason Reason, string Detail, int Length, LifelineKind? Kind = null, uint? MessageId = null)
{
    /// <summary>The bytes of the frame as received (a copy), when the frame came from a socket; empty otherwise.</summary>
    public ReadOnlyMemory<byte> Frame { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        MessageId is { } id ? $"{Reason} (id 0x{id:X8}, {Length} bytes): {Detail}" : $"{Reason} ({Length} bytes): {Detail}";
}
