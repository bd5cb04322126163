using System.Threading.Tasks;
using NetMQ;

namespace Lifeline;

/// <summary>Turns a classified event into the call of a generated handler, and names the handler method it reaches.</summary>
internal static class HandlerCalls
{
    public static ValueTask Invoke(ILifelineHandler handler, in LifecycleEvent e, NetMQMessage? message) => e.Kind switch
    {
        LifecycleEventKind.PeerConnected => handler.OnPeerConnectedAsync(e.Peer, e.Hello!),
        LifecycleEventKind.PeerDisconnected => handler.OnPeerDisconnectedAsync(e.Peer, e.Hello, e.Gone),
        LifecycleEventKind.Connected => handler.OnConnectedAsync(e.Hello!, e.IsReconnect),
        LifecycleEventKind.Disconnected => handler.OnDisconnectedAsync(),
        LifecycleEventKind.Malformed => handler.OnMalformedFrameAsync(e.Peer, e.Error!),
        _ => handler.OnMessageAsync(e.Peer, message ?? new NetMQMessage(), e.Reason),
    };

    /// <summary>The name of the handler method an event reaches, for fault reports.</summary>
    public static string MethodName(in LifecycleEvent e) => e.Kind switch
    {
        LifecycleEventKind.PeerConnected => "OnPeerConnected",
        LifecycleEventKind.PeerDisconnected => e.Hello is null ? "OnUnknownPeerDisconnected" : "OnPeerDisconnected",
        LifecycleEventKind.Connected => e.IsReconnect ? "OnReconnected" : "OnConnected",
        LifecycleEventKind.Disconnected => "OnDisconnected",
        LifecycleEventKind.Malformed => "OnMalformedFrame",
        _ => "OnMessage",
    };
}
