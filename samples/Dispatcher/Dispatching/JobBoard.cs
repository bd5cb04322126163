using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Lifeline;

namespace Dispatcher.Dispatching;

/// <summary>
/// Which jobs wait, which worker runs which job, and what finished: the dispatcher's state, kept outside the hosted
/// socket so that it survives a restart of the dispatcher (as a database would). Thread-safe; waits take a timeout.
/// </summary>
public sealed class JobBoard
{
    private readonly object _gate = new();
    private readonly LinkedList<Job> _waiting = new();
    private readonly Dictionary<PeerId, (WorkerHello Hello, Job? Running)> _workers = [];
    private readonly Dictionary<int, (string Worker, int Result)> _done = [];

    /// <summary>How many times a job was taken back from a worker that left with it.</summary>
    public int Requeued { get; private set; }

    public void Submit(Job job) => Change(() => _waiting.AddLast(job));

    public void WorkerJoined(PeerId peer, WorkerHello hello) => Change(() => _workers[peer] = (hello, null));

    /// <summary>A worker left: the job it was running waits again, first in line.</summary>
    public Job? WorkerLeft(PeerId peer)
    {
        Job? requeued = null;
        Change(() =>
        {
            if (_workers.Remove(peer, out var worker) && worker.Running is { } job)
            {
                _waiting.AddFirst(job);
                Requeued++;
                requeued = job;
            }
        });
        return requeued;
    }

    /// <summary>A restarted dispatcher knows no worker until each says hello again; what they ran waits again.</summary>
    public void ForgetWorkers() => Change(() =>
    {
        foreach (var peer in _workers.Keys.ToList())
        {
            if (_workers[peer].Running is { } job && !_done.ContainsKey(job.Id))
            {
                _waiting.AddFirst(job);
            }
        }

        _workers.Clear();
    });

    public void Completed(PeerId peer, int jobId, int result) => Change(() =>
    {
        if (_workers.TryGetValue(peer, out var worker))
        {
            _done.TryAdd(jobId, (worker.Hello.Name, result));
            _workers[peer] = (worker.Hello, null);
        }
    });

    /// <summary>Takes the first waiting job that an idle worker can run, and marks it running there.</summary>
    public bool TryAssign(out PeerId peer, out Job job)
    {
        lock (_gate)
        {
            foreach (var candidate in _waiting)
            {
                foreach (var (id, worker) in _workers)
                {
                    if (worker.Running is null && worker.Hello.Capabilities.Contains(candidate.Capability))
                    {
                        _waiting.Remove(candidate);
                        _workers[id] = (worker.Hello, candidate);
                        (peer, job) = (id, candidate);
                        return true;
                    }
                }
            }
        }

        (peer, job) = (default, null!);
        return false;
    }

    /// <summary>A job that could not be handed over waits again.</summary>
    public void Unassign(PeerId peer, Job job) => Change(() =>
    {
        if (_workers.TryGetValue(peer, out var worker) && worker.Running == job)
        {
            _workers[peer] = (worker.Hello, null);
        }

        _waiting.AddFirst(job);
    });

    public string? RunningOn(int jobId)
    {
        lock (_gate)
        {
            return _workers.Values.FirstOrDefault(w => w.Running?.Id == jobId).Hello?.Name;
        }
    }

    public IReadOnlyDictionary<int, (string Worker, int Result)> Done
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<int, (string, int)>(_done);
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, woken by every change; false on timeout.</summary>
    public bool WaitUntil(Func<JobBoard, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (!condition(this))
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                {
                    return condition(this);
                }
            }

            return true;
        }
    }

    private void Change(Action change)
    {
        lock (_gate)
        {
            change();
            Monitor.PulseAll(_gate);
        }
    }
}
