using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline.Hosting;

/// <summary>
/// The thread-safe way onto one hosted socket: sends from the socket's own thread go out at once, sends from any other
/// thread wait in a queue, at most <see cref="LifelineSocketOptions.SendQueueCapacity"/> of them (beyond that a send
/// is refused at once), which the socket's poller drains: the first send into an empty queue posts one drain to the
/// poller's own task queue, so waiting sends cost the poller nothing while there are none.
/// </summary>
internal sealed class SendQueue(HubTelemetry telemetry) : ILifelineSender
{
    private readonly object _gate = new();
    private readonly ConcurrentQueue<SendWork> _items = new();
    private Action<Action>? _post;
    private SocketSender? _sender;
    private int _capacity;
    private int _count;
    private int _drainPosted;
    private int _socketThread = -1;

    /// <summary>True on the socket's thread while it runs.</summary>
    public bool OnSocketThread => Environment.CurrentManagedThreadId == Volatile.Read(ref _socketThread);

    public long Count => Volatile.Read(ref _count);

    /// <summary>
    /// Starts taking sends: the socket is about to be served by <paramref name="socketThread"/>, and
    /// <paramref name="post"/> runs an action there.
    /// </summary>
    public void Open(Action<Action> post, SocketSender sender, int capacity, int socketThread)
    {
        lock (_gate)
        {
            _post = post;
            _sender = sender;
            _capacity = capacity;
            Volatile.Write(ref _socketThread, socketThread);
        }
    }

    /// <summary>Refuses new sends from other threads with <see cref="LifelineSendResult.NotRunning"/>; queued ones stay.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _post = null;
        }
    }

    /// <summary>After the socket's thread ended: refuses what is still queued, and every send from now on.</summary>
    public void Refuse()
    {
        lock (_gate)
        {
            _post = null;
            _sender = null;
            Volatile.Write(ref _socketThread, -1);
        }

        while (_items.TryDequeue(out var work))
        {
            Interlocked.Decrement(ref _count);
            work.Refuse(LifelineSendResult.NotRunning);
        }
    }

    /// <summary>On the socket's thread: sends everything queued so far.</summary>
    public void Drain()
    {
        // Cleared first: a send queued from now on posts a drain of its own.
        Volatile.Write(ref _drainPosted, 0);
        var sender = _sender;
        while (sender is not null && _items.TryDequeue(out var work))
        {
            Interlocked.Decrement(ref _count);
            work.Run(sender);
        }
    }

    public ValueTask<LifelineSendResult> SendAsync(PeerId peer, byte[] frame, CancellationToken cancellationToken = default)
    {
        if (frame is null)
        {
            throw new ArgumentNullException(nameof(frame));
        }

        var message = new NetMQMessage(1);
        message.Append(frame);
        return SendAsync(peer, message, cancellationToken);
    }

    public ValueTask<LifelineSendResult> SendAsync(PeerId peer, NetMQMessage message, CancellationToken cancellationToken = default)
    {
        Check(message);
        if (cancellationToken.IsCancellationRequested)
        {
            return new ValueTask<LifelineSendResult>(Task.FromCanceled<LifelineSendResult>(cancellationToken));
        }

        if (OnSocketThread && _sender is { } sender)
        {
            return new ValueTask<LifelineSendResult>(sender.Send(peer, message));
        }

        var work = new UnicastWork(peer, message, cancellationToken);
        var refused = Enqueue(work);
        if (refused != LifelineSendResult.None)
        {
            telemetry.Sent(peer, refused);
            return new ValueTask<LifelineSendResult>(refused);
        }

        return new ValueTask<LifelineSendResult>(work.Task);
    }

    public ValueTask<LifelineBroadcastResult> SendToAllAsync(NetMQMessage message, CancellationToken cancellationToken = default) =>
        Broadcast(null, message, cancellationToken);

    public ValueTask<LifelineBroadcastResult> SendToAsync<THello>(Func<PeerId, THello, bool>? select, NetMQMessage message, CancellationToken cancellationToken = default) =>
        Broadcast((peer, hello) => hello is THello typed && (select is null || select(peer, typed)), message, cancellationToken);

    private ValueTask<LifelineBroadcastResult> Broadcast(Func<PeerId, object, bool>? select, NetMQMessage message, CancellationToken cancellationToken)
    {
        Check(message);
        if (cancellationToken.IsCancellationRequested)
        {
            return new ValueTask<LifelineBroadcastResult>(Task.FromCanceled<LifelineBroadcastResult>(cancellationToken));
        }

        if (OnSocketThread && _sender is { } sender)
        {
            return new ValueTask<LifelineBroadcastResult>(sender.Broadcast(select, message));
        }

        var work = new BroadcastWork(select, message, cancellationToken);
        var refused = Enqueue(work);
        if (refused != LifelineSendResult.None)
        {
            telemetry.Sent(PeerId.None, refused);
            return new ValueTask<LifelineBroadcastResult>(new LifelineBroadcastResult(refused, 0, 0));
        }

        return new ValueTask<LifelineBroadcastResult>(work.Task);
    }

    // None when queued; otherwise why not. The lock orders every enqueue before Close, so nothing is queued after
    // the final drain.
    private LifelineSendResult Enqueue(SendWork work)
    {
        Action<Action> post;
        lock (_gate)
        {
            if (_post is null)
            {
                work.Refuse(LifelineSendResult.NotRunning);
                return LifelineSendResult.NotRunning;
            }

            if (_count >= _capacity)
            {
                work.Refuse(LifelineSendResult.QueueFull);
                return LifelineSendResult.QueueFull;
            }

            Interlocked.Increment(ref _count);
            _items.Enqueue(work);
            post = _post;
        }

        if (Interlocked.Exchange(ref _drainPosted, 1) == 0)
        {
            post(Drain);
        }

        return LifelineSendResult.None;
    }

    private static void Check(NetMQMessage message)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        if (message.FrameCount == 0)
        {
            throw new ArgumentException("a message needs at least one frame", nameof(message));
        }
    }
}
