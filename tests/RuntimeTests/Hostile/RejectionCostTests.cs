using System;
using Lifeline.Generated;
using Xunit;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>
/// Rejecting a hostile frame costs work linear in its size: a failure deep in nested records is thrown once and
/// its member path is built once, not re-wrapped at every level.
/// </summary>
public class RejectionCostTests
{
    private static readonly LifelineReader Reader = new(LifelineMessages.Catalog);

    [ThreadStatic]
    private static int t_thrown;

    [ThreadStatic]
    private static bool t_counting;

    static RejectionCostTests() =>
        AppDomain.CurrentDomain.FirstChanceException += (_, _) =>
        {
            if (t_counting)
            {
                t_thrown++;
            }
        };

    [Fact]
    public void A_failure_under_490_nested_records_is_thrown_a_constant_number_of_times()
    {
        var frame = HostileChains.WithInvalidInnermostValue(490);

        var (thrown, result) = CountThrows(() => Reader.Read(frame));

        Assert.Equal(MalformedReason.InvalidBody, result.Error!.Reason);
        Assert.True(thrown <= 2, $"{thrown} exceptions were thrown to reject one frame");
    }

    [Fact]
    public void Memory_to_reject_a_deep_chain_grows_linearly_with_its_depth()
    {
        Reader.Read(HostileChains.WithInvalidInnermostValue(10)); // warm up
        var shallow = AllocatedToReject(HostileChains.WithInvalidInnermostValue(120));
        var deep = AllocatedToReject(HostileChains.WithInvalidInnermostValue(480));

        // Four times the depth: linear costs about four times the bytes, quadratic path building sixteen.
        Assert.True(deep < 6 * shallow, $"{shallow} bytes at depth 120, {deep} bytes at depth 480");
    }

    [Fact]
    public void The_rejection_names_the_full_member_path_once()
    {
        var result = Reader.Read(HostileChains.WithInvalidInnermostValue(3));

        Assert.Equal(MalformedReason.InvalidBody, result.Error!.Reason);
        Assert.StartsWith("ChainHello: member 'Head.Next.Next.Value': ", result.Error.Detail, StringComparison.Ordinal);
    }

    private static long AllocatedToReject(byte[] frame)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Reader.Read(frame);
        _ = result.Error!.Detail;
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static (int Thrown, LifelineReadResult Result) CountThrows(Func<LifelineReadResult> read)
    {
        t_thrown = 0;
        t_counting = true;
        try
        {
            var result = read();
            return (t_thrown, result);
        }
        finally
        {
            t_counting = false;
        }
    }
}
