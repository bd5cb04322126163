using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Lifeline;

/// <summary>
/// The lifecycle state of one socket: which peers are connected now with the hello each sent (ROUTER,
/// SERVER, PEER), or how many server hellos arrived (DEALER, CLIENT). Entries leave on disconnect, so memory
/// does not grow with churn. Used from the socket's thread only.
/// </summary>
public sealed class LifelineSession
{
    private readonly Dictionary<PeerId, object> _peers = [];

    /// <summary>Creates the state of a socket.</summary>
    /// <param name="isRouted">True for ROUTER, SERVER and PEER sockets, whose messages carry a peer's routing id.</param>
    public LifelineSession(bool isRouted) => IsRouted = isRouted;

    /// <summary>True for ROUTER, SERVER and PEER sockets; false for DEALER and CLIENT.</summary>
    public bool IsRouted { get; }

    /// <summary>The peers connected now and the hello each sent. Read-only.</summary>
    public IReadOnlyDictionary<PeerId, object> Peers => _peers;

    /// <summary>How many server hellos a DEALER or CLIENT received: 1 after the first connection, more after reconnects.</summary>
    public int ServerHellos { get; private set; }

    /// <summary>Whether the server went away (a disconnect frame arrived) since its last hello.</summary>
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

    /// <summary>Records a peer's hello (generated dispatch calls this before the handler).</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="hello">Its hello.</param>
    public void PeerConnected(PeerId peer, object hello) => _peers[peer] = hello;

    /// <summary>Forgets a peer that went away and returns the hello it had sent, if any.</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="hello">Its hello, when it had sent one.</param>
    /// <returns>False for a peer that never said hello.</returns>
    public bool PeerDisconnected(PeerId peer, [NotNullWhen(true)] out object? hello) => _peers.Remove(peer, out hello);

    /// <summary>Counts a server hello on a DEALER or CLIENT.</summary>
    /// <returns>True for the first one (a connection), false for later ones (reconnections).</returns>
    public bool ServerHelloReceived()
    {
        ServerGone = false;
        return ++ServerHellos == 1;
    }

    /// <summary>Notes that the server went away.</summary>
    public void ServerDisconnected() => ServerGone = true;
}
