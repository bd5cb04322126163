using System;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline;

/// <summary>
/// Tells a DEALER host that its tcp connection dropped, from NetMQ's socket monitor: an event produced by the local
/// socket, which no peer can forge (NetMQ has no hiccup message). After a drop, the next message opens a connection.
/// NetMQ keeps one monitor per socket: the host's replaces one the application set on the same DEALER.
/// </summary>
internal sealed class ConnectionWatch : IDisposable
{
    private readonly PairSocket _events = new();

    public ConnectionWatch(NetMQSocket socket)
    {
        var endpoint = $"inproc://lifeline-watch-{Guid.NewGuid():N}";
        socket.Monitor(endpoint, SocketEvents.Disconnected);
        _events.Connect(endpoint);
    }

    /// <summary>Takes one reported drop, if any, without waiting.</summary>
    public bool TryTakeDrop() => _events.TrySkipMultipartMessage(TimeSpan.Zero);

    // NetMQ offers no way to stop a socket's monitor: once this end is gone, its events are dropped (linger 0).
    public void Dispose() => _events.Dispose();
}
