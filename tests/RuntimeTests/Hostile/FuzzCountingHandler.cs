using Lifeline.RuntimeTests.Messages;
using NetMQ;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>
/// Every handler kind, keeping only a count and the last event: the dispatch fuzz runs up to millions of inputs, and a
/// handler that recorded each one (with the bytes of every lookalike) grew the test host until it died.
/// </summary>
[LifelineHandler]
public partial class FuzzCountingHandler
{
    public long Count { get; private set; }

    public string Last { get; private set; } = string.Empty;

    private void OnPeerConnected(PeerId peer, ClientHello hello) => Seen($"connected {hello.Name}");

    private void OnPeerConnected(PeerId peer, WorkerHello hello) => Seen($"worker {hello.Worker}");

    private void OnPeerDisconnected(PeerId peer, ClientHello hello, ClientGone gone) => Seen($"disconnected {gone.Reason}");

    private void OnPeerDisconnected(PeerId peer, ClientGone gone) => Seen($"gone {gone.Reason}");

    private void OnUnknownPeerDisconnected(PeerId peer, ClientGone gone) => Seen($"unknown-gone {gone.Reason}");

    private void OnMessage(PeerId peer, NetMQMessage message, NotLifecycleReason reason) =>
        Seen(reason == NotLifecycleReason.None ? $"message {message.First.ConvertToString()}" : $"lookalike {reason}");

    private void OnMalformedFrame(PeerId peer, MalformedFrame error) =>
        Seen(error.Frame.IsEmpty || error.Detail.Length == 0 ? throw new System.InvalidOperationException("a malformed report without its bytes or a detail") : $"malformed {error.Reason}");

    private void Seen(string what)
    {
        Count++;
        Last = what;
    }
}
