using System;
using System.Threading;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline.Hosting;

/// <summary>
/// The thread-safe way onto one hosted socket: sends from the socket's own thread go out at once, sends from any other
/// thread wait in a queue the socket's poller drains (<see cref="NetMQQueue{T}"/>), at most
/// <see cref="LifelineSocketOptions.SendQueueCapacity"/> of them; beyond that a send is refused at once.
/// </summary>
internal sealed class SendQueue(HubTelemetry telemetry) : ILifelineSender
{
    private readonly object _gate = new();
    private NetMQQueue<SendWork>? _queue;
    private SocketSender? _sender;
    private int _capacity;
    private int _count;
    private int _socketThread = -1;

    /// <summary>True on the socket's thread while it runs.</summary>
    public bool OnSocketThread => Environment.CurrentManagedThreadId == Volatile.Read(ref _socketThread);

    public long Count => Volatile.Read(ref _count);

    /// <summary>Starts taking sends: the socket is about to be served by <paramref name="socketThread"/>.</summary>
    public void Open(NetMQQueue<SendWork> queue, SocketSender sender, int capacity, int socketThread)
    {
        lock (_gate)
        {
            _queue = queue;
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
            _queue = null;
        }
    }

    /// <summary>After the socket's thread ended: refuses what is still queued, and every send from now on.</summary>
    public void Refuse(NetMQQueue<SendWork> queue)
    {
        lock (_gate)
        {
            _queue = null;
            _sender = null;
            Volatile.Write(ref _socketThread, -1);
        }

        while (queue.TryDequeue(out var work, TimeSpan.Zero))
        {
            Interlocked.Decrement(ref _count);
            work.Refuse(LifelineSendResult.NotRunning);
        }
    }

    /// <summary>On the socket's thread: sends everything queued so far.</summary>
    public void Drain(NetMQQueue<SendWork> queue, SocketSender sender)
    {
        while (queue.TryDequeue(out var work, TimeSpan.Zero))
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
        lock (_gate)
        {
            if (_queue is null)
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
            _queue.Enqueue(work);
            return LifelineSendResult.None;
        }
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
