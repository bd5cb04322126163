using System.Threading;
using NetMQ;

namespace Lifeline.Benchmarks;

/// <summary>
/// The round's bookkeeping shared by the benchmark thread and the hub: the hub holds the socket's thread at the
/// round's first event until the benchmark says go, so that the whole round's traffic is queued before the clock starts.
/// </summary>
public sealed class RoundSignal
{
    private volatile bool _armed;

    public ManualResetEventSlim Go { get; } = new();

    public ManualResetEventSlim Delivered { get; } = new();

    public ManualResetEventSlim Departed { get; } = new();

    public int ExpectedMessages { get; set; }

    public int ExpectedDepartures { get; set; }

    public void Arm()
    {
        Go.Reset();
        Delivered.Reset();
        Departed.Reset();
        _armed = true;
    }

    /// <summary>On the socket's thread, at every event: waits for the go of a round that has not started.</summary>
    public void Gate()
    {
        if (_armed)
        {
            _armed = false;
            Go.Wait();
        }
    }
}

/// <summary>The hub of the hosted-path comparison: the same class runs on a plain host and on the generic host.</summary>
[LifelineHandler]
public sealed partial class GatedHub(RoundSignal signal)
{
    private int _messages;
    private int _departed;

    public long Bytes { get; private set; }

    private void OnPeerConnected(PeerId peer, WorkerHello hello) => signal.Gate();

    private void OnPeerDisconnected(PeerId peer, WorkerHello hello, WorkerGone gone)
    {
        if (++_departed == signal.ExpectedDepartures)
        {
            _departed = 0;
            signal.Departed.Set();
        }
    }

    private void OnMessage(PeerId peer, NetMQMessage message)
    {
        signal.Gate();
        Bytes += message.First.MessageSize;
        if (++_messages == signal.ExpectedMessages)
        {
            _messages = 0;
            signal.Delivered.Set();
        }
    }
}
