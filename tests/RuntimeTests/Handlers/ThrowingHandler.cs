using Lifeline.RuntimeTests.Messages;
using NetMQ;

namespace Lifeline.RuntimeTests.Handlers;

/// <summary>Synchronous (void) handler methods that throw where the script says.</summary>
[LifelineHandler]
public partial class ThrowingHandler
{
    private readonly FaultScript _script;

    internal ThrowingHandler(FaultScript script) => _script = script;

    private void OnPeerConnected(PeerId peer, ClientHello hello) =>
        _script.Hit("OnPeerConnected", peer, hello.Name, hello.Name == FaultScript.BadName);

    private void OnMessage(PeerId peer, NetMQMessage message)
    {
        var text = message.First.ConvertToString();
        _script.Hit("OnMessage", peer, text, text == FaultScript.Boom);
    }

    private void OnPeerDisconnected(PeerId peer, ClientHello hello, ClientGone gone) =>
        _script.Hit("OnPeerDisconnected", peer, hello.Name, hello.Name == FaultScript.BadName);

    private void OnUnknownPeerDisconnected(PeerId peer, ClientGone gone) =>
        _script.Hit("OnUnknownPeerDisconnected", peer, gone.Reason, bad: false);

    private void OnMalformedFrame(PeerId peer, MalformedFrame error) =>
        _script.Hit("OnMalformedFrame", peer, error.Reason.ToString(), bad: true);
}
