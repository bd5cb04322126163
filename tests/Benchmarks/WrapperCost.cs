using System;
using System.Diagnostics;
using NetMQ;

namespace Lifeline.Benchmarks;

/// <summary>
/// What the hosting layer's handler wrapper adds per application message, without sockets: the generated handler
/// called directly, through the wrapper of a hub that takes an <see cref="Lifeline.Hosting.ILifelineContext"/>, and of
/// one that does not. Each call makes a new PeerId, as a ROUTER's receive does.
/// </summary>
public static class WrapperCost
{
    public static void Run()
    {
        var signal = new RoundSignal { ExpectedMessages = int.MaxValue, ExpectedDepartures = int.MaxValue };
        ILifelineHandler direct = new GatedHub(signal);
        var telemetry = new Lifeline.Hosting.HubTelemetry("x", Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, new Lifeline.Hosting.LifelineMetrics(null));
        ILifelineHandler wrapped = new Lifeline.Hosting.ObservedHandler(new GatedHub(signal), new Lifeline.Hosting.HubContext(new Lifeline.Hosting.SendQueue(telemetry)), telemetry);
        ILifelineHandler bare = new Lifeline.Hosting.ObservedHandler(new GatedHub(signal), new Lifeline.Hosting.HubContext(new Lifeline.Hosting.SendQueue(telemetry)), telemetry, messagesNeedContext: false);
        var message = new NetMQMessage();
        message.Append(new byte[64]);
        const int n = 20_000_000;
        for (var round = 0; round < 5; round++)
        {
            var d = Time(direct, message, n);
            var w = Time(wrapped, message, n);
            var b = Time(bare, message, n);
            Console.WriteLine($"direct {d * 1e9 / n:F2} ns, wrapped {w * 1e9 / n:F2} ns, wrapped without context {b * 1e9 / n:F2} ns per message");
        }
    }

    private static double Time(ILifelineHandler handler, NetMQMessage message, int n)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            var peer = PeerId.FromBytes(new byte[] { 0, 1, 2, 3, (byte)i });
            handler.OnMessageAsync(peer, message, NotLifecycleReason.None);
        }

        return clock.Elapsed.TotalSeconds;
    }
}
