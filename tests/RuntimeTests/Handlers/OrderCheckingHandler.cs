using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Lifeline.RuntimeTests.Messages;
using NetMQ;

namespace Lifeline.RuntimeTests.Handlers;

/// <summary>
/// ValueTask handler methods that give the thread away before looking at what they were given, and write down
/// everything that breaks the host's promises: overlapping calls, a message seen before its peer's
/// OnPeerConnected completed, content that changed or belongs to another peer.
/// </summary>
[LifelineHandler]
public partial class OrderCheckingHandler
{
    private readonly Dictionary<PeerId, int> _connected = [];
    private int _active;

    /// <summary>Each completed call: the peer's index (its hello's Version) and what it was.</summary>
    internal Journal<(int Index, string What)> Calls { get; } = new();

    internal Journal<string> Violations { get; } = new();

    /// <summary>No handler call is under way (none is waiting for a timer or for the poller).</summary>
    internal bool Idle => Volatile.Read(ref _active) == 0;

    private async ValueTask OnPeerConnected(PeerId peer, ClientHello hello)
    {
        Enter("OnPeerConnected");
        try
        {
            await Pause(hello.Version);
            lock (_connected)
            {
                if (!_connected.TryAdd(peer, hello.Version))
                {
                    Violations.Add($"second hello from {peer} ({hello.Name})");
                }
            }

            Calls.Add((hello.Version, "hello"));
        }
        finally
        {
            Leave();
        }
    }

    private async ValueTask OnMessage(PeerId peer, NetMQMessage message)
    {
        Enter("OnMessage");
        try
        {
            var index = IndexOf(peer, "a message");
            var before = message.First.ConvertToString();
            await Pause(index);
            var after = message.First.ConvertToString();
            if (after != before)
            {
                Violations.Add($"the message of {peer} changed under a pending handler: {before} became {after}");
            }

            var parts = after.Split(':');
            if (parts.Length != 2 || int.Parse(parts[0], CultureInfo.InvariantCulture) != index)
            {
                Violations.Add($"peer {peer} (index {index}) was given {after}");
                return;
            }

            Calls.Add((index, "m" + parts[1]));
        }
        finally
        {
            Leave();
        }
    }

    private async ValueTask OnPeerDisconnected(PeerId peer, ClientHello hello, ClientGone gone)
    {
        Enter("OnPeerDisconnected");
        try
        {
            var index = IndexOf(peer, "its disconnect");
            await Pause(index);
            if (index != hello.Version)
            {
                Violations.Add($"peer {peer} said hello as {index} and left as {hello.Version}");
            }

            lock (_connected)
            {
                _connected.Remove(peer);
            }

            Calls.Add((hello.Version, "bye"));
        }
        finally
        {
            Leave();
        }
    }

    // Always yields; now and then also waits on a timer, so that the continuation comes back from elsewhere.
    private static async Task Pause(int index)
    {
        await Task.Yield();
        if (index % 10 == 3)
        {
            await Task.Delay(1);
        }
    }

    private int IndexOf(PeerId peer, string what)
    {
        lock (_connected)
        {
            if (_connected.TryGetValue(peer, out var index))
            {
                return index;
            }
        }

        Violations.Add($"{what} from {peer} started before its OnPeerConnected completed");
        return -1;
    }

    private void Enter(string handler)
    {
        if (Interlocked.Increment(ref _active) != 1)
        {
            Violations.Add($"{handler} started while another handler was pending");
        }
    }

    private void Leave() => Interlocked.Decrement(ref _active);
}
