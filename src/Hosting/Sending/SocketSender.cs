using System;
using NetMQ;

namespace Lifeline.Hosting;

/// <summary>
/// Sends on the socket's thread, the only thread that may: to a peer of a ROUTER by routing id (the ROUTER is
/// mandatory-routing, so an unknown id is a result rather than a silent drop), or to a DEALER's server. Never blocks:
/// a peer at its high-water mark is <see cref="LifelineSendResult.PeerBusy"/>.
/// </summary>
internal sealed class SocketSender(NetMQSocket socket, LifelineSession session, HubTelemetry telemetry)
{
    public LifelineSendResult Send(PeerId peer, NetMQMessage message)
    {
        var result = session.IsRouted ? SendRouted(peer, message) : SendToServer(peer, message);
        telemetry.Sent(peer, result);
        return result;
    }

    public LifelineBroadcastResult Broadcast(Func<PeerId, object, bool>? select, NetMQMessage message)
    {
        int sent = 0, busy = 0;
        if (!session.IsRouted)
        {
            if (session.ServerHello is { } server && !session.ServerGone && (select is null || select(PeerId.None, server)))
            {
                Count(Send(PeerId.None, message));
            }

            return new LifelineBroadcastResult(LifelineSendResult.Sent, sent, busy);
        }

        // Sending changes nothing in presence, so the live session can be walked while sending.
        foreach (var entry in session.Peers)
        {
            if (select is null || select(entry.Key, entry.Value))
            {
                Count(Send(entry.Key, message));
            }
        }

        return new LifelineBroadcastResult(LifelineSendResult.Sent, sent, busy);

        void Count(LifelineSendResult result)
        {
            if (result == LifelineSendResult.Sent)
            {
                sent++;
            }
            else if (result == LifelineSendResult.PeerBusy)
            {
                busy++;
            }
        }
    }

    private LifelineSendResult SendRouted(PeerId peer, NetMQMessage message)
    {
        if (peer.IsNone || peer.RoutingId is not null)
        {
            return LifelineSendResult.UnknownPeer;
        }

        try
        {
            if (!socket.TrySendFrame(TimeSpan.Zero, peer.ToArray(), more: true))
            {
                return LifelineSendResult.PeerBusy;
            }
        }
        catch (HostUnreachableException)
        {
            return LifelineSendResult.UnknownPeer;
        }

        // Once the routing id is taken, the ROUTER takes the rest of the message whole.
        socket.SendMultipartMessage(message);
        return LifelineSendResult.Sent;
    }

    private LifelineSendResult SendToServer(PeerId peer, NetMQMessage message)
    {
        if (!peer.IsNone)
        {
            return LifelineSendResult.UnknownPeer;
        }

        if (socket.TrySendMultipartMessage(TimeSpan.Zero, message))
        {
            return LifelineSendResult.Sent;
        }

        return session.ServerHello is null || session.ServerGone ? LifelineSendResult.UnknownPeer : LifelineSendResult.PeerBusy;
    }
}
