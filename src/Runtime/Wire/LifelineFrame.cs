using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using MessagePack;

namespace Lifeline;

/// <summary>
/// The lifecycle frame (see <c>docs/wire-format.md</c>): <c>C1 4C 46 4C</c> (magic), a version byte, a kind byte
/// (<c>01</c> hello, <c>02</c> disconnect), the message id as a big-endian uint32, then the record as a MessagePack
/// map keyed by member name. A hello is a version 1 frame. A disconnect message installed by
/// <c>SetDisconnectMessage</c> is a version 2 frame that also carries a 16-byte seal, a secret of the local socket
/// placed between the id and the body, so that no peer can produce a disconnect the socket would believe.
/// </summary>
public static class LifelineFrame
{
    /// <summary>Length of the fixed header in front of the MessagePack body.</summary>
    public const int HeaderLength = 10;

    /// <summary>
    /// The default limit on a lifecycle frame's size for readers of peer traffic (64 KiB): larger frames are
    /// reported as <see cref="MalformedReason.TooLarge"/> before any decoding.
    /// </summary>
    public const int DefaultMaxFrameSize = 64 * 1024;

    /// <summary>
    /// The default budget on the estimated decoded size of one message (1 MiB): a body whose records, collection
    /// elements and strings would take more memory than this once decoded is reported as
    /// <see cref="MalformedReason.DecodedTooLarge"/>. Sixteen times <see cref="DefaultMaxFrameSize"/>.
    /// </summary>
    public const int DefaultMaxDecodedSize = 1024 * 1024;

    /// <summary>The format version of hello frames and of unsealed frames written by <see cref="Encode{T}"/>.</summary>
    public const byte FormatVersion = 1;

    /// <summary>The format version of a sealed disconnect frame: the v1 header, a 16-byte seal, then the body.</summary>
    public const byte SealedFormatVersion = 2;

    /// <summary>Length of the seal of a version 2 disconnect frame.</summary>
    public const int SealLength = 16;

    /// <summary>Length of a sealed disconnect frame's header: the v1 header followed by the seal.</summary>
    public const int SealedHeaderLength = HeaderLength + SealLength;

    // 0xC1 is the byte MessagePack never uses and never starts valid UTF-8, so neither text nor
    // MessagePack application data can begin with it.
    private const uint MagicValue = 0xC14C464C;

    /// <summary>The four bytes that open every lifecycle frame: <c>C1 4C 46 4C</c>.</summary>
    public static ReadOnlySpan<byte> Magic => [0xC1, 0x4C, 0x46, 0x4C];

    /// <summary>
    /// Options used to decode bodies received from peers: MessagePack's untrusted-data security
    /// (bounded nesting depth, collision-resistant hashing).
    /// </summary>
    public static MessagePackSerializerOptions DecodeOptions { get; } =
        MessagePackSerializerOptions.Standard.WithSecurity(MessagePackSecurity.UntrustedData);

    /// <summary>True when <paramref name="frame"/> starts with the lifecycle magic. Never allocates.</summary>
    /// <param name="frame">The first payload frame of a received message.</param>
    public static bool HasMagic(ReadOnlySpan<byte> frame) =>
        frame.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(frame) == MagicValue;

    /// <summary>Encodes <paramref name="message"/> as a complete lifecycle frame.</summary>
    /// <typeparam name="T">A generated lifecycle record.</typeparam>
    /// <param name="message">The record to encode.</param>
    /// <returns>A new array holding header and body.</returns>
    public static byte[] Encode<T>(T message) where T : ILifelineMessage<T>
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        Write(buffer, message);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes <paramref name="message"/> as a complete lifecycle frame into <paramref name="output"/>.</summary>
    /// <typeparam name="T">A generated lifecycle record.</typeparam>
    /// <param name="output">Where the frame is written; a pooled writer makes this allocation-free.</param>
    /// <param name="message">The record to encode.</param>
    public static void Write<T>(IBufferWriter<byte> output, T message) where T : ILifelineMessage<T>
    {
        Guard.NotNull(output);
        WriteHeader(output.GetSpan(HeaderLength), LifelineMessage<T>.Kind, LifelineMessage<T>.MessageId);
        output.Advance(HeaderLength);
        WriteBody(output, message);
    }

