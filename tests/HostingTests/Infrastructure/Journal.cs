using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;

namespace Lifeline.HostingTests.Infrastructure;

/// <summary>Lines written by hubs on the socket's thread, which tests wait for with a timeout (never a sleep).</summary>
public sealed class Journal
{
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _written = new(0);

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Write(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }

        _written.Release();
    }

    public IReadOnlyList<string> WaitUntil(Func<IReadOnlyList<string>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Wait.Timeout);
        while (!done(Lines))
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero && _written.Wait(left), $"timed out; journal so far:\n{string.Join('\n', Lines)}");
        }

        return Lines;
    }

    /// <summary>Waits until <paramref name="count"/> lines start with <paramref name="prefix"/>; returns those lines.</summary>
    public IReadOnlyList<string> WaitFor(string prefix, int count = 1) =>
        WaitUntil(lines => lines.Count(line => line.StartsWith(prefix, StringComparison.Ordinal)) >= count)
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal)).ToList();
}
