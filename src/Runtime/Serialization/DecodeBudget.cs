using System;

namespace Lifeline.Serialization;

/// <summary>
/// The decoded-size budget of the message being decoded on this thread. Generated formatters take a
/// <c>MessagePackReader</c> and options only, so <see cref="BodyDecoder"/> sets the budget here around the
/// call; a formatter called any other way runs without one.
/// </summary>
internal static class DecodeBudget
{
    [ThreadStatic]
    private static long t_remaining;

    // 0 when no decode with a budget is running on this thread.
    [ThreadStatic]
    private static int t_limit;

    /// <summary>Starts a budget of <paramref name="limit"/> bytes; returns the state to restore.</summary>
    public static (int Limit, long Remaining) Begin(int limit)
    {
        var saved = (t_limit, t_remaining);
        t_limit = limit;
        t_remaining = limit;
        return saved;
    }

    /// <summary>Restores the state <see cref="Begin"/> returned.</summary>
    public static void End((int Limit, long Remaining) saved) => (t_limit, t_remaining) = saved;

    /// <summary>Charges an estimate of the memory about to be allocated, failing when it exceeds the budget.</summary>
    public static void Charge(long bytes)
    {
        var limit = t_limit;
        if (limit != 0 && (t_remaining -= bytes) < 0)
        {
            throw new LifelineDecodeException(null, $"the message would take more than the {limit}-byte decoded-size budget once decoded")
            {
                ExceedsBudget = true,
            };
        }
    }
}
