using System;
using System.Threading;

namespace Lifeline.Hosting;

/// <summary>
/// One send waiting for the socket's thread. Whoever moves it out of the waiting state first wins: the socket's
/// thread (it sends), the caller's token (withdrawn, cancelled), or shutdown (not running).
/// </summary>
internal abstract class SendWork
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int Withdrawn = 2;

    private int _state;
    private CancellationTokenRegistration _registration;

    /// <summary>Withdraws the work when <paramref name="cancellationToken"/> fires before the socket's thread takes it.</summary>
    protected void Watch(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(static state => ((SendWork)state!).Withdraw(), this);
        }
    }

    /// <summary>On the socket's thread: sends, unless the work was withdrawn.</summary>
    public void Run(SocketSender sender)
    {
        if (!TryTake())
        {
            return;
        }

        try
        {
            Execute(sender);
        }
        catch (Exception ex)
        {
            Fault(ex);
        }
    }

    /// <summary>Ends the work without sending it.</summary>
    public void Refuse(LifelineSendResult result)
    {
        if (TryTake())
        {
            Complete(result);
        }
    }

    protected abstract void Execute(SocketSender sender);

    protected abstract void Complete(LifelineSendResult refused);

    protected abstract void Fault(Exception exception);

    protected abstract void Cancel();

    private bool TryTake()
    {
        if (Interlocked.CompareExchange(ref _state, Taken, Waiting) != Waiting)
        {
            return false;
        }

        _registration.Dispose();
        return true;
    }

    private void Withdraw()
    {
        if (Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting)
        {
            Cancel();
        }
    }
}
