using Lifeline;
using NetMQ;

namespace NetStandardLibrary;

/// <summary>Every handler form: sync and ValueTask, remembered hello, unknown peers, data and malformed frames.</summary>
[LifelineHandler]
public sealed partial class Hub
{
    public int Events { get; private set; }

    private void OnPeerConnected(PeerId peer, EveryMemberHello hello) => Events++;

    private ValueTask OnPeerConnected(PeerId peer, MonitorHello hello)
    {
        Events++;
        return default;
    }

    private void OnPeerConnected(PeerId peer, ProbeHello hello) => Events++;

    private void OnPeerDisconnected(PeerId peer, EveryMemberHello hello, PeerGone gone) => Events++;

    private void OnPeerDisconnected(PeerId peer, PeerGone gone) => Events++;

    private void OnUnknownPeerDisconnected(PeerId peer, PeerGone gone) => Events++;

    private void OnMessage(PeerId peer, NetMQMessage message) => Events++;

    private void OnMalformedFrame(PeerId peer, MalformedFrame error) => Events++;
}
