using NetMQ;

namespace Lifeline.Benchmarks;

/// <summary>The typed side of the socket benchmarks: counts what it is given, presence kept by the host.</summary>
[LifelineHandler]
public sealed partial class CountingHandler
{
    public int Connected { get; private set; }

    public int Disconnected { get; private set; }

    public int Messages { get; private set; }

    public int Bytes { get; private set; }

    public void Reset() => (Connected, Disconnected, Messages, Bytes) = (0, 0, 0, 0);

    private void OnPeerConnected(PeerId peer, WorkerHello hello) => Connected++;

    private void OnPeerDisconnected(PeerId peer, WorkerHello hello, WorkerGone gone) => Disconnected++;

    private void OnMessage(PeerId peer, NetMQMessage message)
    {
        Messages++;
        Bytes += message.First.MessageSize;
    }
}
