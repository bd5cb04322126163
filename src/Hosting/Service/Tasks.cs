using System.Threading;
using System.Threading.Tasks;

namespace Lifeline.Hosting;

/// <summary>Task helpers the older targets lack.</summary>
internal static class Tasks
{
    /// <summary>Completes with <paramref name="task"/>, or is cancelled when <paramref name="cancellationToken"/> fires first.</summary>
    public static async Task WaitAsync(Task task, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        await task.WaitAsync(cancellationToken).ConfigureAwait(false);
#else
        if (!cancellationToken.CanBeCanceled || task.IsCompleted)
        {
            await task.ConfigureAwait(false);
            return;
        }

        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
            {
                throw new System.OperationCanceledException(cancellationToken);
            }
        }

        await task.ConfigureAwait(false);
#endif
    }
}
