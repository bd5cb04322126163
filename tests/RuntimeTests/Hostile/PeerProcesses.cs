using System;
using System.Diagnostics;
using System.IO;
using Lifeline.RuntimeTests.Serialization;
using Xunit;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>Child processes running tests/PeerProcess: a DEALER with a typed hello, to be killed or stopped.</summary>
internal static class PeerProcesses
{
    public static Process Start(string endpoint, string name)
    {
        // The peer is built beside the tests, in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(WireFormatVectorTests.RepositoryRoot(), "tests", "PeerProcess", "bin", configuration, "net10.0", "PeerProcess.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built");
        var start = new ProcessStartInfo("dotnet", [dll, endpoint, name])
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("the peer process did not start");
    }

    /// <summary>Sends a POSIX signal (STOP, CONT, KILL) with the system's kill command.</summary>
    public static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
