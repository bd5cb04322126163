using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using Xunit;

namespace Lifeline.RuntimeTests.Handlers;

/// <summary>
/// A thread-safe list that tests wait on: every wait gives up when nothing new arrived for <see cref="Transports.Timeout"/>,
/// so a slow but progressing run passes and a stuck one fails.
/// </summary>
internal sealed class Journal<T>
{
    private readonly List<T> _items = [];
    private readonly SemaphoreSlim _added = new(0);

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_items)
            {
                return [.. _items];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    public void Add(T item)
    {
        lock (_items)
        {
            _items.Add(item);
        }

        _added.Release();
    }

    /// <summary>Waits for the first item that matches.</summary>
    public T WaitFor(Func<T, bool> match)
    {
        while (true)
        {
            foreach (var item in Items)
            {
                if (match(item))
                {
                    return item;
                }
            }

            WaitForMore();
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> items arrived.</summary>
    public IReadOnlyList<T> WaitForCount(int count)
    {
        while (Count < count)
        {
            WaitForMore();
        }

        return Items;
    }

    private void WaitForMore() =>
        Assert.True(_added.Wait(Transports.Timeout), $"timed out after {Count} items; the last ones:\n{string.Join('\n', Items.TakeLast(20))}");
}

/// <summary>One handler call, as a handler under test saw it.</summary>
internal sealed record Seen(string Handler, PeerId Peer, string What);

/// <summary>Runs code on a poller's thread, where a host's session may be read.</summary>
internal static class PollerThread
{
    /// <summary>
    /// Disposing the result stops the poller, so that a poller disposed just after it never meets a running handler.
    /// NetMQ refuses new tasks from the moment Dispose starts, while the poller thread may still be dispatching: a
    /// handler's <c>await</c> then throws ObjectDisposedException on the thread pool, which ends the test process.
    /// A stopped poller still queues what is posted to it (and never runs it).
    /// </summary>
    public static IDisposable StopFirst(NetMQPoller poller) => new Stopper(poller);

    private sealed class Stopper(NetMQPoller poller) : IDisposable
    {
        public void Dispose()
        {
            if (poller.IsRunning)
            {
                poller.Stop();
            }
        }
    }

    public static TResult Run<TResult>(NetMQPoller poller, Func<TResult> read)
    {
        var task = Task.Factory.StartNew(read, CancellationToken.None, TaskCreationOptions.None, poller);
        Assert.True(task.Wait(Transports.Timeout), "the poller did not run the task: is it stuck?");
        return task.Result;
    }
}
