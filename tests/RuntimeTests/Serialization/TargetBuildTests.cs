using System.Reflection;
using System.Runtime.Versioning;
using Xunit;

namespace Lifeline.RuntimeTests.Serialization;

/// <summary>The tests run once per target; each run must exercise the runtime's build for that target.</summary>
public class TargetBuildTests
{
    [Fact]
    public void The_runtime_under_test_is_the_build_for_this_test_target()
    {
        var runtime = typeof(LifelineFrame).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        var tests = typeof(TargetBuildTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;

        Assert.Equal(tests, runtime);
    }
}
