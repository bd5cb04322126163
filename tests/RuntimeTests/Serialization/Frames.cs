using System;
using System.Buffers;
using MessagePack;

namespace Lifeline.RuntimeTests.Serialization;

/// <summary>Builds frames by hand, to feed the readers bodies the generated writers would never produce.</summary>
internal static class Frames
{
    public static byte[] WithBody<T>(Action<Writer> body) where T : ILifelineMessage<T> =>
        WithBody(LifelineMessage<T>.Kind, LifelineMessage<T>.MessageId, body);

    public static byte[] WithBody(LifelineKind kind, uint id, Action<Writer> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        LifelineFrame.WriteHeader(buffer.GetSpan(LifelineFrame.HeaderLength), kind, id);
        buffer.Advance(LifelineFrame.HeaderLength);
        var writer = new Writer(buffer);
        body(writer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Why <paramref name="frame"/> is not a valid <typeparamref name="T"/>; fails the test when it is one.</summary>
    public static MalformedFrame DecodeError<T>(ReadOnlyMemory<byte> frame, int maxDecodedSize = LifelineFrame.DefaultMaxDecodedSize) where T : ILifelineMessage<T> =>
        LifelineFrame.TryDecode<T>(frame, out _, out var error, maxDecodedSize) ? throw new Xunit.Sdk.XunitException($"the frame decoded as a valid {typeof(T).Name}") : error;

    public static byte[] FromHex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    /// <summary>A class wrapper over MessagePackWriter, which is a ref struct and cannot be captured by lambdas.</summary>
    internal sealed class Writer(IBufferWriter<byte> output)
    {
        public void WriteMapHeader(int count) => Do((ref MessagePackWriter w) => w.WriteMapHeader(count));

        public void WriteArrayHeader(int count) => Do((ref MessagePackWriter w) => w.WriteArrayHeader(count));

        public void Write(string? value) => Do((ref MessagePackWriter w) => w.Write(value));

        public void Write(long value) => Do((ref MessagePackWriter w) => w.Write(value));

        public void WriteNil() => Do((ref MessagePackWriter w) => w.WriteNil());

        public void WriteRaw(byte[] raw) => output.Write(raw);

        private void Do(WriterAction action)
        {
            var writer = new MessagePackWriter(output);
            action(ref writer);
            writer.Flush();
        }

        private delegate void WriterAction(ref MessagePackWriter writer);
    }
}
