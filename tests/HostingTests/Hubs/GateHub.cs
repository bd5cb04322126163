using System;
using System.Threading;
using System.Threading.Tasks;
using Lifeline.HostingTests.Infrastructure;
using NetMQ;

namespace Lifeline.HostingTests.Hubs;

/// <summary>Holds what a test wants held: "wait" pends asynchronously until released, "block" blocks the socket's thread.</summary>
public sealed class Gate
{
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualResetEventSlim Unblock { get; } = new();

    public ManualResetEventSlim Entered { get; } = new();
}

/// <summary>A hub whose handlers wait on the test's <see cref="Gate"/>.</summary>
[LifelineHandler]
public sealed partial class GateHub(Gate gate, Journal journal)
{
    private void OnPeerConnected(PeerId peer, WorkerHello hello) => journal.Write($"connected {peer} {hello.Name}");

    private async ValueTask OnMessage(PeerId peer, NetMQMessage message)
    {
        var text = message.First.ConvertToString();
        journal.Write($"started {text}");
        gate.Entered.Set();
        if (text == "wait")
        {
            await gate.Release.Task;
            await Task.Yield();
        }
        else if (text == "block")
        {
            gate.Unblock.Wait(Wait.Timeout);
        }

        journal.Write($"finished {text} {Environment.CurrentManagedThreadId}");
    }
}
