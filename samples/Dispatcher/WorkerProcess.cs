using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Dispatcher;

/// <summary>A worker child process: this program started again with "worker". It ends when its standard input closes.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private WorkerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public static WorkerProcess Start(string name, string endpoint, string capabilities, int jobMilliseconds)
    {
        var start = new ProcessStartInfo { FileName = Environment.ProcessPath!, RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        }

        foreach (var argument in new[] { "worker", name, endpoint, capabilities, jobMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return new WorkerProcess(name, Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}"));
    }

    /// <summary>SIGKILL: no goodbye, the tcp connection just drops.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        return await Task.WhenAny(exited, Task.Delay(timeout)) == exited;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
