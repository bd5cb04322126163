using System;

namespace Lifeline;

/// <summary>
/// Marks a <c>partial class</c> whose methods handle lifecycle events; the generator emits typed glue (a switch
/// on the record type, no reflection) and the host (<see cref="LifelineSocketHost"/>) decides what each message means.
/// Recognised methods, each returning <c>void</c> or <c>ValueTask</c>:
/// <list type="bullet">
/// <item><c>OnPeerConnected(PeerId peer, THello hello)</c>: a peer of a ROUTER, SERVER or PEER said hello (as the first message of its connection).</item>
/// <item><c>OnPeerDisconnected(PeerId peer, THello hello, TGone gone)</c> or <c>OnPeerDisconnected(PeerId peer, TGone gone)</c>: a peer that said hello went away.</item>
/// <item><c>OnUnknownPeerDisconnected(PeerId peer, TGone gone)</c>: a peer that never said hello went away.</item>
/// <item><c>OnConnected(THello hello)</c> and <c>OnReconnected(THello hello)</c>: a DEALER or CLIENT received the server's first, or a later, hello.</item>
/// <item><c>OnDisconnected()</c>: a DEALER's tcp connection to its server dropped (it reconnects by itself).</item>
/// <item><c>OnMessage(PeerId peer, NetMQMessage message)</c>, optionally with a third parameter
/// <c>NotLifecycleReason reason</c>: application data, without the routing-id frame, including frames that only look
/// like lifecycle frames; the message is valid until the handler completes (see <see cref="LifelineSocketHost.ReusesMessages"/>).</item>
/// <item><c>OnMalformedFrame(PeerId peer, MalformedFrame error)</c>: a hello that could not be read (its bytes are in the error).</item>
/// </list>
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class LifelineHandlerAttribute : Attribute
{
}
