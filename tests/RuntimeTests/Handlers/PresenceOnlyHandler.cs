using System.Collections.Generic;
using System.Linq;
using Lifeline.RuntimeTests.Messages;
using NetMQ;

namespace Lifeline.RuntimeTests.Handlers;

/// <summary>
/// A handler that cares about hellos and data only: no disconnect method, no malformed-frame method. Presence must
/// still end with each connection. Used from the thread that pumps its host.
/// </summary>
[LifelineHandler]
public partial class PresenceOnlyHandler
{
    public List<(PeerId Peer, string Name)> Connected { get; } = [];

    public List<(PeerId Peer, byte[][] Frames, NotLifecycleReason Reason)> Messages { get; } = [];

    private void OnPeerConnected(PeerId peer, ClientHello hello) => Connected.Add((peer, hello.Name));

    private void OnMessage(PeerId peer, NetMQMessage message, NotLifecycleReason reason) =>
        Messages.Add((peer, message.Select(frame => frame.ToByteArray()).ToArray(), reason));
}
