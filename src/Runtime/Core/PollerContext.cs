using System;
using System.Threading;
using System.Threading.Tasks;

namespace Lifeline;

/// <summary>
/// The poller's synchronization context as handlers see it: continuations of their awaits go back to the poller's
/// thread as usual, but once the poller is disposed they are dropped instead of throwing on a thread-pool thread
/// (NetMQ's context throws there, which ends the process). A disposed poller has no thread to run them on anyway.
/// </summary>
internal sealed class PollerContext(SynchronizationContext poller) : SynchronizationContext
{
    public SynchronizationContext Poller { get; } = poller;

    public override void Post(SendOrPostCallback d, object? state)
    {
        try
        {
            // The continuation runs under this context again, so that its own later awaits come back through it too.
            Poller.Post(static s => ((Continuation)s!).Run(), new Continuation(this, d, state));
        }
        catch (Exception ex) when (ex is ObjectDisposedException or TaskSchedulerException)
        {
            // The poller is gone: the continuation has nowhere to run.
        }
    }

    public override void Send(SendOrPostCallback d, object? state) => Poller.Send(d, state);

    public override SynchronizationContext CreateCopy() => this;

    private sealed class Continuation(PollerContext context, SendOrPostCallback callback, object? state)
    {
        public void Run()
        {
            var previous = Current;
            SetSynchronizationContext(context);
            try
            {
                callback(state);
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }
    }
}
