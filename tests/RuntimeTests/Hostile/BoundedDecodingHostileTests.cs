using System;
using System.Collections.Generic;
using Lifeline.Generated;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Serialization;
using Xunit;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>Frames from a hostile peer are bounded before they cost memory or stack: size, counts, depth, hashing.</summary>
public class BoundedDecodingHostileTests
{
    private static readonly LifelineReader Reader = new(LifelineMessages.Catalog);

    [Fact]
    public void A_frame_over_the_size_limit_is_rejected_before_decoding()
    {
        var big = LifelineFrame.Encode(new ClientGone(new string('x', LifelineFrame.DefaultMaxFrameSize)));

        var result = Reader.Read(big);

        Assert.Equal(ReadKind.Malformed, result.Kind);
        Assert.Equal(MalformedReason.TooLarge, result.Error!.Reason);
        Assert.True(new LifelineReader(LifelineMessages.Catalog, new LifelineLimits { MaxFrameSize = big.Length }).Read(big).TryGetDisconnect<ClientGone>(out _));
    }

    [Fact]
    public void A_sixteen_byte_frame_claiming_a_two_gigabyte_array_is_rejected_without_allocating_it()
    {
        var frame = Frames.WithBody<Everything>(w =>
        {
            w.WriteRaw([0x81, 0xA7, (byte)'N', (byte)'u', (byte)'m', (byte)'b', (byte)'e', (byte)'r', (byte)'s']);
            w.WriteRaw([0xDD, 0x7F, 0xFF, 0xFF, 0xFF]);
        });
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = Reader.Read(frame);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(MalformedReason.InvalidBody, result.Error!.Reason);
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes were allocated for a {frame.Length}-byte frame");
    }

    [Fact]
    public void Strings_and_binaries_claiming_more_bytes_than_remain_are_rejected()
    {
        foreach (var claim in new byte[][] { [0xDB, 0x7F, 0xFF, 0xFF, 0xFF], [0xC6, 0x7F, 0xFF, 0xFF, 0xFF] })
        {
            var frame = Frames.WithBody<ClientGone>(w =>
            {
                w.WriteMapHeader(1);
                w.Write("Reason");
                w.WriteRaw(claim);
            });

            Assert.Equal(MalformedReason.InvalidBody, Reader.Read(frame).Error!.Reason);
        }
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected_and_the_stack_survives()
    {
        var depth = 2_000; // four times MessagePack's untrusted-data limit of 500, within the frame-size limit
        var frame = Frames.WithBody<ChainHello>(w =>
        {
            w.WriteMapHeader(2);
            w.Write("Labels");
            w.WriteMapHeader(0);
            w.Write("Head");
            for (var i = 0; i < depth; i++)
            {
                w.WriteMapHeader(2);
                w.Write("Value");
                w.Write(i);
                w.Write("Next");
            }

            w.WriteNil();
        });

        var result = Reader.Read(frame);

        Assert.Equal(MalformedReason.InvalidBody, result.Error!.Reason);
        Assert.Contains("depth", result.Error.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Shallow_nesting_within_the_limit_decodes()
    {
        var chain = new Node(1, new Node(2, new Node(3, null)));

        Assert.True(Reader.Read(LifelineFrame.Encode(new ChainHello(chain, []))).TryGetHello<ChainHello>(out var hello));
        Assert.Equal(chain, hello.Head);
    }

    [Fact]
    public void Dictionaries_from_peers_use_collision_resistant_hashing()
    {
        var frame = LifelineFrame.Encode(new ChainHello(new Node(1, null), new Dictionary<string, string> { ["a"] = "b" }));

        Assert.True(Reader.Read(frame).TryGetHello<ChainHello>(out var hello));
        var labels = Assert.IsType<Dictionary<string, string>>(hello.Labels);
        Assert.NotSame(EqualityComparer<string>.Default, labels.Comparer);
        Assert.Same(LifelineFrame.DecodeOptions.Security.GetEqualityComparer<string>(), labels.Comparer);
        Assert.True(LifelineFrame.DecodeOptions.Security.HashCollisionResistant);
    }
}
