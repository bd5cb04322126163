using System.Diagnostics;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline.Hosting;

/// <summary>
/// Stands between the socket host and the generated handler of a hosted class: sets the context, logs and measures
/// each event, and keeps the task of a handler still running so that shutdown can wait for it. The rules (what an
/// event is, presence, order, fault containment) stay in the runtime's host; this only watches the calls it makes.
/// </summary>
internal sealed class ObservedHandler : ILifelineHandler
{
    private const string OnMessage = "OnMessage";
    private readonly ILifelineHandler inner;
    private readonly HubContext context;
    private readonly bool _messagesNeedContext;
    private readonly HubTelemetry telemetry;
    private readonly System.Diagnostics.Metrics.Histogram<double> _duration;
    private long _messages;

    /// <param name="inner">The generated handler.</param>
    /// <param name="context">The socket's context.</param>
    /// <param name="telemetry">Logs and metrics.</param>
    /// <param name="messagesNeedContext">
    /// False when the hub took no <see cref="ILifelineContext"/>: nobody can read it, so messages skip setting it (a
    /// store into a long-lived object per message); lifecycle events still set it.
    /// </param>
    public ObservedHandler(ILifelineHandler inner, HubContext context, HubTelemetry telemetry, bool messagesNeedContext = true)
    {
        this.inner = inner;
        this.context = context;
        _messagesNeedContext = messagesNeedContext;
        this.telemetry = telemetry;
        _duration = telemetry.DispatchDuration;
        telemetry.WatchMessages(() => System.Threading.Volatile.Read(ref _messages));
    }

    /// <summary>The task of the last handler call that did not complete synchronously (read on the socket's thread).</summary>
    public Task? InFlight { get; private set; }

    public ILifelineCatalog Catalog => inner.Catalog;

    public ValueTask OnMessageAsync(PeerId peer, NetMQMessage message, NotLifecycleReason reason)
    {
        // The hot path, kept small: the context's peer (when the hub took a context), a count, and timestamps only
        // while someone listens to the histogram. The socket's thread is the only writer of the count; the collector
        // reads it with Volatile.Read.
        if (_messagesNeedContext)
        {
            context.Enter(peer);
        }

        System.Threading.Volatile.Write(ref _messages, _messages + 1);
        if (_duration.Enabled)
        {
            var start = Stopwatch.GetTimestamp();
            return Track(inner.OnMessageAsync(peer, message, reason), start, OnMessage);
        }

        var call = inner.OnMessageAsync(peer, message, reason);
        return call.IsCompleted ? call : Track(call, 0, null);
    }

    public ValueTask OnPeerConnectedAsync(PeerId peer, object hello)
    {
        context.Enter(peer, hello);
        telemetry.PeerConnected(peer, hello);
        var start = Stopwatch.GetTimestamp();
        return Track(inner.OnPeerConnectedAsync(peer, hello), start, "OnPeerConnected");
    }

    public ValueTask OnPeerDisconnectedAsync(PeerId peer, object? hello, object? gone)
    {
        context.Enter(peer, hello);
        if (hello is null)
        {
            telemetry.UnknownPeerDisconnected(peer);
        }
        else
        {
            telemetry.PeerDisconnected(peer, hello, gone);
        }

        var start = Stopwatch.GetTimestamp();
        return Track(inner.OnPeerDisconnectedAsync(peer, hello, gone), start, hello is null ? "OnUnknownPeerDisconnected" : "OnPeerDisconnected");
    }

    public ValueTask OnConnectedAsync(object hello, bool isReconnect)
    {
        context.Enter(PeerId.None, hello);
        telemetry.ServerConnected(hello, isReconnect);
        var start = Stopwatch.GetTimestamp();
        return Track(inner.OnConnectedAsync(hello, isReconnect), start, isReconnect ? "OnReconnected" : "OnConnected");
    }

    public ValueTask OnDisconnectedAsync()
    {
        context.Enter(PeerId.None);
        telemetry.ServerDisconnected();
        var start = Stopwatch.GetTimestamp();
        return Track(inner.OnDisconnectedAsync(), start, "OnDisconnected");
    }

    public ValueTask OnMalformedFrameAsync(PeerId peer, MalformedFrame error)
    {
        context.Enter(peer);
        telemetry.Malformed(peer, error);
        var start = Stopwatch.GetTimestamp();
        return Track(inner.OnMalformedFrameAsync(peer, error), start, "OnMalformedFrame");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private ValueTask Track(ValueTask call, long start, string? handler)
    {
        if (call.IsCompleted)
        {
            if (handler is not null && telemetry.TimingEnabled)
            {
                telemetry.RecordDuration(handler, start);
            }

            // Faulted or not, the host observes it.
            return call;
        }

        // A ValueTask may be awaited once: the host gets the same task that shutdown waits for.
        var task = call.AsTask();
        InFlight = task;
        if (handler is not null && telemetry.TimingEnabled)
        {
            task.ContinueWith(
                static (_, state) =>
                {
                    var (telemetry, handler, start) = ((HubTelemetry, string, long))state!;
                    telemetry.RecordDuration(handler, start);
                },
                (telemetry, handler, start),
                System.Threading.CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return new ValueTask(task);
    }
}
