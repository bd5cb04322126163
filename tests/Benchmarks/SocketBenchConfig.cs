using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Lifeline.Benchmarks;

/// <summary>Socket benchmarks prepare each iteration's traffic in an iteration setup, so one invocation per iteration.</summary>
public class SocketBenchConfig : ManualConfig
{
    public SocketBenchConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(20).WithInvocationCount(1).WithUnrollFactor(1));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByParams);
    }
}
