using System;
using System.Threading.Channels;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline;

/// <summary>A handler that turns what a catalog decodes into <see cref="LifelineEvent"/>s written to a channel.</summary>
internal sealed class CatalogEventHandler(ILifelineCatalog catalog, ChannelWriter<LifelineEvent> events) : ILifelineHandler
{
    public ValueTask OnLifecycleFrameAsync(LifelineSession session, PeerId peer, LifelineKind kind, uint messageId, ReadOnlyMemory<byte> frame)
    {
        var error = catalog.TryDecode(kind, messageId, frame, out var message);
        if (error is not null)
        {
            return OnMalformedFrameAsync(session, peer, error);
        }

        LifelineEvent lifelineEvent = (kind, session.IsRouted) switch
        {
            (LifelineKind.Hello, true) => Connected(session, peer, message!),
            (LifelineKind.Hello, false) => new ConnectedEvent(message!, IsReconnect: !session.ServerHelloReceived()),
            (_, true) => new PeerDisconnectedEvent(peer, session.PeerDisconnected(peer, out var hello) ? hello : null, message!),
            _ => Disconnected(session, message!),
        };
        return events.WriteAsync(lifelineEvent);
    }

    public ValueTask OnApplicationMessageAsync(LifelineSession session, PeerId peer, NetMQMessage message) =>
        events.WriteAsync(new MessageEvent(peer, message));

    public ValueTask OnMalformedFrameAsync(LifelineSession session, PeerId peer, MalformedFrame error) =>
        events.WriteAsync(new MalformedFrameEvent(peer, error));

    private static PeerConnectedEvent Connected(LifelineSession session, PeerId peer, object hello)
    {
        session.PeerConnected(peer, hello);
        return new PeerConnectedEvent(peer, hello);
    }

    private static DisconnectedEvent Disconnected(LifelineSession session, object disconnect)
    {
        session.ServerDisconnected();
        return new DisconnectedEvent(disconnect);
    }
}
