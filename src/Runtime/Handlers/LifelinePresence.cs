using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Lifeline;

/// <summary>
/// An immutable copy of a socket's presence at one moment (<see cref="LifelineSession.GetSnapshot"/>): the peers
/// connected then and the hello each sent. Safe to keep and read from any thread.
/// </summary>
public sealed class LifelinePresence
{
    internal LifelinePresence(long version, IReadOnlyDictionary<PeerId, object> peers)
    {
        Version = version;
        Peers = peers;
    }

    /// <summary>No peer, before any change.</summary>
    public static LifelinePresence Empty { get; } = new(0, new Dictionary<PeerId, object>());

    /// <summary>How many presence changes the socket had made when this copy was taken.</summary>
    public long Version { get; }

    /// <summary>The peers present and their hellos. On a DEALER or CLIENT, the server as <see cref="PeerId.None"/> while connected.</summary>
    public IReadOnlyDictionary<PeerId, object> Peers { get; }

    /// <summary>How many peers are present.</summary>
    public int Count => Peers.Count;

    /// <summary>Whether <paramref name="peer"/> is present.</summary>
    /// <param name="peer">The peer.</param>
    /// <returns>True when present.</returns>
    public bool Contains(PeerId peer) => Peers.ContainsKey(peer);

    /// <summary>The hello a present peer sent, when it is a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A hello record.</typeparam>
    /// <param name="peer">The peer.</param>
    /// <param name="hello">The hello on success.</param>
    /// <returns>True when the peer is present and said a <typeparamref name="T"/> hello.</returns>
    public bool TryGetHello<T>(PeerId peer, [MaybeNullWhen(false)] out T hello)
    {
        if (Peers.TryGetValue(peer, out var value) && value is T typed)
        {
            hello = typed;
            return true;
        }

        hello = default;
        return false;
    }

    /// <summary>The present peers whose hello is a <typeparamref name="T"/>, with it.</summary>
    /// <typeparam name="T">A hello record.</typeparam>
    /// <returns>The peers and their hellos, in no particular order.</returns>
    public IEnumerable<KeyValuePair<PeerId, T>> PeersWithHello<T>()
    {
        foreach (var entry in Peers)
        {
            if (entry.Value is T typed)
            {
                yield return new KeyValuePair<PeerId, T>(entry.Key, typed);
            }
        }
    }
}
