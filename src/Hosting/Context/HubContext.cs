using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline.Hosting;

/// <summary>
/// The <see cref="ILifelineContext"/> of one hosted socket: the host (<see cref="ObservedHandler"/>) sets the current
/// peer before each handler call, on the socket's thread. A hello is looked up only when asked for.
/// </summary>
internal sealed class HubContext(SendQueue sends) : ILifelineContext
{
    private PeerId _peer;
    private object? _hello;
    private bool _helloKnown;

    public PeerId Peer => _peer;

    public object? Hello => _helloKnown ? _hello : Lookup();

    public LifelinePresence Presence => Session?.GetSnapshot() ?? LifelinePresence.Empty;

    public ILifelineSender Sender => sends;

    /// <summary>The session of the running socket; null while it is not running.</summary>
    internal LifelineSession? Session { get; set; }

    public bool TryGetHello<T>([MaybeNullWhen(false)] out T hello)
    {
        if (Hello is T typed)
        {
            hello = typed;
            return true;
        }

        hello = default;
        return false;
    }

    public ValueTask<LifelineSendResult> ReplyAsync(NetMQMessage message, CancellationToken cancellationToken = default) =>
        sends.SendAsync(_peer, message, cancellationToken);

    public ValueTask<LifelineSendResult> ReplyAsync(byte[] frame, CancellationToken cancellationToken = default) =>
        sends.SendAsync(_peer, frame, cancellationToken);

    /// <summary>A message or malformed frame: the hello, if wanted, comes from presence.</summary>
    internal void Enter(PeerId peer)
    {
        _peer = peer;
        _helloKnown = false;
    }

    /// <summary>A lifecycle event, which carries the hello (a departed peer's is no longer in presence).</summary>
    internal void Enter(PeerId peer, object? hello)
    {
        _peer = peer;
        _hello = hello;
        _helloKnown = true;
    }

    private object? Lookup()
    {
        var session = Session;
        if (session is null)
        {
            return null;
        }

        if (!sends.OnSocketThread)
        {
            return session.GetSnapshot().Peers.TryGetValue(_peer, out var fromSnapshot) ? fromSnapshot : null;
        }

        if (!session.IsRouted)
        {
            return session.ServerHello;
        }

        return session.Peers.TryGetValue(_peer, out var hello) ? hello : null;
    }
}
