using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Lifeline.RuntimeTests.Messages;
using NetMQ;
using Xunit;

namespace Lifeline.RuntimeTests.Handlers;

/// <summary>A handler that writes every event it receives as a line, and lets the test wait for lines with a timeout.</summary>
[LifelineHandler]
public partial class RecordingHandler
{
    private readonly List<string> _events = [];
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds for the events so far, failing after the transport timeout.</summary>
    public IReadOnlyList<string> WaitUntil(Func<IReadOnlyList<string>, bool> done)
    {
        while (!done(Events))
        {
            Assert.True(_arrived.Wait(Network.Transports.Timeout), $"timed out; events so far:\n{string.Join('\n', Events)}");
        }

        return Events;
    }

    public IReadOnlyList<string> WaitForCount(int count) => WaitUntil(events => events.Count >= count);

    private void Record(string line)
    {
        lock (_events)
        {
            _events.Add(line);
        }

        _arrived.Release();
    }

    private void OnPeerConnected(PeerId peer, ClientHello hello) => Record($"connected {peer} {hello.Name}");

    private ValueTask OnPeerConnected(PeerId peer, WorkerHello hello)
    {
        Record($"worker {peer} {hello.Worker}");
        return ValueTask.CompletedTask;
    }

    private void OnPeerDisconnected(PeerId peer, ClientHello hello, ClientGone gone) => Record($"disconnected {peer} {hello.Name} {gone.Reason}");

    private void OnPeerDisconnected(PeerId peer, ClientGone gone) => Record($"worker-gone {peer} {gone.Reason}");

    private void OnUnknownPeerDisconnected(PeerId peer, ClientGone gone) => Record($"unknown-gone {peer} {gone.Reason}");

    private void OnConnected(ServerHello hello) => Record($"server {hello.Server}");

    private void OnReconnected(ServerHello hello) => Record($"server-again {hello.Server}");

    private void OnDisconnected() => Record("server-dropped");

    private void OnMessage(PeerId peer, NetMQMessage message, NotLifecycleReason reason) =>
        Record(reason == NotLifecycleReason.None ? $"message {peer} {message.First.ConvertToString()}" : $"lookalike {peer} {reason} {Convert.ToHexString(message.First.ToByteArray())}");

    private void OnMalformedFrame(PeerId peer, MalformedFrame error) => Record($"malformed {peer} {error.Reason}");
}
