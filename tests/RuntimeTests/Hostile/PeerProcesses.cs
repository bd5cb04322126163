using System;
using System.Diagnostics;
using System.IO;
using Lifeline.RuntimeTests.Serialization;
using Xunit;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>Child processes running tests/PeerProcess: a DEALER with a typed hello, to be killed or stopped.</summary>
internal static class PeerProcesses
{
    public static Process Start(string endpoint, string name) => Run(redirectError: false, endpoint, name);

    /// <summary>
    /// A plain NetMQ ROUTER bound on tcp://127.0.0.1 in a child process, with its stderr redirected: for hostile
    /// peers that crash NetMQ's IO thread. Returns the process and the port it listens on.
    /// </summary>
    public static (Process Process, int Port) StartRouter()
    {
        var process = Run(redirectError: true, "router");
        var line = process.StandardOutput.ReadLineAsync();
        if (!line.Wait(Network.Transports.Timeout) || line.Result is not { } bound || !bound.StartsWith("bound ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new TimeoutException("the router process did not report its port");
        }

        return (process, int.Parse(bound.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Process Run(bool redirectError, params string[] arguments)
    {
        // The peer is built beside the tests, in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(WireFormatVectorTests.RepositoryRoot(), "tests", "PeerProcess", "bin", configuration, "net10.0", "PeerProcess.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built");
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            RedirectStandardError = redirectError,
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
