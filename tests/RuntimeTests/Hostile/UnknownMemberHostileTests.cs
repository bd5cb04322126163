using System;
using Lifeline.Generated;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Serialization;
using Xunit;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>Members this version does not know are skipped, but within the same bounds as the ones it knows.</summary>
public class UnknownMemberHostileTests
{
    private static readonly LifelineReader Reader = new(LifelineMessages.Catalog);

    [Fact]
    public void An_unknown_member_nested_60000_deep_is_rejected()
    {
        var frame = Frames.WithBody<ClientGone>(w =>
        {
            w.WriteMapHeader(2);
            w.Write("Reason");
            w.Write("bye");
            w.Write("Extra");
            for (var i = 0; i < 60_000; i++)
            {
                w.WriteArrayHeader(1);
            }

            w.WriteNil();
        });

        var result = Reader.Read(frame);

        Assert.Equal(MalformedReason.InvalidBody, result.Error!.Reason);
        Assert.Contains("depth", result.Error.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_depth_of_the_enclosing_records_counts_towards_the_limit()
    {
        // 400 nodes under the hello: 401 levels used; 99 more fit within MessagePack's 500, 100 do not.
        Assert.True(Reader.Read(HostileChains.WithDeepUnknownMember(400, 99)).TryGetHello<ChainHello>(out _));

        var result = Reader.Read(HostileChains.WithDeepUnknownMember(400, 100));

        Assert.Equal(MalformedReason.InvalidBody, result.Error!.Reason);
        Assert.Contains("depth", result.Error.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_bad_value_inside_an_unknown_member_is_reported_against_that_member()
    {
        var frame = Frames.WithBody<ClientHello>(w =>
        {
            w.WriteMapHeader(3);
            w.Write("Name");
            w.Write("alice");
            w.Write("Extra");
            w.WriteArrayHeader(3); // claims three elements, the body ends after none
        });

        var result = Reader.Read(frame);

        Assert.Equal(MalformedReason.InvalidBody, result.Error!.Reason);
        Assert.Contains("'Extra'", result.Error.Detail, StringComparison.Ordinal);
        Assert.Contains("unknown member", result.Error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Name", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_name_of_a_bad_unknown_member_is_sanitized_and_truncated()
    {
        var name = "evil\n'name" + new string('x', 500);
        var frame = Frames.WithBody<ClientHello>(w =>
        {
            w.WriteMapHeader(1);
            w.Write(name);
            w.WriteArrayHeader(3);
        });

        var detail = Reader.Read(frame).Error!.Detail;

        Assert.DoesNotContain("\n", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 100), detail, StringComparison.Ordinal);
        Assert.Contains("evil", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_member_name_that_is_not_utf8_is_rejected()
    {
        var frame = Frames.WithBody<ClientHello>(w =>
        {
            w.WriteMapHeader(3);
            w.Write("Name");
            w.Write("alice");
            w.Write("Version");
            w.Write(1);
            w.WriteRaw([0xA2, 0xC3, 0x28, 0x01]);
        });

        var result = Reader.Read(frame);

        Assert.Equal(MalformedReason.InvalidBody, result.Error!.Reason);
        Assert.Contains("UTF-8", result.Error.Detail, StringComparison.Ordinal);
    }
}
