using System;
using Lifeline.RuntimeTests.Messages;
using NetMQ;
using Xunit;

namespace Lifeline.RuntimeTests.Serialization;

/// <summary>Every way a lifecycle frame can be bad ends as a specific MalformedFrame, never an exception or data.</summary>
public class MalformedFrameTests
{
    private static readonly LifelineReader Reader = new(Lifeline.Generated.LifelineMessages.Catalog);

    private static readonly byte[] Valid = LifelineFrame.Encode(new ClientHello("alice", 3));

    [Theory]
    [InlineData(4)]
    [InlineData(9)]
    public void A_frame_shorter_than_the_header_is_truncated(int length)
    {
        var result = Reader.Read(Valid.AsMemory(0, length));

        AssertMalformed(result, MalformedReason.Truncated, "fewer than the 10-byte header");
    }

    [Fact]
    public void An_unknown_version_is_reported_with_the_version()
    {
        var frame = (byte[])Valid.Clone();
        frame[4] = 3;

        AssertMalformed(Reader.Read(frame), MalformedReason.UnsupportedVersion, "format version 3");
    }

    [Fact]
    public void An_unknown_kind_byte_is_reported()
    {
        var frame = (byte[])Valid.Clone();
        frame[5] = 7;

        AssertMalformed(Reader.Read(frame), MalformedReason.UnknownKind, "0x07");
    }

    [Fact]
    public void An_unknown_message_id_is_reported_with_the_id()
    {
        var frame = (byte[])Valid.Clone();
        frame[9] = 0x99;

        AssertMalformed(Reader.Read(frame), MalformedReason.UnknownMessageId, "0x00001099");
    }

    [Fact]
    public void A_hello_id_in_a_disconnect_frame_is_a_kind_mismatch()
    {
        var frame = (byte[])Valid.Clone();
        frame[5] = (byte)LifelineKind.Disconnect;

        AssertMalformed(Reader.Read(frame), MalformedReason.KindMismatch, "ClientHello");
    }

    [Fact]
    public void A_truncated_body_is_invalid()
    {
        AssertMalformed(Reader.Read(Valid.AsMemory(0, Valid.Length - 3)), MalformedReason.InvalidBody, "ends in the middle of a value");
    }

    [Fact]
    public void Trailing_bytes_after_the_body_are_invalid()
    {
        var frame = new byte[Valid.Length + 2];
        Valid.CopyTo(frame, 0);

        AssertMalformed(Reader.Read(frame), MalformedReason.InvalidBody, "2 unexpected bytes after the body");
    }

