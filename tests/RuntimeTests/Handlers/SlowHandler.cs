using System.Threading;
using System.Threading.Tasks;
using Lifeline.RuntimeTests.Messages;

namespace Lifeline.RuntimeTests.Handlers;

/// <summary>Handlers that are still awaiting (a yield, then a timer) when the test disposes the poller under them.</summary>
[LifelineHandler]
public partial class SlowHandler
{
    private int _started;
    private int _finished;

    public SemaphoreSlim Started { get; } = new(0);

    public int Pending => Volatile.Read(ref _started) - Volatile.Read(ref _finished);

    private async ValueTask OnPeerConnected(PeerId peer, ClientHello hello)
    {
        Interlocked.Increment(ref _started);
        Started.Release();
        await Task.Yield();
        await Task.Delay(20);
        Interlocked.Increment(ref _finished);
    }
}
