using System;
using System.Diagnostics;
using System.Linq;

namespace Lifeline.Benchmarks;

/// <summary>
/// The ROUTER throughput comparison run by hand, in alternating rounds on one process: the tcp figures come from
/// here because BenchmarkDotNet's harness stalled the tcp variant after a few iterations (docs/benchmarks.md).
/// </summary>
public static class ThroughputRounds
{
    public static void Run(string transport, int rounds)
    {
        var raw = new RouterThroughputBenchmarks { Transport = transport };
        var typed = new RouterThroughputBenchmarks { Transport = transport };
        raw.SetupRaw();
        typed.SetupTyped();
        var rawTimes = new double[rounds];
        var typedTimes = new double[rounds];
        for (var round = -1; round < rounds; round++)
        {
            // Round -1 warms both up and is not recorded.
            var r = Time(raw.TrafficRaw, () => raw.Raw());
            var t = Time(typed.TrafficTyped, () => typed.Typed());
            if (round >= 0)
            {
                rawTimes[round] = r;
                typedTimes[round] = t;
            }
        }

        raw.Cleanup();
        typed.Cleanup();
        var operations = RouterThroughputBenchmarks.OperationsPerIteration;
        double Median(double[] values) => values.Order().ElementAt(values.Length / 2);
        Console.WriteLine($"{transport}, {rounds} rounds of {operations:N0} messages (median): raw {operations / Median(rawTimes):N0} msg/s, Lifeline {operations / Median(typedTimes):N0} msg/s, Lifeline/raw throughput {Median(rawTimes) / Median(typedTimes):F2}x");
    }

    private static double Time(Action setup, Action run)
    {
        setup();
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed.TotalSeconds;
    }
}
