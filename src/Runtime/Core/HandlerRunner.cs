using System;
using System.Threading;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline;

/// <summary>
/// Calls a generated handler for each classified event, one at a time: contains every exception a handler throws or
/// its <c>ValueTask</c> faults with, and holds the task of a handler that did not complete so that the host can wait
/// for it (or resume on the poller's thread) before taking the next message.
/// </summary>
internal sealed class HandlerRunner(ILifelineHandler handler, Action<LifelineHandlerFaultedEventArgs> report)
{
    private PollerContext? _context;
    private Task? _pending;
    private LifecycleEvent _pendingEvent;

    /// <summary>True while a handler's task is held.</summary>
    public bool IsPending => _pending is not null;

    /// <summary>Calls the handler; returns its task when it did not complete synchronously.</summary>
    /// <remarks>
    /// On a poller, handlers run under <see cref="PollerContext"/>, so that their continuations survive the poller's
    /// disposal; without one they run under whatever context the caller has.
    /// </remarks>
    public Task? Dispatch(in LifecycleEvent lifecycleEvent, NetMQMessage? message, bool onPoller)
    {
        ValueTask call;
        var context = onPoller ? SynchronizationContext.Current : null;
        try
        {
            if (context is null || context is PollerContext)
            {
                // Application data, nearly every message, goes straight to the handler.
                call = lifecycleEvent.Kind == LifecycleEventKind.Message && message is not null
                    ? handler.OnMessageAsync(lifecycleEvent.Peer, message, lifecycleEvent.Reason)
                    : HandlerCalls.Invoke(handler, lifecycleEvent, message);
            }
            else
            {
                SynchronizationContext.SetSynchronizationContext(PollerContextFor(context));
                try
                {
                    call = HandlerCalls.Invoke(handler, lifecycleEvent, message);
                }
                finally
                {
                    SynchronizationContext.SetSynchronizationContext(context);
                }
            }
        }
        catch (Exception ex)
        {
            Report(lifecycleEvent, ex);
            return null;
        }

        if (call.IsCompletedSuccessfully)
        {
            return null;
        }

        if (call.IsCompleted)
        {
            Observe(call.AsTask(), lifecycleEvent);
            return null;
        }

        return call.AsTask();
    }

    /// <summary>The context handlers see on the poller whose own context is <paramref name="current"/>; null off a poller.</summary>
    public PollerContext? PollerContextFor(SynchronizationContext? current) => current switch
    {
        null => null,
        PollerContext context => context,
        _ when _context is not null && ReferenceEquals(_context.Poller, current) => _context,
        _ => _context = new PollerContext(current),
    };

    /// <summary>Holds a pending handler's task: nothing else is dispatched until it is completed.</summary>
    public void Hold(Task pending, in LifecycleEvent lifecycleEvent)
    {
        _pending = pending;
        _pendingEvent = lifecycleEvent;
    }

    /// <summary>Waits for the held task, if any, and reports how it ended.</summary>
    public void WaitForPending()
    {
        if (_pending is null)
        {
            return;
        }

        try
        {
            _pending.Wait();
        }
        catch (AggregateException)
        {
            // Reported just below, with the handler's own exception.
        }

        CompletePending();
    }

    /// <summary>Releases the held task, which has completed, and reports a fault.</summary>
    public void CompletePending()
    {
        var pending = _pending;
        _pending = null;
        if (pending is not null)
        {
            Observe(pending, _pendingEvent);
        }
    }

    private void Observe(Task completed, in LifecycleEvent lifecycleEvent)
    {
        if (completed.IsFaulted)
        {
            Report(lifecycleEvent, completed.Exception!.GetBaseException());
        }
        else if (completed.IsCanceled)
        {
            Report(lifecycleEvent, new TaskCanceledException(completed));
        }
    }

    private void Report(in LifecycleEvent lifecycleEvent, Exception exception) =>
        report(new LifelineHandlerFaultedEventArgs(lifecycleEvent.Peer, HandlerCalls.MethodName(lifecycleEvent), exception));
}
