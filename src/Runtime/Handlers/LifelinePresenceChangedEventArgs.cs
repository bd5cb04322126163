using System;

namespace Lifeline;

/// <summary>A peer joined or left a socket's presence (<see cref="LifelineSession.PresenceChanged"/>).</summary>
public sealed class LifelinePresenceChangedEventArgs : EventArgs
{
    internal LifelinePresenceChangedEventArgs(PeerId peer, object hello, bool isPresent, long version)
    {
        Peer = peer;
        Hello = hello;
        IsPresent = isPresent;
        Version = version;
    }

    /// <summary>The peer (<see cref="PeerId.None"/> for the server of a DEALER or CLIENT).</summary>
    public PeerId Peer { get; }

    /// <summary>The hello it sent on this connection.</summary>
    public object Hello { get; }

    /// <summary>True when the peer joined (said hello), false when it left.</summary>
    public bool IsPresent { get; }

    /// <summary>The presence version after this change: snapshots with this version or later include it.</summary>
    public long Version { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Peer} {(IsPresent ? "joined" : "left")} ({Hello.GetType().Name}, version {Version})";
}
