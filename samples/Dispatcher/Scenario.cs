using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dispatcher.Dispatching;
using Lifeline;
using Lifeline.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetMQ;

namespace Dispatcher;

/// <summary>
/// The scripted run: a dispatcher and worker processes. Jobs are handed out by capability, a worker is killed with a
/// job in flight and the job is requeued, the dispatcher restarts and the workers reconnect by themselves. Every wait
/// has a timeout; the run exits 0 only if every step happened.
/// </summary>
public sealed class Scenario : IAsyncDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);
    private readonly JobBoard _board = new();
    private readonly List<WorkerProcess> _workers = [];
    private IHost? _dispatcher;

    public async Task<int> RunAsync()
    {
        // 1. The dispatcher, on a port the system picks; three workers with their capabilities.
        await StartDispatcherAsync(1, "tcp://127.0.0.1:0");
        var endpoint = Status.Endpoints[0];
        Console.WriteLine($"[scenario] dispatcher on {endpoint}");
        StartWorker("w1", endpoint, "cpu", 50);
        StartWorker("w2", endpoint, "cpu,gpu", 50);
        var doomed = StartWorker("w3", endpoint, "long", 600_000);     // takes a long job and never finishes it
        Step(PresenceReaches(3), "three workers said hello");

        // 2. Jobs from this thread, through the sender's queue: each runs on a worker that can run it.
        var jobs = new List<Job>();
        for (var i = 1; i <= 6; i++)
        {
            jobs.Add(new Job(i, i % 3 == 0 ? "gpu" : "cpu", i));
        }

        jobs.Add(new Job(7, "long", 7));
        await SubmitAsync(jobs);
        Step(_board.WaitUntil(b => Enumerable.Range(1, 6).All(b.Done.ContainsKey) && b.RunningOn(7) == "w3", StepTimeout), "jobs 1-6 done, job 7 running on w3");
        Step(Enumerable.Range(1, 6).Where(id => id % 3 == 0).All(id => _board.Done[id].Worker == "w2"), "gpu jobs ran on the gpu worker");

        // 3. w3 is killed with job 7 in flight: the dispatcher requeues it; a new worker takes it.
        doomed.Kill();
        Console.WriteLine("[scenario] killed w3");
        Step(_board.WaitUntil(b => b.Requeued == 1, StepTimeout), "job 7 requeued when w3 died");
        StartWorker("w4", endpoint, "cpu,long", 50);
        Step(_board.WaitUntil(b => b.Done.ContainsKey(7), StepTimeout) && _board.Done[7].Worker == "w4", "job 7 done by w4");

        // 4. The dispatcher restarts on the same port: the workers reconnect by themselves and say hello again.
        await _dispatcher!.StopAsync();
        _dispatcher.Dispose();
        _board.ForgetWorkers();
        Console.WriteLine("[scenario] dispatcher stopped; starting generation 2");
        await StartDispatcherAsync(2, endpoint);
        Step(PresenceReaches(3), "w1, w2 and w4 reconnected to generation 2");
        var more = Enumerable.Range(8, 4).Select(i => new Job(i, "cpu", i)).ToList();
        await SubmitAsync(more);
        Step(_board.WaitUntil(b => b.Done.Count == 11, StepTimeout), "jobs 8-11 done after the restart");
        Step(_board.Done.All(done => done.Value.Result == done.Key * done.Key), "every result is right");

        // 5. Everyone is told to stop, by one broadcast.
        var shutdown = new NetMQMessage();
        shutdown.Append("shutdown");
        var told = await Services.GetRequiredService<ILifelineSender<DispatcherHub>>().SendToAllAsync(shutdown);
        Console.WriteLine($"[scenario] shutdown sent to {told.Sent} workers");
        foreach (var worker in _workers.Where(w => w != doomed))
        {
            Step(await worker.WaitForExitAsync(StepTimeout), $"{worker.Name} exited");
        }

        Console.WriteLine($"[scenario] done: 11 jobs, 1 requeued after a kill, 3 workers reconnected after a dispatcher restart");
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        _workers.ForEach(worker => worker.Dispose());
        if (_dispatcher is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _dispatcher.StopAsync(timeout.Token);
            _dispatcher.Dispose();
        }
    }

    private IServiceProvider Services => _dispatcher!.Services;

    private ILifelineStatus<DispatcherHub> Status => Services.GetRequiredService<ILifelineStatus<DispatcherHub>>();

    private static void Step(bool happened, string what)
    {
        if (!happened)
        {
            throw new ScenarioFailedException(what);
        }

        Console.WriteLine($"[scenario] ok: {what}");
    }

    private async Task StartDispatcherAsync(int generation, string endpoint)
    {
        // NetMQ frees a closed listener's port on its own I/O thread, a moment after the old dispatcher stopped.
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            var host = DispatcherHost.Build(_board, generation, endpoint);
            try
            {
                await host.StartAsync();
                _dispatcher = host;
                return;
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException or NetMQException && DateTime.UtcNow < deadline)
            {
                host.Dispose();
                await Task.Delay(100);
            }
        }
    }

    private WorkerProcess StartWorker(string name, string endpoint, string capabilities, int jobMilliseconds)
    {
        var worker = WorkerProcess.Start(name, endpoint, capabilities, jobMilliseconds);
        _workers.Add(worker);
        return worker;
    }

    private bool PresenceReaches(int workers)
    {
        var presence = Services.GetRequiredService<ILifelinePresence<DispatcherHub>>();
        using var changed = new SemaphoreSlim(0);
        void OnChanged(object? sender, LifelinePresenceChangedEventArgs e) => changed.Release();
        presence.Changed += OnChanged;
        try
        {
            var deadline = DateTime.UtcNow + StepTimeout;
            while (presence.Current.PeersWithHello<WorkerHello>().Count() != workers)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !changed.Wait(left))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            presence.Changed -= OnChanged;
        }
    }

    private async Task SubmitAsync(IEnumerable<Job> jobs)
    {
        foreach (var job in jobs)
        {
            _board.Submit(job);
        }

        await Services.GetRequiredService<JobDispatcher>().PumpAsync();
    }
}

/// <summary>A step of the scenario did not happen in time.</summary>
public sealed class ScenarioFailedException(string step) : Exception($"the scenario stalled: {step}");
