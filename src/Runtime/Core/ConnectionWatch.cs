using System;
using System.Threading;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline;

/// <summary>
/// Tells a DEALER host that its tcp connection dropped, from NetMQ's socket monitor: an event produced by the local
/// socket, which no peer can forge (NetMQ has no hiccup message). After a drop, the next message opens a connection.
/// A thread of its own reads the monitor, so that a drop is known at once even when the DEALER receives nothing (a
/// poller polls only the DEALER). NetMQ keeps one monitor per socket: the host's replaces one the application set.
/// </summary>
internal sealed class ConnectionWatch : IDisposable
{
    private static readonly TimeSpan StopCheck = TimeSpan.FromMilliseconds(200);
    private readonly PairSocket _events = new();
    private volatile bool _stopping;
    private int _drops;

    public ConnectionWatch(NetMQSocket socket)
    {
        var endpoint = $"inproc://lifeline-watch-{Guid.NewGuid():N}";
        socket.Monitor(endpoint, SocketEvents.Disconnected);
        _events.Connect(endpoint);

        // From here on only the watching thread touches the monitor's socket.
        new Thread(Watch) { IsBackground = true, Name = "Lifeline connection watch" }.Start();
    }

    /// <summary>Raised on the watching thread after each drop is counted.</summary>
    public event Action? Dropped;

    /// <summary>Takes one reported drop, if any, without waiting. Safe from any thread.</summary>
    public bool TryTakeDrop()
    {
        var drops = Volatile.Read(ref _drops);
        while (drops > 0)
        {
            var seen = Interlocked.CompareExchange(ref _drops, drops - 1, drops);
            if (seen == drops)
            {
                return true;
            }

            drops = seen;
        }

        return false;
    }

    // NetMQ offers no way to stop a socket's monitor: once this end is gone, its events are dropped (linger 0).
    public void Dispose() => _stopping = true;

    private void Watch()
    {
        using (_events)
        {
            while (!_stopping)
            {
                if (_events.TrySkipMultipartMessage(StopCheck))
                {
                    Interlocked.Increment(ref _drops);
                    Dropped?.Invoke();
                }
            }
        }
    }
}
