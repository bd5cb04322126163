using System;
using System.Threading;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline.Hosting;

/// <summary>A message for every present peer that a selection accepts.</summary>
internal sealed class BroadcastWork : SendWork
{
    private readonly TaskCompletionSource<LifelineBroadcastResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<PeerId, object, bool>? _select;
    private readonly NetMQMessage _message;
    private readonly CancellationToken _cancellationToken;

    public BroadcastWork(Func<PeerId, object, bool>? select, NetMQMessage message, CancellationToken cancellationToken)
    {
        _select = select;
        _message = message;
        _cancellationToken = cancellationToken;
        Watch(cancellationToken);
    }

    public Task<LifelineBroadcastResult> Task => _done.Task;

    protected override void Execute(SocketSender sender) => _done.TrySetResult(sender.Broadcast(_select, _message));

    protected override void Complete(LifelineSendResult refused) => _done.TrySetResult(new LifelineBroadcastResult(refused, 0, 0));

    protected override void Fault(Exception exception) => _done.TrySetException(exception);

    protected override void Cancel() => _done.TrySetCanceled(_cancellationToken);
}
