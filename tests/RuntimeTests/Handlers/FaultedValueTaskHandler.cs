using System;
using System.Threading.Tasks;
using Lifeline.RuntimeTests.Messages;
using NetMQ;

namespace Lifeline.RuntimeTests.Handlers;

/// <summary>ValueTask handler methods that return an already faulted ValueTask where the script says: no throw, no await.</summary>
[LifelineHandler]
public partial class FaultedValueTaskHandler
{
    private readonly FaultScript _script;

    internal FaultedValueTaskHandler(FaultScript script) => _script = script;

    private ValueTask OnPeerConnected(PeerId peer, ClientHello hello) =>
        Faulted(() => _script.Hit("OnPeerConnected", peer, hello.Name, hello.Name == FaultScript.BadName));

    private ValueTask OnMessage(PeerId peer, NetMQMessage message)
    {
        var text = message.First.ConvertToString();
        return Faulted(() => _script.Hit("OnMessage", peer, text, text == FaultScript.Boom));
    }

    private ValueTask OnPeerDisconnected(PeerId peer, ClientHello hello, ClientGone gone) =>
        Faulted(() => _script.Hit("OnPeerDisconnected", peer, hello.Name, hello.Name == FaultScript.BadName));

    private ValueTask OnUnknownPeerDisconnected(PeerId peer, ClientGone gone) =>
        Faulted(() => _script.Hit("OnUnknownPeerDisconnected", peer, gone.Reason, bad: false));

    private ValueTask OnMalformedFrame(PeerId peer, MalformedFrame error) =>
        Faulted(() => _script.Hit("OnMalformedFrame", peer, error.Reason.ToString(), bad: true));

    private static ValueTask Faulted(Action call)
    {
        try
        {
            call();
            return ValueTask.CompletedTask;
        }
        catch (InvalidOperationException exception)
        {
            return ValueTask.FromException(exception);
        }
    }
}
