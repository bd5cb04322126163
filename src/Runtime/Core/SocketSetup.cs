using System;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline;

/// <summary>The socket options a host relies on, set in one place.</summary>
internal static class SocketSetup
{
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
    /// the application set keeps it.
    /// </summary>
    /// <returns>True when the host set the limit (and may move it with its frame limit).</returns>
    public static bool BoundMessageSize(NetMQSocket socket, int maxFrameSize, bool hostOwned)
    {
        if (!hostOwned && socket.Options.MaxMsgSize >= 0)
        {
            return false;
        }

        socket.Options.MaxMsgSize = maxFrameSize;
        return true;
    }

    /// <inheritdoc cref="BoundMessageSize(NetMQSocket, int, bool)"/>
    public static void BoundMessageSize(ServerSocket socket, int maxFrameSize)
    {
        if (socket.Options.MaxMsgSize < 0)
        {
            socket.Options.MaxMsgSize = maxFrameSize;
        }
    }

    /// <inheritdoc cref="BoundMessageSize(NetMQSocket, int, bool)"/>
    public static void BoundMessageSize(ClientSocket socket, int maxFrameSize)
    {
        if (socket.Options.MaxMsgSize < 0)
        {
            socket.Options.MaxMsgSize = maxFrameSize;
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
