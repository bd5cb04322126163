using System.Threading.Tasks;
using Lifeline.Hosting;
using Lifeline.HostingTests.Infrastructure;
using Microsoft.Extensions.Logging;
using NetMQ;

namespace Lifeline.HostingTests.Hubs;

/// <summary>
/// A server hub activated from DI: writes every event to the journal (a singleton), answers "echo" through its context
/// and "who" with the hello the context knows, and throws on "throw".
/// </summary>
[LifelineHandler]
public sealed partial class JournalHub(Journal journal, ILifelineContext context, ILogger<JournalHub> logger)
{
    public ILogger Logger { get; } = logger;

    private void OnPeerConnected(PeerId peer, WorkerHello hello) => journal.Write($"connected {peer} {hello.Name} {context.Peer == peer}");

    private void OnPeerConnected(PeerId peer, MonitorHello hello) => journal.Write($"monitor {peer} {hello.Name}");

    private void OnPeerDisconnected(PeerId peer, WorkerHello hello, WorkerGone gone) =>
        journal.Write($"disconnected {peer} {hello.Name} {gone.Reason} {(context.TryGetHello<WorkerHello>(out var known) ? known.Name : "?")}");

    private void OnPeerDisconnected(PeerId peer, WorkerGone gone) => journal.Write($"gone {peer} {gone.Reason}");

    private void OnUnknownPeerDisconnected(PeerId peer, WorkerGone gone) => journal.Write($"unknown-gone {peer}");

    private async ValueTask OnMessage(PeerId peer, NetMQMessage message)
    {
        var text = message.First.ConvertToString();
        switch (text)
        {
            case "echo":
                var result = await context.ReplyAsync(message.Last.ToByteArray());
                journal.Write($"echoed {peer} {result}");
                break;
            case "who":
                var name = context.TryGetHello<WorkerHello>(out var hello) ? hello.Name : "nobody";
                await context.ReplyAsync(System.Text.Encoding.UTF8.GetBytes(name));
                break;
            case "off-thread":
                // Away from the socket's thread the context answers from a presence snapshot, and replies queue.
                await Task.Delay(1).ConfigureAwait(false);
                var who = context.TryGetHello<WorkerHello>(out var known) ? known.Name : "nobody";
                var queued = await context.ReplyAsync(System.Text.Encoding.UTF8.GetBytes($"{who} from thread {System.Environment.CurrentManagedThreadId}"));
                journal.Write($"off-thread {peer} {queued}");
                break;
            case "throw":
                journal.Write($"throwing {peer}");
                throw new System.InvalidOperationException("handler bug");
            default:
                journal.Write($"message {peer} {text}");
                break;
        }
    }

    private void OnMalformedFrame(PeerId peer, MalformedFrame error) => journal.Write($"malformed {peer} {error.Reason}");
}
