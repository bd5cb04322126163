using System;
using System.Linq;
using Lifeline.Generated;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Serialization;
using Xunit;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>
/// A frame within the size limit can still decode to many times its size; the decoded-size budget bounds that.
/// </summary>
public class DecodedSizeBudgetTests
{
    private static readonly LifelineReader Reader = new(LifelineMessages.Catalog);

    [Fact]
    public void Sixty_thousand_one_byte_records_exceed_the_budget()
    {
        var frame = ManyEmptyTags(60_000);
        Assert.True(frame.Length <= LifelineFrame.DefaultMaxFrameSize);

        var result = Reader.Read(frame);

        Assert.Equal(MalformedReason.DecodedTooLarge, result.Error!.Reason);
        Assert.Contains("Tags", result.Error.Detail, StringComparison.Ordinal);
        Assert.Contains(LifelineFrame.DefaultMaxDecodedSize.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collection_whose_elements_exceed_the_budget_is_rejected_before_it_is_allocated()
    {
        // Every element costs at least a slot, charged before the collection is created.
        var frame = ManyEmptyTags(60_000);
        LifelineFrame.TryDecode<BulkHello>(frame, out _, out _, maxDecodedSize: 100_000); // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();

        LifelineFrame.TryDecode<BulkHello>(frame, out _, out var error, maxDecodedSize: 100_000);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(MalformedReason.DecodedTooLarge, error!.Reason);
        Assert.True(allocated < 16 * 1024, $"{allocated} bytes were allocated to reject the frame");
    }

    [Fact]
    public void A_normal_large_frame_decodes_within_the_budget()
    {
        var hello = new BulkHello(
            Enumerable.Range(0, 1_000).Select(i => new Tag($"tag-{i:D4}")).ToList(),
            Enumerable.Range(0, 1_500).Select(i => $"word-{i:D5}-{new string('w', 14)}").ToList(),
            Enumerable.Range(0, 2_000).ToArray());
        var frame = LifelineFrame.Encode(hello);
        Assert.InRange(frame.Length, 48 * 1024, LifelineFrame.DefaultMaxFrameSize);

        Assert.True(Reader.Read(frame).TryGetHello<BulkHello>(out var decoded));
        Assert.Equal(hello.Tags, decoded.Tags);
        Assert.Equal(hello.Words, decoded.Words);
    }

    [Fact]
    public void Sixty_thousand_one_byte_ints_decode_within_the_budget()
    {
        var hello = new BulkHello([], null, new int[60_000]);

        Assert.True(Reader.Read(LifelineFrame.Encode(hello)).TryGetHello<BulkHello>(out var decoded));
        Assert.Equal(60_000, decoded.Numbers!.Length);
    }

    [Fact]
    public void The_budget_can_be_set_per_decode()
    {
        var hostile = ManyEmptyTags(60_000);
        var normal = LifelineFrame.Encode(new BulkHello([new Tag("a")], ["some", "words"]));

        Assert.True(LifelineFrame.TryDecode<BulkHello>(hostile, out var many, out _, maxDecodedSize: 16 * 1024 * 1024));
        Assert.Equal(60_000, many!.Tags.Count);
        Assert.Equal(MalformedReason.DecodedTooLarge, Frames.DecodeError<BulkHello>(normal, 64).Reason);
        Assert.True(LifelineFrame.TryDecode<BulkHello>(normal, out _, out _));
    }

    private static byte[] ManyEmptyTags(int count) => Frames.WithBody<BulkHello>(w =>
    {
        w.WriteMapHeader(1);
        w.Write("Tags");
        w.WriteArrayHeader(count);
        w.WriteRaw(Enumerable.Repeat((byte)0x80, count).ToArray());
    });
}
