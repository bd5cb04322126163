using System.Collections.Generic;

namespace Lifeline;

/// <summary>
/// The routing ids that sent something on their current connection. Asked on every message a routed host receives,
/// so a small direct-mapped cache of recent ids sits in front of the set: a ROUTER fair-queues its peers, and
/// consecutive messages rarely come from the same one.
/// </summary>
internal sealed class SeenPeers
{
    private const int Slots = 64;
    private readonly HashSet<PeerId> _set = [];
    private readonly PeerId[] _recent = new PeerId[Slots];

    /// <summary>Records <paramref name="peer"/>; true when it had not sent anything before.</summary>
    public bool Add(PeerId peer)
    {
        ref var slot = ref _recent[peer.Slot(Slots - 1)];
        if (slot.SameAs(peer))
        {
            return false;
        }

        slot = peer;
        return _set.Add(peer);
    }

    /// <summary>Forgets a peer whose connection ended.</summary>
    public void Remove(PeerId peer)
    {
        _set.Remove(peer);
        ref var slot = ref _recent[peer.Slot(Slots - 1)];
        if (slot.SameAs(peer))
        {
            slot = default;
        }
    }
}
