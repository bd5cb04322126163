using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Lifeline;

/// <summary>
/// The lifecycle state of one socket: which peers are connected now with the hello each sent (ROUTER,
/// SERVER, PEER), or how many server hellos arrived (DEALER, CLIENT). Entries leave on disconnect, so memory
/// does not grow with churn. Only the host that owns the socket changes it; read it from the socket's thread.
/// </summary>
/// <remarks>
/// A peer is present from its hello (the first message of its connection) until the socket's own disconnect message
/// for it, whatever the handlers do: a handler that throws does not undo a connection or keep a departed peer.
/// </remarks>
public sealed class LifelineSession
{
    private readonly Dictionary<PeerId, object> _peers = [];

    internal LifelineSession(bool isRouted) => IsRouted = isRouted;

    /// <summary>True for ROUTER, SERVER and PEER sockets; false for DEALER and CLIENT.</summary>
    public bool IsRouted { get; }

    /// <summary>The peers connected now and the hello each sent. Read-only.</summary>
    public IReadOnlyDictionary<PeerId, object> Peers => _peers;

    /// <summary>How many server hellos a DEALER or CLIENT received: 1 after the first connection, more after reconnects.</summary>
    public int ServerHellos { get; private set; }

    /// <summary>Whether the DEALER's connection to its server dropped since the server's last hello.</summary>
    public bool ServerGone { get; private set; }

    /// <summary>The hello a connected peer sent, when it is a <typeparamref name="T"/>.</summary>
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

    internal void PeerConnected(PeerId peer, object hello) => _peers[peer] = hello;

    internal bool PeerDisconnected(PeerId peer, [NotNullWhen(true)] out object? hello) =>
        _peers.TryGetValue(peer, out hello) && _peers.Remove(peer);

    /// <summary>Counts a server hello; true for the first one (a connection), false for later ones (reconnections).</summary>
    internal bool ServerHelloReceived()
    {
        ServerGone = false;
        return ++ServerHellos == 1;
    }

    internal void ServerDisconnected() => ServerGone = true;
}
