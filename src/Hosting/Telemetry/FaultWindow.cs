using System.Diagnostics;

namespace Lifeline.Hosting;

/// <summary>
/// Whether more than a given number of faults happened in the last minute, in constant memory: the times of the last
/// <c>limit + 1</c> faults, in a ring.
/// </summary>
internal sealed class FaultWindow(int limit)
{
    private readonly long[] _times = new long[limit + 1];
    private readonly object _gate = new();
    private int _next;
    private long _total;

    public long Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    public void Add()
    {
        lock (_gate)
        {
            _times[_next] = Stopwatch.GetTimestamp();
            _next = (_next + 1) % _times.Length;
            _total++;
        }
    }

    /// <summary>How many faults the last minute held, up to <c>limit + 1</c>.</summary>
    public int InLastMinute()
    {
        var since = Stopwatch.GetTimestamp() - (60 * Stopwatch.Frequency);
        lock (_gate)
        {
            var count = 0;
            for (var i = 0; i < _times.Length && i < _total; i++)
            {
                if (_times[i] >= since)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
