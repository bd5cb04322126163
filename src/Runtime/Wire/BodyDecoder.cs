using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Lifeline.Serialization;
using MessagePack;

namespace Lifeline;

/// <summary>Decodes a frame body with a record's generated formatter, turning every failure into data.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BodyDecoder
{
    /// <summary>
    /// Decodes the body of <paramref name="frame"/> (whose header was already validated) as a
    /// <typeparamref name="T"/>. Used by generated catalogs.
    /// </summary>
    /// <typeparam name="T">The generated lifecycle record the message id names.</typeparam>
    /// <param name="kind">The kind byte the frame carries.</param>
    /// <param name="frame">The whole frame, header included.</param>
    /// <param name="message">The decoded record, when the result is true.</param>
    /// <param name="error">Why the body is invalid, when the result is false.</param>
    /// <param name="maxDecodedSize">
    /// The budget on the estimated decoded size of the message, in bytes; a body over it is
    /// <see cref="MalformedReason.DecodedTooLarge"/>.
    /// </param>
    /// <returns>True when the body is a valid <typeparamref name="T"/>.</returns>
    public static bool TryDecode<T>(LifelineKind kind, ReadOnlyMemory<byte> frame, [MaybeNullWhen(false)] out T message, [NotNullWhen(false)] out MalformedFrame? error, int maxDecodedSize = LifelineFrame.DefaultMaxDecodedSize)
        where T : ILifelineMessage<T>
    {
        error = Decode(kind, frame, out message, maxDecodedSize);
        return error is null;
    }

    /// <summary>Decodes a body as <typeparamref name="T"/> and boxes it; for generated catalogs.</summary>
    /// <typeparam name="T">The generated lifecycle record the message id names.</typeparam>
    /// <param name="kind">The kind byte the frame carries.</param>
    /// <param name="frame">The whole frame, header included.</param>
    /// <param name="message">The decoded record on success.</param>
    /// <returns>Null on success; otherwise why the body is invalid.</returns>
    public static MalformedFrame? DecodeBoxed<T>(LifelineKind kind, ReadOnlyMemory<byte> frame, out object? message)
        where T : ILifelineMessage<T>
    {
        var error = Decode<T>(kind, frame, out var typed, LifelineFrame.DefaultMaxDecodedSize);
        message = error is null ? typed : null;
        return error;
    }

    private static MalformedFrame? Decode<T>(LifelineKind kind, ReadOnlyMemory<byte> frame, out T? message, int maxDecodedSize) where T : ILifelineMessage<T>
    {
        message = default;
        var expectedKind = LifelineMessage<T>.Kind;
        var id = LifelineMessage<T>.MessageId;
        if (kind != expectedKind)
        {
            return new MalformedFrame(MalformedReason.KindMismatch, $"{typeof(T).Name} (0x{id:X8}) is a {Describe(expectedKind)} message but the frame says {Describe(kind)}", frame.Length, kind, id);
        }

        if (maxDecodedSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDecodedSize), maxDecodedSize, "the decoded-size budget must be positive");
        }

        var reader = new MessagePackReader(frame[LifelineFrame.BodyOffset(frame.Span)..]);
        var outerBudget = DecodeBudget.Begin(maxDecodedSize);
        try
        {
            message = LifelineMessage<T>.Formatter.Deserialize(ref reader, LifelineFrame.DecodeOptions);
        }
        catch (Exception ex) when (LifelineDecodeException.IsDecodeFailure(ex))
        {
            message = default;
            var detail = ex is System.IO.EndOfStreamException ? "the body ends in the middle of a value" : ex.Message;
            var reason = ex is LifelineDecodeException { ExceedsBudget: true } ? MalformedReason.DecodedTooLarge : MalformedReason.InvalidBody;
            return new MalformedFrame(reason, $"{typeof(T).Name}: {detail}", frame.Length, kind, id);
        }
        finally
        {
            DecodeBudget.End(outerBudget);
        }

        if (message is null)
        {
            // A class record's formatter reads nil as null; as a whole message that would reach handlers as a null hello.
            return new MalformedFrame(MalformedReason.InvalidBody, $"{typeof(T).Name}: the body is nil; a lifecycle message must be a map", frame.Length, kind, id);
        }

        if (!reader.End)
        {
            var extra = reader.Sequence.Length - reader.Consumed;
            message = default;
            return new MalformedFrame(MalformedReason.InvalidBody, $"{typeof(T).Name}: {extra} unexpected bytes after the body", frame.Length, kind, id);
        }

        return null;
    }

    private static string Describe(LifelineKind kind) => kind == LifelineKind.Hello ? "hello" : "disconnect";
}
