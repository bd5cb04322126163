using System;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline;

/// <summary>
/// One line to make a peer that hangs without closing (a stopped process, a dead host) count as disconnected:
/// NetMQ only notices such peers through ZMTP heartbeats, and then generates the disconnect message.
/// </summary>
public static class LifelineHeartbeats
{
    /// <summary>
    /// Pings every peer each <paramref name="interval"/>; a peer silent for <paramref name="timeout"/> (default three
    /// intervals) is dropped, which generates the disconnect message. Call before Connect or Bind.
    /// </summary>
    /// <param name="socket">A ROUTER, DEALER, PEER or other NetMQ socket.</param>
    /// <param name="interval">How often to ping, for example one second.</param>
    /// <param name="timeout">How long a peer may stay silent; three intervals when omitted.</param>
    public static void UseHeartbeats(this NetMQSocket socket, TimeSpan interval, TimeSpan? timeout = null)
    {
        Guard.NotNull(socket);
        var limit = Validate(interval, timeout);
        socket.Options.HeartbeatInterval = interval;
        socket.Options.HeartbeatTimeout = limit;
        socket.Options.HeartbeatTtl = limit;
    }

    /// <summary>The same for a SERVER socket.</summary>
    /// <param name="socket">The SERVER.</param>
    /// <param name="interval">How often to ping.</param>
    /// <param name="timeout">How long a client may stay silent; three intervals when omitted.</param>
    public static void UseHeartbeats(this ServerSocket socket, TimeSpan interval, TimeSpan? timeout = null)
    {
        Guard.NotNull(socket);
        var limit = Validate(interval, timeout);
        socket.Options.HeartbeatInterval = interval;
        socket.Options.HeartbeatTimeout = limit;
        socket.Options.HeartbeatTtl = limit;
    }

    private static TimeSpan Validate(TimeSpan interval, TimeSpan? timeout)
    {
        Guard.Positive(interval);
        var limit = timeout ?? TimeSpan.FromTicks(interval.Ticks * 3);
        if (limit < interval)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), limit, "the timeout must be at least the interval");
        }

        return limit;
    }
}
