using System;
using System.Buffers;
using System.Diagnostics;
using System.Linq;
using MessagePack;

namespace Lifeline.Benchmarks;

/// <summary>
/// What rejecting a hostile frame costs next to decoding a valid one of the same size: a chain of records nested
/// as deep as the decoder allows, whose innermost value is a string where an int belongs. Run in alternating
/// rounds on one process, like <see cref="ThroughputRounds"/>.
/// </summary>
public static class RejectionCost
{
    // The decoder allows 500 levels: the hello and 498 links stay within it, the innermost value at the 499th.
    private const int Depth = 498;

    public static void Run(int rounds)
    {
        var valid = Chain(valid: true);
        var invalid = Chain(valid: false);
        if (!LifelineFrame.TryDecode<ChainHello>(valid, out _, out var error))
        {
            throw new InvalidOperationException($"the valid chain does not decode: {error}");
        }

        var rejection = LifelineFrame.TryDecode<ChainHello>(invalid, out _, out var rejected) ? throw new InvalidOperationException("the invalid chain decodes") : rejected;
        Console.WriteLine($"frames: valid {valid.Length} B, invalid {invalid.Length} B, depth {Depth}; rejected as {rejection.Reason}, detail {rejection.Detail.Length} chars");
        var iterations = 200;
        var validTimes = new double[rounds];
        var invalidTimes = new double[rounds];
        for (var round = -1; round < rounds; round++)
        {
            var v = Time(valid, iterations);
            var i = Time(invalid, iterations);
            if (round >= 0)
            {
                validTimes[round] = v;
                invalidTimes[round] = i;
            }
        }

        double Median(double[] values) => values.Order().ElementAt(values.Length / 2);
        Console.WriteLine($"{rounds} rounds of {iterations} decodes (median): valid {Median(validTimes):N1} µs, invalid {Median(invalidTimes):N1} µs, reject/decode {Median(invalidTimes) / Median(validTimes):F1}x");
    }

    private static double Time(byte[] frame, int iterations)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            LifelineFrame.TryDecode<ChainHello>(frame, out _, out _);
        }

        return clock.Elapsed.TotalMicroseconds / iterations;
    }

    private static byte[] Chain(bool valid)
    {
        var buffer = new ArrayBufferWriter<byte>();
        LifelineFrame.WriteHeader(buffer.GetSpan(LifelineFrame.HeaderLength), LifelineKind.Hello, 0x7003);
        buffer.Advance(LifelineFrame.HeaderLength);
        var writer = new MessagePackWriter(buffer);
        writer.WriteMapHeader(1);
        writer.Write("Head");
        for (var i = 0; i < Depth; i++)
        {
            writer.WriteMapHeader(2);
            writer.Write("Next");
        }

        // The innermost link ends the chain; its Value is read last of all, at the deepest level.
        writer.WriteNil();
        writer.Write("Value");
        if (valid)
        {
            writer.Write(ushort.MaxValue);
        }
        else
        {
            // Same length as the 3-byte int: a 3-byte string where the int belongs.
            writer.Write("ab");
        }

        for (var i = 1; i < Depth; i++)
        {
            writer.Write("Value");
            writer.Write(100_000 + i); // five bytes each, as ids or counters would take
        }

        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
