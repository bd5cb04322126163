using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Lifeline.Generator.Analyzers;

/// <summary>What NetMQ 4.0.4.5 does with a disconnect message set on a socket type.</summary>
internal enum DisconnectSupport
{
    /// <summary>The socket generates the message into its own receive queue when a peer goes away.</summary>
    Generated,

    /// <summary>NetMQ accepts the option (REP inherits ROUTER's flag) but never delivers the message.</summary>
    AcceptedNeverDelivered,

    /// <summary>Setting a non-null value throws <c>InvalidException</c>.</summary>
    Rejected,
}

/// <summary>What a socket's connection-string constructor does with an endpoint that has no '@' or '>' prefix.</summary>
internal enum ConnectionStringDefault
{
    /// <summary>The socket has no connection-string constructor.</summary>
    None,

    /// <summary>The endpoint is connected.</summary>
    Connect,

    /// <summary>The endpoint is bound.</summary>
    Bind,
}

/// <summary>One NetMQ socket class and what NetMQ 4.0.4.5 does with lifecycle messages and transports on it.</summary>
internal sealed class SocketCapability
{
    public SocketCapability(string className, string pattern, bool sendsHello, DisconnectSupport disconnect, bool carriesRoutingId, bool multicast, bool udp, ConnectionStringDefault connectionString, string? noHelloReason = null)
    {
        ClassName = className;
        Pattern = pattern;
        SendsHello = sendsHello;
        Disconnect = disconnect;
        CarriesRoutingId = carriesRoutingId;
        Multicast = multicast;
        Udp = udp;
        ConnectionString = connectionString;
        NoHelloReason = noHelloReason;
    }

    /// <summary>The class in <c>NetMQ.Sockets</c>.</summary>
    public string ClassName { get; }

    /// <summary>The ZeroMQ pattern name, as in NetMQ's <c>ZmqSocketType</c> and the ZeroMQ guide (DEALER, PUSH…).</summary>
    public string Pattern { get; }

    /// <summary>NetMQ sends <c>Options.HelloMessage</c> to each new peer; on the other types it silently drops it.</summary>
    public bool SendsHello { get; }

    public DisconnectSupport Disconnect { get; }

    /// <summary>Received messages name the peer (a routing id frame, or the SERVER/PEER routing id).</summary>
    public bool CarriesRoutingId { get; }

    /// <summary>NetMQ accepts pgm:// and epgm:// endpoints; on the other types it throws ProtocolNotSupportedException.</summary>
    public bool Multicast { get; }

    /// <summary>NetMQ accepts udp:// endpoints; on the other types it throws ProtocolNotSupportedException.</summary>
    public bool Udp { get; }

    public ConnectionStringDefault ConnectionString { get; }

    /// <summary>Why a hello set on this type is never sent, when that is more than "it is not one of the hello senders".</summary>
    public string? NoHelloReason { get; }

    public override string ToString() => ClassName;
}

/// <summary>
/// The one table of socket capabilities. The analyzers read it, and a test holds the runtime's typed
/// <c>SetHelloMessage</c>/<c>SetDisconnectMessage</c> overloads and NetMQ itself to it.
/// </summary>
internal static class SocketCapabilities
{
    private const string RequestReply = "NetMQ clears the hello flag of the request-reply sockets";

    public static ImmutableArray<SocketCapability> All { get; } = ImmutableArray.Create(
    new SocketCapability[]
    {
        new SocketCapability("DealerSocket", "DEALER", sendsHello: true, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: false, udp: true, ConnectionStringDefault.Connect),
        new SocketCapability("RouterSocket", "ROUTER", sendsHello: true, DisconnectSupport.Generated, carriesRoutingId: true, multicast: false, udp: true, ConnectionStringDefault.Bind),
        new SocketCapability("ClientSocket", "CLIENT", sendsHello: true, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: false, udp: false, ConnectionStringDefault.None),
        new SocketCapability("ServerSocket", "SERVER", sendsHello: true, DisconnectSupport.Generated, carriesRoutingId: true, multicast: false, udp: false, ConnectionStringDefault.None),
        new SocketCapability("PeerSocket", "PEER", sendsHello: true, DisconnectSupport.Generated, carriesRoutingId: true, multicast: false, udp: false, ConnectionStringDefault.Connect),
        new SocketCapability("RequestSocket", "REQ", sendsHello: false, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: false, udp: true, ConnectionStringDefault.Connect, RequestReply),
        new SocketCapability("ResponseSocket", "REP", sendsHello: false, DisconnectSupport.AcceptedNeverDelivered, carriesRoutingId: false, multicast: false, udp: true, ConnectionStringDefault.Bind, RequestReply),
        new SocketCapability("PushSocket", "PUSH", sendsHello: false, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: false, udp: true, ConnectionStringDefault.Connect),
        new SocketCapability("PullSocket", "PULL", sendsHello: false, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: false, udp: true, ConnectionStringDefault.Bind),
        new SocketCapability("PublisherSocket", "PUB", sendsHello: false, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: true, udp: true, ConnectionStringDefault.Bind),
        new SocketCapability("SubscriberSocket", "SUB", sendsHello: false, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: true, udp: true, ConnectionStringDefault.Connect),
        new SocketCapability("XPublisherSocket", "XPUB", sendsHello: false, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: true, udp: true, ConnectionStringDefault.Bind),
        new SocketCapability("XSubscriberSocket", "XSUB", sendsHello: false, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: true, udp: true, ConnectionStringDefault.Connect),
        new SocketCapability("PairSocket", "PAIR", sendsHello: false, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: false, udp: true, ConnectionStringDefault.Connect),
        new SocketCapability("StreamSocket", "STREAM", sendsHello: false, DisconnectSupport.Rejected, carriesRoutingId: true, multicast: false, udp: false, ConnectionStringDefault.Connect),
        new SocketCapability("RadioSocket", "RADIO", sendsHello: false, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: false, udp: true, ConnectionStringDefault.None),
        new SocketCapability("DishSocket", "DISH", sendsHello: false, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: false, udp: true, ConnectionStringDefault.None),
        new SocketCapability("GatherSocket", "GATHER", sendsHello: false, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: false, udp: false, ConnectionStringDefault.None),
        new SocketCapability("ScatterSocket", "SCATTER", sendsHello: false, DisconnectSupport.Rejected, carriesRoutingId: false, multicast: false, udp: false, ConnectionStringDefault.None),
    });

    private static readonly Dictionary<string, SocketCapability> ByName = All.ToDictionary(c => c.ClassName);

    public static SocketCapability? Find(string className) => ByName.TryGetValue(className, out var capability) ? capability : null;

    /// <summary>"DealerSocket, RouterSocket, … and PeerSocket": the types that send a hello, for messages.</summary>
    public static string HelloSenders { get; } = List(All.Where(c => c.SendsHello));

    /// <summary>The types that generate disconnect messages, for messages.</summary>
    public static string DisconnectGenerators { get; } = List(All.Where(c => c.Disconnect == DisconnectSupport.Generated));

    /// <summary>The types that accept pgm and epgm, for messages.</summary>
    public static string MulticastTypes { get; } = List(All.Where(c => c.Multicast));

    /// <summary>Why NetMQ sends no hello from <paramref name="socket"/>, for messages.</summary>
    public static string WhyNoHello(SocketCapability socket) =>
        socket.NoHelloReason ?? $"NetMQ sends hello messages only from {HelloSenders}";

    private static string List(IEnumerable<SocketCapability> sockets)
    {
        var names = sockets.Select(c => c.ClassName).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
    }
}
