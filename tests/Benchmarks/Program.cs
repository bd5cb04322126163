using System;
using System.Linq;
using BenchmarkDotNet.Running;
using Lifeline.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- --filter '*'    every BenchmarkDotNet benchmark
// dotnet run -c Release --project tests/Benchmarks -- memory           100,000 connect/disconnect cycles, memory after each 10,000
// dotnet run -c Release --project tests/Benchmarks -- generator-timing the GeneratorDriver's own timing
// dotnet run -c Release --project tests/Benchmarks -- generator-incremental [records] [rounds] [edit]   the edits users make, against a first run
// dotnet run -c Release --project tests/Benchmarks -- throughput       ROUTER throughput, raw vs typed, then plain host vs hosted, 101 alternating rounds (fewer are noisy)
// dotnet run -c Release --project tests/Benchmarks -- rejection        rejecting a hostile deep chain vs decoding a valid one
// dotnet run -c Release --project tests/Benchmarks -- wrapper-cost     what the hosting layer adds per message, without sockets
switch (args.FirstOrDefault())
{
    case "memory":
        SteadyStateMemory.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
        break;
    case "generator-incremental":
        GeneratorIncremental.Run(
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200,
            args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 21,
            args.Length > 3 ? args[3] : null);
        break;
    case "profile-generator":
        GeneratorBenchmarks.ProfileUnrelatedEdit(1000, 200);
        break;
    case "throughput":
        foreach (var transport in args.Length > 2 ? [args[2]] : new[] { "inproc", "tcp" })
        {
            var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 101;
            ThroughputRounds.Run(transport, rounds);
            HostedThroughputRounds.Run(transport, rounds);
        }

        break;
    case "wrapper-cost":
        WrapperCost.Run();
        break;
    case "rejection":
        RejectionCost.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
        break;
    case "generator-timing":
        // The first round only warms the JIT up; the second is reported.
        foreach (var round in new[] { "warm-up", "measured" })
        {
            foreach (var records in new[] { 10, 100, 1000 })
            {
                Console.WriteLine($"{round}: Lifeline {GeneratorBenchmarks.Timing(records)}");
                Console.WriteLine($"{round}: baseline {GeneratorBenchmarks.Timing(records, new BaselineAttributeGenerator())}");
            }
        }

        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(SerializationBenchmarks).Assembly).Run(args);
        break;
}
