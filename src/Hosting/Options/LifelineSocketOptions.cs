using System;
using System.Collections.Generic;
using NetMQ;

namespace Lifeline.Hosting;

/// <summary>
/// What a hosted Lifeline socket is and may spend: its endpoints, its hello, heartbeats, size limits, the bound on
/// queued sends and CURVE keys. Every property binds from configuration (for example
/// <c>AddLifelineRouter&lt;Hub&gt;().BindConfiguration("Lifeline:Hub")</c>); records are set in code with
/// <see cref="SetHello{T}(T)"/>. Every bound has a default that is safe against a hostile peer.
/// </summary>
public abstract class LifelineSocketOptions
{
    /// <summary>The frame limit by default: 64 KiB, as <see cref="LifelineLimits.Default"/>.</summary>
    public const int DefaultMaxFrameSize = 64 * 1024;

    /// <summary>The send queue's capacity by default: 1,024 messages waiting for the socket's thread.</summary>
    public const int DefaultSendQueueCapacity = 1024;

    /// <summary>Endpoints to bind, for example <c>tcp://127.0.0.1:5555</c>, <c>tcp://*:5555</c> or <c>inproc://jobs</c>.</summary>
    public List<string> Bind { get; set; } = [];

    /// <summary>Endpoints to connect to. A DEALER host connects to exactly one server (see the reliability notes).</summary>
    public List<string> Connect { get; set; } = [];

    /// <summary>
    /// ZMTP heartbeat interval: a peer that hangs without closing (a stopped process, a lost host) is only noticed
    /// through heartbeats. Null (the default) leaves them off.
    /// </summary>
    public TimeSpan? HeartbeatInterval { get; set; }

    /// <summary>How long a peer may stay silent once heartbeats are on; three intervals when null.</summary>
    public TimeSpan? HeartbeatTimeout { get; set; }

    /// <summary>
    /// Lifecycle frames longer than this are reported as malformed, never decoded (default 64 KiB). Unless
    /// <see cref="MaxMessageSize"/> is set, NetMQ's <c>MaxMsgSize</c> is set to it too, so a peer sending a larger
    /// frame of any kind is dropped before NetMQ buffers it.
    /// </summary>
    public int MaxFrameSize { get; set; } = DefaultMaxFrameSize;

    /// <summary>
    /// NetMQ's <c>MaxMsgSize</c>: the largest frame of any kind a peer may send before its connection is dropped.
    /// Null (the default) means <see cref="MaxFrameSize"/>; raise it for large application messages from trusted peers.
    /// </summary>
    public long? MaxMessageSize { get; set; }

    /// <summary>
    /// How many sends from other threads may wait for the socket's thread (default 1,024). A send beyond it returns
    /// <see cref="LifelineSendResult.QueueFull"/> at once: a caller is never blocked and memory never grows unbounded.
    /// </summary>
    public int SendQueueCapacity { get; set; } = DefaultSendQueueCapacity;

    /// <summary>
    /// Messages NetMQ queues per peer before a send to it returns <see cref="LifelineSendResult.PeerBusy"/>
    /// (default 1,000, NetMQ's own).
    /// </summary>
    public int SendHighWatermark { get; set; } = 1000;

    /// <summary>Messages NetMQ queues per peer before it stops reading from that peer (default 1,000, NetMQ's own).</summary>
    public int ReceiveHighWatermark { get; set; } = 1000;

    /// <summary>How long the closing socket may still try to deliver what it queued (default 1 s; never unbounded).</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the present peers are logged, by hello type; null (the default) never.</summary>
    public TimeSpan? PresenceLogInterval { get; set; }

    /// <summary>
    /// How many warnings a peer can make the host log per second (malformed frames, full queues, busy peers); the rest
    /// are counted in metrics and summed up in one line each second. Default 10.
    /// </summary>
    public int MaxWarningsPerSecond { get; set; } = 10;

    /// <summary>Handler faults in one minute above which the health check reports Degraded (default 10).</summary>
    public int HealthyFaultsPerMinute { get; set; } = 10;

    /// <summary>CURVE encryption and authentication; off unless keys are set.</summary>
    public LifelineCurveOptions Curve { get; set; } = new();

    /// <summary>
    /// Whether the <see cref="NetMQMessage"/> passed to <c>OnMessage</c> is reused for the next receive (default true,
    /// as <see cref="LifelineSocketHost.ReusesMessages"/>).
    /// </summary>
    public bool ReusesMessages { get; set; } = true;

    /// <summary>Any other NetMQ option, applied to the new socket after the options above and before Bind or Connect.</summary>
    public Action<NetMQSocket>? ConfigureSocket { get; set; }

    internal Func<IServiceProvider, byte[]>? HelloFrame { get; private set; }

    /// <summary>Sends <paramref name="hello"/> to every peer as the first message of each connection.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="hello">The hello.</param>
    public void SetHello<T>(T hello) where T : IHelloMessage<T>
    {
        if (hello is null)
        {
            throw new ArgumentNullException(nameof(hello));
        }

        var frame = LifelineFrame.Encode(hello);
        HelloFrame = _ => frame;
    }

    /// <summary>Sends the hello <paramref name="factory"/> makes when the socket is created, from the host's services.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="factory">Makes the hello.</param>
    public void SetHello<T>(Func<IServiceProvider, T> factory) where T : IHelloMessage<T>
    {
        if (factory is null)
        {
            throw new ArgumentNullException(nameof(factory));
        }

        HelloFrame = services => LifelineFrame.Encode(factory(services));
    }
}
