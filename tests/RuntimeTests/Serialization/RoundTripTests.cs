using System;
using System.Collections.Generic;
using Lifeline.RuntimeTests.Messages;
using MessagePack;
using Xunit;

namespace Lifeline.RuntimeTests.Serialization;

public class RoundTripTests
{
    public static TheoryData<string> Samples => ["minimum", "maximum"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_member_type_survives_a_frame_round_trip(string sample)
    {
        var original = sample == "minimum" ? EverythingSamples.Minimum() : EverythingSamples.Maximum();

        var frame = LifelineFrame.Encode(original);
        LifelineFrame.TryDecode<Everything>(frame, out var decoded, out var error);

        Assert.Null(error);
        EverythingSamples.AssertEqual(original, decoded!);
    }

    [Fact]
    public void A_one_mebibyte_byte_array_survives_a_round_trip()
    {
        var blob = new byte[1024 * 1024];
        new Random(7).NextBytes(blob);
        var original = EverythingSamples.Maximum() with { Blob = blob };

        // A mebibyte decodes to more than the default decoded-size budget, which is also a mebibyte.
        var frame = LifelineFrame.Encode(original);
        Assert.Equal(MalformedReason.DecodedTooLarge, Frames.DecodeError<Everything>(frame).Reason);

        LifelineFrame.TryDecode<Everything>(frame, out var decoded, out var error, maxDecodedSize: 2 * 1024 * 1024);

        Assert.Null(error);
        Assert.Equal(blob, decoded!.Blob);
    }

    [Fact]
    public void Init_properties_round_trip_and_absent_ones_keep_their_initializer()
    {
        var full = new PropertyGone { Reason = "bye", Code = 7, Detail = "d" };
        Assert.True(LifelineFrame.TryDecode<PropertyGone>(LifelineFrame.Encode(full), out var decoded, out _));
        Assert.Equal(full, decoded);

        // A body holding only the required member: Code keeps its initializer (42), Detail becomes null.
        var onlyReason = Frames.WithBody<PropertyGone>(w =>
        {
            w.WriteMapHeader(1);
            w.Write("Reason");
            w.Write("bye");
        });
        Assert.True(LifelineFrame.TryDecode<PropertyGone>(onlyReason, out var sparse, out _));
        Assert.Equal(new PropertyGone { Reason = "bye", Code = 42, Detail = null }, sparse);
    }

    [Fact]
    public void Record_structs_round_trip()
    {
        var hello = new ServerHello("hub", 1_700_000_000_000);
        Assert.True(LifelineFrame.TryDecode<ServerHello>(LifelineFrame.Encode(hello), out var decoded, out _));
        Assert.Equal(hello, decoded);
    }

    [Fact]
    public void MessagePackSerializer_uses_the_generated_formatters()
    {
        var address = new Address("Main", 1, null);
        var options = MessagePackSerializerOptions.Standard.WithResolver(Lifeline.Generated.LifelineMessages.Resolver);

        var viaResolver = MessagePackSerializer.Serialize(address, options);
        var viaAttribute = MessagePackSerializer.Serialize(address, MessagePackSerializerOptions.Standard);

        // The body is a map keyed by member name, exactly what the generated formatter writes.
        Assert.Equal(viaResolver, viaAttribute);
        Assert.Equal(address, MessagePackSerializer.Deserialize<Address>(viaResolver, options));
        Assert.Equal(
            "{\"Street\":\"Main\",\"Number\":1,\"Note\":null}",
            MessagePackSerializer.ConvertToJson(viaResolver));
    }

    [Fact]
    public void Serializing_a_null_in_a_non_nullable_member_fails_with_the_member_name()
    {
        var hello = new ClientHello(null!, 1);

        var error = Assert.Throws<ArgumentException>(() => LifelineFrame.Encode(hello));

        Assert.Contains("ClientHello.Name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_id_is_fnv1a_of_the_full_name_with_the_top_bit_set()
    {
        // Recomputed here independently of the generator: FNV-1a 32 over the UTF-8 name.
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes("Lifeline.RuntimeTests.Messages.Everything"))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        Assert.Equal(hash | 0x80000000u, MessageIdOf<Everything>());
        Assert.Equal(0x1001u, MessageIdOf<ClientHello>());
    }

    private static uint MessageIdOf<T>() where T : ILifelineMessage<T> => LifelineMessage<T>.MessageId;
}