    [Fact]
    public void A_null_in_a_non_nullable_string_is_invalid_and_names_the_member()
    {
        var frame = Frames.WithBody<ClientHello>(w =>
        {
            w.WriteMapHeader(2);
            w.Write("Name");
            w.WriteNil();
            w.Write("Version");
            w.Write(1);
        });

        AssertMalformed(Reader.Read(frame), MalformedReason.InvalidBody, "member 'Name': null is not allowed");
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_invalid_and_names_the_member()
    {
        var frame = Frames.WithBody<ClientHello>(w =>
        {
            w.WriteMapHeader(2);
            w.Write("Name");
            w.Write("a");
            w.Write("Version");
            w.Write("three");
        });

        AssertMalformed(Reader.Read(frame), MalformedReason.InvalidBody, "member 'Version'");
    }

    [Fact]
    public void An_error_in_a_nested_record_names_the_whole_path()
    {
        var frame = Frames.WithBody<Everything>(w =>
        {
            w.WriteMapHeader(1);
            w.Write("Home");
            w.WriteMapHeader(1);
            w.Write("Street");
            w.WriteNil();
        });

        AssertMalformed(Reader.Read(frame), MalformedReason.InvalidBody, "member 'Home.Street': null is not allowed");
    }

    [Fact]
    public void A_member_given_twice_is_invalid()
    {
        var frame = Frames.WithBody<ClientGone>(w =>
        {
            w.WriteMapHeader(2);
            w.Write("Reason");
            w.Write("a");
            w.Write("Reason");
            w.Write("b");
        });

        AssertMalformed(Reader.Read(frame), MalformedReason.InvalidBody, "more than once");
    }

    [Fact]
    public void A_map_key_given_twice_is_invalid()
    {
        var frame = Frames.WithBody<WorkerHello>(w =>
        {
            w.WriteMapHeader(1);
            w.Write("Limits");
            w.WriteMapHeader(2);
            w.Write("slots");
            w.Write(1);
            w.Write("slots");
            w.Write(2);
        });

        AssertMalformed(Reader.Read(frame), MalformedReason.InvalidBody, "member 'Limits': the key 'slots' appears more than once");
    }

    [Fact]
    public void A_nil_body_is_invalid_not_a_null_message()
    {
        // Found by coverage-guided fuzzing: a class record's formatter reads nil as null.
        var frame = Frames.WithBody<ClientHello>(w => w.WriteNil());

        AssertMalformed(Reader.Read(frame), MalformedReason.InvalidBody, "the body is nil");
        Assert.False(LifelineFrame.TryDecode<ClientHello>(frame, out var hello, out var error));
        Assert.Equal(MalformedReason.InvalidBody, error.Reason);
        Assert.Null(hello);
    }

    [Fact]
    public void A_body_that_is_not_a_map_is_invalid()
    {
        var frame = Frames.WithBody<ClientGone>(w => w.WriteArrayHeader(0));

        AssertMalformed(Reader.Read(frame), MalformedReason.InvalidBody, "must be a MessagePack map");
    }

    [Fact]
    public void A_collection_claiming_more_elements_than_bytes_is_rejected_before_allocating()
    {
        var frame = Frames.WithBody<Everything>(w =>
        {
            w.WriteMapHeader(1);
            w.Write("Numbers");
            w.WriteRaw([0xDD, 0x7F, 0xFF, 0xFF, 0xFF]); // array32 header claiming 2^31-1 elements
        });

        var result = Reader.Read(frame);

        Assert.Equal(ReadKind.Malformed, result.Kind);
        Assert.Equal(MalformedReason.InvalidBody, result.Error!.Reason);
    }

    [Fact]
    public void Unknown_members_nested_deeply_are_skipped_without_recursion()
    {
        var deep = new byte[100_000];
        Array.Fill(deep, (byte)0x91); // 100,000 nested one-element arrays...
        var frame = Frames.WithBody<ClientGone>(w =>
        {
            w.WriteMapHeader(2);
            w.Write("Unknown");
            w.WriteRaw(deep);
            w.WriteRaw([0xC0]); // ...around a nil
            w.Write("Reason");
            w.Write("r");
        });

        // Larger than the default frame limit on purpose: this is about the stack, not the size. Peer traffic is
        // held to the depth limit; trusted options have none, and the skip still does not recurse.
        var result = new LifelineReader(Lifeline.Generated.LifelineMessages.Catalog, new LifelineLimits { MaxFrameSize = 1 << 20 }).Read(frame);
        AssertMalformed(result, MalformedReason.InvalidBody, "depth");
        var gone = MessagePack.MessagePackSerializer.Deserialize<ClientGone>(frame.AsMemory(LifelineFrame.HeaderLength), MessagePack.MessagePackSerializerOptions.Standard);
        Assert.Equal("r", gone.Reason);
    }

    [Fact]
    public void A_lifecycle_frame_followed_by_more_frames_is_reported()
    {
        var message = new NetMQMessage();
        message.Append(Valid);
        message.Append("extra");

        AssertMalformed(Reader.Read(message), MalformedReason.UnexpectedFrames, "1 more frame");
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xC1, 0x4C, 0x46 })]
    [InlineData(new byte[] { 0x82, 0xA4 })]
    [InlineData(new byte[] { 0x68, 0x65, 0x6C, 0x6C, 0x6F })]
    public void Anything_without_the_full_magic_is_application_data(byte[] frame)
    {
        var result = Reader.Read(frame);

        Assert.True(result.IsApplicationData);
        Assert.Null(result.Message);
        Assert.Null(result.Error);
    }

    [Fact]
    public void TryDecode_of_a_frame_for_another_record_reports_the_id()
    {
        LifelineFrame.TryDecode<ClientGone>(Valid, out _, out var error);

        Assert.Equal(MalformedReason.UnknownMessageId, error!.Reason);
    }

    private static void AssertMalformed(LifelineReadResult result, MalformedReason reason, string detail)
    {
        Assert.Equal(ReadKind.Malformed, result.Kind);
        Assert.Null(result.Message);
        Assert.Equal(reason, result.Error!.Reason);
        Assert.Contains(detail, result.Error.Detail, StringComparison.Ordinal);
    }
}
