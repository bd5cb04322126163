using System;
using System.Diagnostics.CodeAnalysis;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline;

/// <summary>
/// Receive-and-classify in one call, per socket type, so the routing id is taken from the right place.
/// Each waits at most <c>timeout</c> and returns false when nothing arrived. A reader follows one socket.
/// </summary>
public static class LifelineReceiveExtensions
{
    /// <summary>Receives one message from a ROUTER and classifies it.</summary>
    /// <param name="reader">The reader of this socket.</param>
    /// <param name="socket">The ROUTER.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="result">The classification, with the routing id as the peer.</param>
    /// <param name="message">The whole message (routing id first), for application data.</param>
    /// <returns>True when a message arrived.</returns>
    public static bool TryReceive(this LifelineReader reader, RouterSocket socket, TimeSpan timeout, out LifelineReadResult result, [NotNullWhen(true)] out NetMQMessage? message) =>
        TryReceiveMultipart(reader, socket, timeout, routed: true, out result, out message);

    /// <summary>Receives one message from a PEER socket and classifies it.</summary>
    /// <param name="reader">The reader of this socket.</param>
    /// <param name="socket">The PEER socket.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="result">The classification, with the routing id as the peer.</param>
    /// <param name="message">The whole message (routing id first), for application data.</param>
    /// <returns>True when a message arrived.</returns>
    public static bool TryReceive(this LifelineReader reader, PeerSocket socket, TimeSpan timeout, out LifelineReadResult result, [NotNullWhen(true)] out NetMQMessage? message) =>
        TryReceiveMultipart(reader, socket, timeout, routed: true, out result, out message);

    /// <summary>Receives one message from a DEALER and classifies it.</summary>
    /// <param name="reader">The reader of this socket.</param>
    /// <param name="socket">The DEALER.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="result">The classification.</param>
    /// <param name="message">The whole message, for application data.</param>
    /// <returns>True when a message arrived.</returns>
    /// <remarks>Without a host watching the connection, only the server's first hello is taken as a lifecycle event.</remarks>
    public static bool TryReceive(this LifelineReader reader, DealerSocket socket, TimeSpan timeout, out LifelineReadResult result, [NotNullWhen(true)] out NetMQMessage? message) =>
        TryReceiveMultipart(reader, socket, timeout, routed: false, out result, out message);

    /// <summary>Receives one message from a SERVER and classifies it.</summary>
    /// <param name="reader">The reader of this socket.</param>
    /// <param name="socket">The SERVER.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="result">The classification, with the numeric routing id as the peer.</param>
    /// <param name="payload">The message body, for application data.</param>
    /// <returns>True when a message arrived.</returns>
    public static bool TryReceive(this LifelineReader reader, ServerSocket socket, TimeSpan timeout, out LifelineReadResult result, [NotNullWhen(true)] out byte[]? payload)
    {
        Guard.NotNull(reader);
        Guard.NotNull(socket);
        var core = reader.CoreFor(socket, isRouted: true, () => SocketSetup.EnsureSealedDisconnect(socket));
        if (!socket.TryReceiveBytes(timeout, out var routingId, out payload))
        {
            result = default;
            return false;
        }

        result = LifelineReadResult.From(core.Classify(PeerId.FromRoutingId(routingId), payload));
        return true;
    }

    /// <summary>Receives one message from a CLIENT and classifies it.</summary>
    /// <param name="reader">The reader of this socket.</param>
    /// <param name="socket">The CLIENT.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="result">The classification.</param>
    /// <param name="payload">The message body, for application data.</param>
    /// <returns>True when a message arrived.</returns>
    public static bool TryReceive(this LifelineReader reader, ClientSocket socket, TimeSpan timeout, out LifelineReadResult result, [NotNullWhen(true)] out byte[]? payload)
    {
        Guard.NotNull(reader);
        Guard.NotNull(socket);
        var core = reader.CoreFor(socket, isRouted: false, static () => null);
        if (!socket.TryReceiveBytes(timeout, out payload))
        {
            result = default;
            return false;
        }

        result = LifelineReadResult.From(core.Classify(PeerId.None, payload));
        return true;
    }

    private static bool TryReceiveMultipart(LifelineReader reader, NetMQSocket socket, TimeSpan timeout, bool routed, out LifelineReadResult result, [NotNullWhen(true)] out NetMQMessage? message)
    {
        Guard.NotNull(reader);
        Guard.NotNull(socket);
        var core = reader.CoreFor(socket, routed, () => routed ? SocketSetup.EnsureSealedDisconnect(socket) : null);
        message = null;
        if (!socket.TryReceiveMultipartMessage(timeout, ref message))
        {
            result = default;
            return false;
        }

        if (!routed)
        {
            result = LifelineReadResult.From(core.Classify(PeerId.None, message));
            return true;
        }

        if (message.FrameCount < 2)
        {
            // A routed socket always delivers the id frame first; one frame alone is data we cannot attribute.
            result = new LifelineReadResult(ReadKind.ApplicationData, PeerId.None, null, null, 0);
            return true;
        }

        // Classified without the id frame, which stays in the message for replies.
        var id = message.Pop();
        var peer = PeerId.Wrap(id.ToByteArray());
        result = LifelineReadResult.From(core.Classify(peer, message));
        message.Push(id);
        return true;
    }
}
