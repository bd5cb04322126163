using System;
using System.Threading;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline.Hosting;

/// <summary>
/// The thread a hosted socket lives on, running a <see cref="NetMQPoller"/> over the socket host and the timers; work
/// from other threads (sends) arrives through the poller's own task queue (<see cref="Post"/>). NetMQ does not isolate some of its own faults from the poller (an exception escapes
/// <see cref="NetMQPoller.Run()"/> and the poller drops its sockets): the thread reports it and serves the same
/// pollables again with a new poller, so one crafted connection cannot silence the socket.
/// </summary>
internal sealed class PollerThread
{
    private readonly ISocketPollable[] _pollables;
    private readonly NetMQTimer[] _timers;
    private readonly Action<Exception> _faulted;
    private readonly Action _restarted;
    private readonly Thread _thread;
    private readonly TaskCompletionSource<bool> _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private NetMQPoller _poller;
    private volatile bool _stopping;
    private bool _started;

    /// <param name="name">The thread's name.</param>
    /// <param name="pollables">What the poller serves.</param>
    /// <param name="timers">The poller's timers.</param>
    /// <param name="faulted">Told when NetMQ throws out of the poller.</param>
    /// <param name="restarted">Run on the thread when a new poller took over, since work posted to the old one is lost.</param>
    public PollerThread(string name, ISocketPollable[] pollables, NetMQTimer[] timers, Action<Exception> faulted, Action restarted)
    {
        _pollables = pollables;
        _timers = timers;
        _faulted = faulted;
        _restarted = restarted;
        _poller = NewPoller();
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
    }

    public int ThreadId => _thread.ManagedThreadId;

    /// <summary>Waits for the thread to end (for tests).</summary>
    public bool Join(TimeSpan timeout) => !_started || _thread.Join(timeout);

    /// <summary>Whether the thread still runs (it ends once stopped).</summary>
    public bool IsAlive => _thread.IsAlive;

    /// <summary>Whether a poller is serving now.</summary>
    public bool IsPolling
    {
        get
        {
            lock (_gate)
            {
                return _poller.IsRunning;
            }
        }
    }

    /// <summary>Starts the thread; completes once the poller runs.</summary>
    public Task StartAsync()
    {
        // A task queued before Run is the poller's first work: it proves the poller runs.
        var first = new Task(() => _running.TrySetResult(true));
        first.Start(_poller);
        _started = true;
        _thread.Start();
        return _running.Task;
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the poller's thread (here, when that thread is not running); never waits past
    /// <paramref name="cancellationToken"/>.
    /// </summary>
    public Task RunAsync(Action action, CancellationToken cancellationToken)
    {
        if (!_started || !_thread.IsAlive)
        {
            // No poller thread (never started, or ended): nothing else uses the socket.
            action();
            return Task.CompletedTask;
        }

        var task = new Task(action);
        lock (_gate)
        {
            task.Start(_poller);
        }

        return Tasks.WaitAsync(task, cancellationToken);
    }

    /// <summary>Runs <paramref name="action"/> on the poller's thread, later; dropped once the poller is gone.</summary>
    public void Post(Action action)
    {
        try
        {
            lock (_gate)
            {
                new Task(action).Start(_poller);
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            // Stopped: whatever the action was for is refused at the stop.
        }
    }

    /// <summary>Stops the poller and waits up to <paramref name="timeout"/> for the thread to end.</summary>
    public bool Stop(TimeSpan timeout)
    {
        _stopping = true;
        if (!_started)
        {
            _poller.Dispose();
            return true;
        }

        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_gate)
            {
                try
                {
                    if (_poller.IsRunning)
                    {
                        _poller.StopAsync();
                    }
                }
                catch (InvalidOperationException)
                {
                    // It stopped in between.
                }
            }

            // A poller that had not started yet when asked to stop would forget it; ask again until the thread ends.
            if (_thread.Join(TimeSpan.FromMilliseconds(50)) || !_thread.IsAlive)
            {
                break;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
        }

        lock (_gate)
        {
            _poller.Dispose();
        }

        return true;
    }

    private NetMQPoller NewPoller()
    {
        var poller = new NetMQPoller();
        foreach (var pollable in _pollables)
        {
            poller.Add(pollable);
        }

        foreach (var timer in _timers)
        {
            poller.Add(timer);
        }

        return poller;
    }

    private void Loop()
    {
        while (!_stopping)
        {
            NetMQPoller poller;
            lock (_gate)
            {
                poller = _poller;
            }

            try
            {
                poller.Run();
            }
            catch (Exception ex)
            {
                _faulted(ex);
                if (_stopping)
                {
                    return;
                }

                lock (_gate)
                {
                    _poller = NewPoller();
                    new Task(_restarted).Start(_poller);
                }

                poller.Dispose();
            }
        }
    }
}
