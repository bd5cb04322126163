using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Lifeline;

/// <summary>
/// The lifecycle state of one socket: which peers are connected now with the hello each sent (ROUTER,
/// SERVER, PEER), or the server's hello and how many arrived (DEALER, CLIENT). Entries leave on disconnect, so memory
/// does not grow with churn. Only the host that owns the socket changes it. <see cref="Peers"/> is live and read
/// from the socket's thread; <see cref="GetSnapshot"/> and <see cref="PresenceChanged"/> serve every other thread.
/// </summary>
/// <remarks>
/// A peer is present from its hello (the first message of its connection) until the socket's own disconnect message
/// for it, whatever the handlers do: a handler that throws does not undo a connection or keep a departed peer.
/// </remarks>
public sealed class LifelineSession
{
    private readonly Dictionary<PeerId, object> _peers = [];

    // Guards changes and snapshots: taken once per connection and departure, never per message.
    private readonly object _gate = new();
    private LifelinePresence _snapshot = LifelinePresence.Empty;
    private long _version;
    private bool _serverPresent;

    internal LifelineSession(bool isRouted) => IsRouted = isRouted;

    /// <summary>
    /// Raised on the socket's thread after a peer joined or left presence (for a DEALER or CLIENT: the server's hello
    /// arrived, or its connection dropped), before the handler for that event runs. Keep listeners short: the socket
    /// waits for them. A listener that throws is reported to <see cref="Trace"/> and does not stop the socket.
    /// </summary>
    public event EventHandler<LifelinePresenceChangedEventArgs>? PresenceChanged;

    /// <summary>True for ROUTER, SERVER and PEER sockets; false for DEALER and CLIENT.</summary>
    public bool IsRouted { get; }

    /// <summary>The peers connected now and the hello each sent. Read-only, live: read it from the socket's thread only.</summary>
    public IReadOnlyDictionary<PeerId, object> Peers => _peers;

    /// <summary>How many server hellos a DEALER or CLIENT received: 1 after the first connection, more after reconnects.</summary>
    public int ServerHellos { get; private set; }

    /// <summary>The hello of a DEALER's or CLIENT's server on its latest connection; null before the first one.</summary>
    public object? ServerHello { get; private set; }

    /// <summary>Whether the DEALER's connection to its server dropped since the server's last hello.</summary>
    public bool ServerGone { get; private set; }

    /// <summary>
    /// Who is present now, as an immutable copy safe to read from any thread. Its <see cref="LifelinePresence.Version"/>
    /// counts the changes so far, the same number <see cref="PresenceChanged"/> reports, so a snapshot can be placed
    /// among the notifications. On a DEALER or CLIENT the server appears as <see cref="PeerId.None"/> while connected.
    /// A snapshot costs one copy of the peers after a change, nothing when nothing changed.
    /// </summary>
    /// <returns>The current presence.</returns>
    public LifelinePresence GetSnapshot()
    {
        lock (_gate)
        {
            if (_snapshot.Version != _version)
            {
                var peers = new Dictionary<PeerId, object>(_peers);
                if (_serverPresent && ServerHello is { } server)
                {
                    peers[PeerId.None] = server;
                }

                _snapshot = new LifelinePresence(_version, peers);
            }

            return _snapshot;
        }
    }

    /// <summary>The hello a connected peer sent, when it is a <typeparamref name="T"/>. From the socket's thread.</summary>
    /// <typeparam name="T">A hello record.</typeparam>
    /// <param name="peer">The peer.</param>
    /// <param name="hello">The hello on success.</param>
    /// <returns>True when the peer is connected and said a <typeparamref name="T"/> hello.</returns>
    public bool TryGetHello<T>(PeerId peer, [MaybeNullWhen(false)] out T hello)
    {
        if (_peers.TryGetValue(peer, out var value) && value is T typed)
        {
            hello = typed;
            return true;
        }

        hello = default;
        return false;
    }

    internal void PeerConnected(PeerId peer, object hello)
    {
        long version;
        lock (_gate)
        {
            _peers[peer] = hello;
            version = ++_version;
        }

        Raise(peer, hello, isPresent: true, version);
    }

    internal bool PeerDisconnected(PeerId peer, [NotNullWhen(true)] out object? hello)
    {
        long version;
        lock (_gate)
        {
            if (!_peers.TryGetValue(peer, out hello) || !_peers.Remove(peer))
            {
                return false;
            }

            version = ++_version;
        }

        Raise(peer, hello, isPresent: false, version);
        return true;
    }

    /// <summary>Counts a server hello; true for the first one (a connection), false for later ones (reconnections).</summary>
    internal bool ServerHelloReceived(object hello)
    {
        long version;
        bool first;
        lock (_gate)
        {
            ServerGone = false;
            ServerHello = hello;
            _serverPresent = true;
            first = ++ServerHellos == 1;
            version = ++_version;
        }

        Raise(PeerId.None, hello, isPresent: true, version);
        return first;
    }

    internal void ServerDisconnected()
    {
        long version;
        object? hello;
        lock (_gate)
        {
            ServerGone = true;
            if (!_serverPresent)
            {
                return;
            }

            _serverPresent = false;
            hello = ServerHello;
            version = ++_version;
        }

        Raise(PeerId.None, hello!, isPresent: false, version);
    }

    private void Raise(PeerId peer, object hello, bool isPresent, long version)
    {
        var listeners = PresenceChanged;
        if (listeners is null)
        {
            return;
        }

        try
        {
            listeners(this, new LifelinePresenceChangedEventArgs(peer, hello, isPresent, version));
        }
        catch (Exception ex)
        {
            // Presence is the socket's own state: a listener must not stop the socket or undo the change.
            Trace.TraceError("Lifeline: a PresenceChanged listener threw {0}", ex);
        }
    }
}
