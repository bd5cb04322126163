using System;

namespace Lifeline;

/// <summary>
/// Marks a <c>partial class</c> whose methods handle lifecycle events; the generator emits the dispatch
/// (a switch on message id, no reflection). Recognised methods, each returning <c>void</c> or
/// <c>ValueTask</c>:
/// <list type="bullet">
/// <item><c>OnPeerConnected(PeerId peer, THello hello)</c>: a peer of a ROUTER, SERVER or PEER said hello.</item>
/// <item><c>OnPeerDisconnected(PeerId peer, THello hello, TGone gone)</c> or <c>OnPeerDisconnected(PeerId peer, TGone gone)</c>: a peer that said hello went away.</item>
/// <item><c>OnUnknownPeerDisconnected(PeerId peer, TGone gone)</c>: a peer that never said hello went away.</item>
/// <item><c>OnConnected(THello hello)</c> and <c>OnReconnected(THello hello)</c>: a DEALER or CLIENT received the server's first, or a later, hello.</item>
/// <item><c>OnDisconnected(TGone gone)</c>: a DEALER or CLIENT received a disconnect frame (NetMQ leaks a closing server's own).</item>
/// <item><c>OnMessage(PeerId peer, NetMQMessage message)</c>: application data, without the routing-id frame; the
/// message is valid during the call (see <see cref="LifelineSocket.ReusesMessages"/>).</item>
/// <item><c>OnMalformedFrame(PeerId peer, MalformedFrame error)</c>: a lifecycle frame that could not be read.</item>
/// </list>
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class LifelineHandlerAttribute : Attribute
{
}
