using System;
using System.Collections.Generic;
using NetMQ;

namespace Lifeline.Fuzzing;

/// <summary>A hello with strings, collections, a nested record and a nullable member.</summary>
[HelloMessage(Id = 0x5001)]
public partial record FuzzHello(string Name, int Version, List<string> Tags, Dictionary<string, int> Limits, FuzzPart Part);

/// <summary>A nested, recursive part.</summary>
[MessagePart]
public partial record FuzzPart(double Value, FuzzPart? Next);

/// <summary>A disconnect with text-encoded members.</summary>
[DisconnectMessage(Id = 0x5002)]
public partial record FuzzGone(string Reason, Guid Id, DateTimeOffset At);

/// <summary>Every handler kind, doing a little work with what it gets.</summary>
[LifelineHandler]
public partial class FuzzHandler
{
    public int Events { get; private set; }

    private void OnPeerConnected(PeerId peer, FuzzHello hello) => Events += hello.Tags.Count + hello.Limits.Count;

    private void OnPeerDisconnected(PeerId peer, FuzzHello hello, FuzzGone gone) => Events += gone.Reason.Length;

    private void OnUnknownPeerDisconnected(PeerId peer, FuzzGone gone) => Events++;

    private void OnMessage(PeerId peer, NetMQMessage message) => Events += message.FrameCount;

    private void OnMalformedFrame(PeerId peer, MalformedFrame error) => Events += error.Detail.Length > 0 ? 1 : throw new InvalidOperationException("a malformed frame without a detail");
}
