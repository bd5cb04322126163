using System;
using System.Runtime.CompilerServices;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline;

/// <summary>The socket options a host relies on, set in one place.</summary>
internal static class SocketSetup
{
    // The MaxMsgSize each socket last got from a host, to tell it from one the application set.
    private static readonly ConditionalWeakTable<object, StrongBox<long>> HostLimits = new();

    /// <summary>
    /// The seal of the socket's disconnect message. A routed socket whose application set none through
    /// <c>SetDisconnectMessage</c> gets one with no record in it, so that presence still ends with the connection.
    /// </summary>
    public static byte[] EnsureSealedDisconnect(NetMQSocket socket) =>
        EnsureSealedDisconnect(socket, frame => socket.Options.DisconnectMessage = frame);

    /// <inheritdoc cref="EnsureSealedDisconnect(NetMQSocket)"/>
    public static byte[] EnsureSealedDisconnect(ServerSocket socket) =>
        EnsureSealedDisconnect(socket, frame => socket.Options.DisconnectMessage = frame);

    /// <summary>
    /// Bounds what one frame from a peer can make NetMQ allocate. NetMQ's MaxMsgSize is unlimited by default: a frame
    /// header declaring 2 GiB makes it allocate 2 GiB before anything above it sees a byte. A socket whose MaxMsgSize
    /// the application set keeps it; one a host set earlier (an earlier host or stream on the same socket) is the
    /// hosts' to move.
    /// </summary>
    public static void BoundMessageSize(NetMQSocket socket, int maxFrameSize) =>
        Bound(socket, () => socket.Options.MaxMsgSize, value => socket.Options.MaxMsgSize = value, maxFrameSize);

    /// <inheritdoc cref="BoundMessageSize(NetMQSocket, int)"/>
    public static void BoundMessageSize(ServerSocket socket, int maxFrameSize) =>
        Bound(socket, () => socket.Options.MaxMsgSize, value => socket.Options.MaxMsgSize = value, maxFrameSize);

    /// <inheritdoc cref="BoundMessageSize(NetMQSocket, int)"/>
    public static void BoundMessageSize(ClientSocket socket, int maxFrameSize) =>
        Bound(socket, () => socket.Options.MaxMsgSize, value => socket.Options.MaxMsgSize = value, maxFrameSize);

    private static void Bound(object socket, Func<long> read, Action<long> write, int maxFrameSize)
    {
        var current = read();
        var setByHost = HostLimits.TryGetValue(socket, out var limit) && limit.Value == current;
        if (!setByHost && current >= 0)
        {
            return;
        }

        write(maxFrameSize);
        lock (HostLimits)
        {
            HostLimits.Remove(socket);
            HostLimits.Add(socket, new StrongBox<long>(maxFrameSize));
        }
    }

    private static byte[] EnsureSealedDisconnect(object socket, Action<byte[]> install)
    {
        var seal = SocketSeals.Find(socket);
        if (seal is null)
        {
            seal = SocketSeals.For(socket);
            install(LifelineFrame.EncodeSealedEmpty(seal));
        }

        return seal;
    }
}
