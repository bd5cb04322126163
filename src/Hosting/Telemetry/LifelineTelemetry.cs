namespace Lifeline.Hosting;

/// <summary>
/// The names hosted sockets report under: the meter, its instruments and their tags, in OpenTelemetry
/// semantic-convention style (dotted lower-case names, UCUM units, durations in seconds). docs/observability.md
/// lists each with its unit and tags.
/// </summary>
public static class LifelineTelemetry
{
    /// <summary>The meter every hosted socket reports to: <c>Lifeline</c>.</summary>
    public const string MeterName = "Lifeline";

    /// <summary>The logging category of hosted sockets: <c>Lifeline.Hosting</c>.</summary>
    public const string LogCategory = "Lifeline.Hosting";

    /// <summary>Up-down counter, <c>{peer}</c>: peers present now (said hello, not yet left), by hello type. On a DEALER, its server.</summary>
    public const string PeersConnected = "lifeline.peers.connected";

    /// <summary>Counter, <c>{hello}</c>: hellos taken as connections, by hello type (a DEALER's server hellos included).</summary>
    public const string Hellos = "lifeline.hellos";

    /// <summary>Counter, <c>{disconnect}</c>: departures of peers that had said hello, by hello type.</summary>
    public const string Disconnects = "lifeline.disconnects";

    /// <summary>Counter, <c>{disconnect}</c>: departures of peers that never said hello (NetMQ reports some of its own).</summary>
    public const string UnknownPeerDisconnects = "lifeline.disconnects.unknown_peer";

    /// <summary>Counter, <c>{frame}</c>: hellos that could not be read, by <see cref="MalformedReasonTag"/>.</summary>
    public const string MalformedFrames = "lifeline.frames.malformed";

    /// <summary>Counter, <c>{fault}</c>: handler exceptions and contained NetMQ faults, by <see cref="HandlerTag"/>.</summary>
    public const string HandlerFaults = "lifeline.handler.faults";

    /// <summary>Observable counter, <c>{message}</c>: application messages received and dispatched.</summary>
    public const string MessagesReceived = "lifeline.messages.received";

    /// <summary>Counter, <c>{message}</c>: sends through the sender or a context, by <see cref="SendResultTag"/>.</summary>
    public const string Sends = "lifeline.sends";

    /// <summary>Histogram, <c>s</c>: how long handler calls took (to completion, for asynchronous ones), by <see cref="HandlerTag"/>.</summary>
    public const string DispatchDuration = "lifeline.dispatch.duration";

    /// <summary>Counter, <c>{connection}</c>: a DEALER's connections to its server after the first.</summary>
    public const string Reconnects = "lifeline.reconnects";

    /// <summary>Observable up-down counter, <c>{message}</c>: sends waiting for the socket's thread.</summary>
    public const string SendQueueSize = "lifeline.send.queue.size";

    /// <summary>Tag on every instrument: the handler class's name.</summary>
    public const string HubTag = "lifeline.hub";

    /// <summary>Tag: the hello record's type name.</summary>
    public const string HelloTypeTag = "lifeline.hello.type";

    /// <summary>Tag: the handler method, for example <c>OnMessage</c>.</summary>
    public const string HandlerTag = "lifeline.handler";

    /// <summary>Tag: a <see cref="MalformedReason"/> in snake case, for example <c>invalid_body</c>.</summary>
    public const string MalformedReasonTag = "lifeline.malformed.reason";

    /// <summary>Tag: a <see cref="LifelineSendResult"/> in snake case, for example <c>unknown_peer</c>.</summary>
    public const string SendResultTag = "lifeline.send.result";
}
