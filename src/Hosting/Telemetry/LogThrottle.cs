using System.Diagnostics;

namespace Lifeline.Hosting;

/// <summary>
/// The per-second budget of warnings a peer can cause: a hostile peer must not be able to flood the logs. What is over
/// the budget is counted and reported in one line when the next second's first warning is logged.
/// </summary>
internal sealed class LogThrottle(int perSecond)
{
    private readonly object _gate = new();
    private long _windowStart = long.MinValue;
    private int _taken;
    private long _suppressed;

    /// <summary>Takes one warning from the budget; <paramref name="suppressed"/> is what the previous windows dropped.</summary>
    public bool TryTake(out long suppressed)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            suppressed = 0;
            if (now - _windowStart >= Stopwatch.Frequency)
            {
                _windowStart = now;
                _taken = 0;
                suppressed = _suppressed;
                _suppressed = 0;
            }

            if (_taken < perSecond)
            {
                _taken++;
                return true;
            }

            _suppressed++;
            return false;
        }
    }
}
