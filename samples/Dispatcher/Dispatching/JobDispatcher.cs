using System.Threading.Tasks;
using Lifeline.Hosting;

namespace Dispatcher.Dispatching;

/// <summary>
/// Hands waiting jobs to idle workers through the hosted socket's sender: from the hub's handlers (on the socket's
/// thread, where a send goes out at once) and from the scenario's thread (through the sender's bounded queue).
/// </summary>
public sealed class JobDispatcher(JobBoard board, ILifelineSender<DispatcherHub> sender)
{
    public async Task PumpAsync()
    {
        while (board.TryAssign(out var peer, out var job))
        {
            var result = await sender.SendAsync(peer, job.ToMessage());
            if (result != LifelineSendResult.Sent)
            {
                // The worker left in between, or the socket is stopping: the job waits for the next worker.
                board.Unassign(peer, job);
                return;
            }
        }
    }
}