    /// <summary>Encodes a disconnect record as a version 2 frame sealed with a socket's secret.</summary>
    internal static byte[] EncodeSealed<T>(T message, ReadOnlySpan<byte> seal) where T : IDisconnectMessage<T>
    {
        var output = new ArrayBufferWriter<byte>(64);
        WriteSealedHeader(output.GetSpan(SealedHeaderLength), LifelineMessage<T>.MessageId, seal);
        output.Advance(SealedHeaderLength);
        WriteBody(output, message);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A sealed disconnect frame with no record: what a host installs where the application set none.</summary>
    internal static byte[] EncodeSealedEmpty(ReadOnlySpan<byte> seal)
    {
        var frame = new byte[SealedHeaderLength];
        WriteSealedHeader(frame, 0, seal);
        return frame;
    }

    // The 26-byte header of a version 2 disconnect: the v1 header with the version byte raised, then the seal.
    private static void WriteSealedHeader(Span<byte> destination, uint messageId, ReadOnlySpan<byte> seal)
    {
        WriteHeader(destination, LifelineKind.Disconnect, messageId);
        destination[4] = SealedFormatVersion;
        seal.CopyTo(destination[HeaderLength..]);
    }

    /// <summary>Where the MessagePack body of a frame with a valid header starts.</summary>
    internal static int BodyOffset(ReadOnlySpan<byte> frame) =>
        frame.Length > 4 && frame[4] == SealedFormatVersion ? SealedHeaderLength : HeaderLength;

    private static void WriteBody<T>(IBufferWriter<byte> output, T message) where T : ILifelineMessage<T>
    {
        var writer = new MessagePackWriter(output);
        LifelineMessage<T>.Formatter.Serialize(ref writer, message, MessagePackSerializerOptions.Standard);
        writer.Flush();
    }

    /// <summary>Writes the 10-byte header of a frame of the given kind and id.</summary>
    /// <param name="destination">At least <see cref="HeaderLength"/> bytes.</param>
    /// <param name="kind">Hello or disconnect.</param>
    /// <param name="messageId">The record's message id.</param>
    public static void WriteHeader(Span<byte> destination, LifelineKind kind, uint messageId)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, MagicValue);
        destination[4] = FormatVersion;
        destination[5] = (byte)kind;
        BinaryPrimitives.WriteUInt32BigEndian(destination[6..], messageId);
    }

    /// <summary>Reads the header of a frame that <see cref="HasMagic"/> accepted.</summary>
    /// <param name="frame">The whole frame.</param>
    /// <param name="kind">The kind byte, when the header is valid.</param>
    /// <param name="messageId">The message id, when the header is long enough to hold one.</param>
    /// <param name="error">Why the header cannot be used, when the result is false.</param>
    /// <returns>True when the header is valid.</returns>
    public static bool TryReadHeader(ReadOnlySpan<byte> frame, out LifelineKind kind, out uint messageId, [NotNullWhen(false)] out MalformedFrame? error) =>
        TryReadHeader(frame, int.MaxValue, out kind, out messageId, out error);

    /// <summary>
    /// Reads the header like <see cref="TryReadHeader(ReadOnlySpan{byte}, out LifelineKind, out uint, out MalformedFrame)"/>,
    /// and first rejects a frame longer than <paramref name="maxFrameSize"/>.
    /// </summary>
    /// <param name="frame">The whole frame.</param>
    /// <param name="maxFrameSize">The largest frame accepted.</param>
    /// <param name="kind">The kind byte, when the header is valid.</param>
    /// <param name="messageId">The message id, when the header is long enough to hold one.</param>
    /// <param name="error">Why the header cannot be used, when the result is false.</param>
    /// <returns>True when the header is valid.</returns>
    public static bool TryReadHeader(ReadOnlySpan<byte> frame, int maxFrameSize, out LifelineKind kind, out uint messageId, [NotNullWhen(false)] out MalformedFrame? error)
    {
        error = ReadHeader(frame, maxFrameSize, out kind, out messageId);
        return error is null;
    }

    private static MalformedFrame? ReadHeader(ReadOnlySpan<byte> frame, int maxFrameSize, out LifelineKind kind, out uint messageId)
    {
        kind = default;
        messageId = 0;
        if (!HasMagic(frame))
        {
            return new MalformedFrame(MalformedReason.NotLifelineFrame, "the frame does not start with the lifecycle magic C1 4C 46 4C", frame.Length);
        }

        if (frame.Length > maxFrameSize)
        {
            return new MalformedFrame(MalformedReason.TooLarge, $"the frame has {frame.Length} bytes, more than the {maxFrameSize}-byte limit", frame.Length);
        }

        if (frame.Length < HeaderLength)
        {
            return new MalformedFrame(MalformedReason.Truncated, $"the frame has {frame.Length} bytes, fewer than the {HeaderLength}-byte header", frame.Length);
        }

        if (frame[4] is not (FormatVersion or SealedFormatVersion))
        {
            return new MalformedFrame(MalformedReason.UnsupportedVersion, $"format version {frame[4]} is not supported (this library reads versions {FormatVersion} and {SealedFormatVersion})", frame.Length);
        }

        messageId = BinaryPrimitives.ReadUInt32BigEndian(frame[6..]);
        var kindByte = frame[5];
        if (kindByte is not ((byte)LifelineKind.Hello or (byte)LifelineKind.Disconnect))
        {
            return new MalformedFrame(MalformedReason.UnknownKind, $"kind byte 0x{kindByte:X2} is neither hello (0x01) nor disconnect (0x02)", frame.Length, null, messageId);
        }

        if (frame[4] == SealedFormatVersion && (kindByte != (byte)LifelineKind.Disconnect || frame.Length < SealedHeaderLength))
        {
            return new MalformedFrame(MalformedReason.Truncated, $"a version {SealedFormatVersion} frame is a disconnect of at least {SealedHeaderLength} bytes (header and seal)", frame.Length, null, messageId);
        }

        kind = (LifelineKind)kindByte;
        return null;
    }

    /// <summary>
    /// Decodes a frame that must hold a <typeparamref name="T"/>. Never throws for bad input: every problem is
    /// returned as a <see cref="MalformedFrame"/>.
    /// </summary>
    /// <typeparam name="T">The expected generated lifecycle record.</typeparam>
    /// <param name="frame">The whole frame, header included.</param>
    /// <param name="message">The decoded record, when the result is true.</param>
    /// <param name="error">Why the frame is not a valid <typeparamref name="T"/>, when the result is false.</param>
    /// <param name="maxDecodedSize">The budget on the estimated decoded size of the message, in bytes.</param>
    /// <returns>True when the frame holds a valid <typeparamref name="T"/>.</returns>
    public static bool TryDecode<T>(ReadOnlyMemory<byte> frame, [MaybeNullWhen(false)] out T message, [NotNullWhen(false)] out MalformedFrame? error, int maxDecodedSize = DefaultMaxDecodedSize)
        where T : ILifelineMessage<T>
    {
        message = default;
        if (!TryReadHeader(frame.Span, out var kind, out var id, out error))
        {
            return false;
        }

        var expected = LifelineMessage<T>.MessageId;
        if (id != expected)
        {
            error = new MalformedFrame(MalformedReason.UnknownMessageId, $"message id 0x{id:X8} is not {typeof(T).Name} (0x{expected:X8})", frame.Length, kind, id);
            return false;
        }

        return BodyDecoder.TryDecode(kind, frame, out message, out error, maxDecodedSize);
    }
}
