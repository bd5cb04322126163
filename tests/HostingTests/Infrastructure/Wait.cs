using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Lifeline.HostingTests.Infrastructure;

/// <summary>Timeouts and waits: generous, because CI runs on a loaded 2-core machine; tests wait on events, never sleep.</summary>
internal static class Wait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<T> Within<T>(Task<T> task, string what)
    {
        var finished = await Task.WhenAny(task, Task.Delay(Timeout)).ConfigureAwait(false);
        Assert.True(finished == task, $"timed out waiting for {what}");
        return await task.ConfigureAwait(false);
    }

    public static async Task Within(Task task, string what)
    {
        var finished = await Task.WhenAny(task, Task.Delay(Timeout)).ConfigureAwait(false);
        Assert.True(finished == task, $"timed out waiting for {what}");
        await task.ConfigureAwait(false);
    }

    public static void For(ManualResetEventSlim signal, string what) => Assert.True(signal.Wait(Timeout), $"timed out waiting for {what}");
}
