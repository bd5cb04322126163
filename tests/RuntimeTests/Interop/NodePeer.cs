using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using Lifeline.RuntimeTests.Network;
using Lifeline.RuntimeTests.Serialization;
using Xunit;

namespace Lifeline.RuntimeTests.Interop;

/// <summary>The libzmq peer of tests/interop/peer.js as a child process: one JSON line per event on its stdout.</summary>
internal sealed class NodePeer : IDisposable
{
    private readonly Process _process;

    private NodePeer(Process process) => _process = process;

    public static NodePeer Start(string mode, params string[] arguments)
    {
        var directory = Path.Combine(WireFormatVectorTests.RepositoryRoot(), "tests", "interop");
        // RuntimeTests.csproj installs them (npm ci) before every build that finds them missing.
        Assert.True(
            File.Exists(Path.Combine(directory, "node_modules", "zeromq", "package.json")),
            $"the libzmq peer's packages are not installed in {directory}: build tests/RuntimeTests, which runs 'npm ci' there");
        var start = new ProcessStartInfo("node", ["peer.js", mode, .. arguments])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return new NodePeer(Process.Start(start) ?? throw new InvalidOperationException("node did not start"));
    }

    /// <summary>The next event line, parsed; fails after the transport timeout with whatever the peer wrote to stderr.</summary>
    public JsonElement Next()
    {
        var line = _process.StandardOutput.ReadLineAsync();
        if (!line.Wait(Transports.Timeout) || line.Result is null)
        {
            var exited = _process.HasExited ? $"exited with {_process.ExitCode}" : "still running";
            throw new TimeoutException($"the node peer sent no event within {Transports.Timeout.TotalSeconds} s ({exited}); stderr: {ReadError()}");
        }

        return JsonDocument.Parse(line.Result).RootElement;
    }

    public JsonElement Expect(string eventName)
    {
        var next = Next();
        Assert.Equal(eventName, next.GetProperty("event").GetString());
        return next;
    }

    public void WaitForExit()
    {
        Assert.True(_process.WaitForExit((int)Transports.Timeout.TotalMilliseconds), "the node peer did not exit");
        Assert.True(_process.ExitCode == 0, $"the node peer exited with {_process.ExitCode}: {ReadError()}");
    }

    public void Kill() => _process.Kill();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private string ReadError()
    {
        if (!_process.HasExited)
        {
            return "(not read while running)";
        }

        return _process.StandardError.ReadToEnd();
    }
}
