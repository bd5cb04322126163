using System;
using System.Threading;
using System.Threading.Tasks;
using NetMQ;

namespace Lifeline.Hosting;

/// <summary>A message for one peer.</summary>
internal sealed class UnicastWork : SendWork
{
    private readonly TaskCompletionSource<LifelineSendResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PeerId _peer;
    private readonly NetMQMessage _message;
    private readonly CancellationToken _cancellationToken;

    public UnicastWork(PeerId peer, NetMQMessage message, CancellationToken cancellationToken)
    {
        _peer = peer;
        _message = message;
        _cancellationToken = cancellationToken;
        Watch(cancellationToken);
    }

    public Task<LifelineSendResult> Task => _done.Task;

    protected override void Execute(SocketSender sender) => _done.TrySetResult(sender.Send(_peer, _message));

    protected override void Complete(LifelineSendResult refused) => _done.TrySetResult(refused);

    protected override void Fault(Exception exception) => _done.TrySetException(exception);

    protected override void Cancel() => _done.TrySetCanceled(_cancellationToken);
}
