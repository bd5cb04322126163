using System;

namespace Lifeline;

/// <summary>A handler method threw (or its <c>ValueTask</c> faulted). The host reported it and went on serving.</summary>
public sealed class LifelineHandlerFaultedEventArgs : EventArgs
{
    internal LifelineHandlerFaultedEventArgs(PeerId peer, string handler, Exception exception)
    {
        Peer = peer;
        Handler = handler;
        Exception = exception;
    }

    /// <summary>The peer whose event the handler was processing (<see cref="PeerId.None"/> on DEALER and CLIENT).</summary>
    public PeerId Peer { get; }

    /// <summary>The handler method, for example <c>OnPeerConnected</c>.</summary>
    public string Handler { get; }

    /// <summary>What it threw.</summary>
    public Exception Exception { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Handler} for peer {Peer} threw {Exception.GetType().Name}: {Exception.Message}";
}
