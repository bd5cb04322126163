using System.Threading.Tasks;
using Lifeline.RuntimeTests.Messages;
using NetMQ;

namespace Lifeline.RuntimeTests.Handlers;

/// <summary>ValueTask handler methods that yield first, then throw where the script says: the fault is asynchronous.</summary>
[LifelineHandler]
public partial class AsyncThrowingHandler
{
    private readonly FaultScript _script;

    internal AsyncThrowingHandler(FaultScript script) => _script = script;

    private async ValueTask OnPeerConnected(PeerId peer, ClientHello hello)
    {
        await Task.Yield();
        _script.Hit("OnPeerConnected", peer, hello.Name, hello.Name == FaultScript.BadName);
    }

    private async ValueTask OnMessage(PeerId peer, NetMQMessage message)
    {
        await Task.Yield();
        var text = message.First.ConvertToString();
        _script.Hit("OnMessage", peer, text, text == FaultScript.Boom);
    }

    private async ValueTask OnPeerDisconnected(PeerId peer, ClientHello hello, ClientGone gone)
    {
        await Task.Yield();
        _script.Hit("OnPeerDisconnected", peer, hello.Name, hello.Name == FaultScript.BadName);
    }

    private async ValueTask OnUnknownPeerDisconnected(PeerId peer, ClientGone gone)
    {
        await Task.Yield();
        _script.Hit("OnUnknownPeerDisconnected", peer, gone.Reason, bad: false);
    }

    private async ValueTask OnMalformedFrame(PeerId peer, MalformedFrame error)
    {
        await Task.Yield();
        _script.Hit("OnMalformedFrame", peer, error.Reason.ToString(), bad: true);
    }
}
