using System;
using NetMQ.Sockets;

namespace Lifeline;

/// <summary>
/// Typed lifecycle options, defined only on the socket types on which NetMQ honours them: a call on any
/// other socket type does not compile.
/// </summary>
/// <remarks>
/// Call them before <c>Connect</c> or <c>Bind</c>. NetMQ arms the hello when a connection's session is
/// created (at <c>Connect</c>, or at each accept for a bound socket), so a hello set afterwards is not
/// sent on connections that already exist; and over inproc a disconnect message changed after a peer
/// connected is not used for that peer. A disconnect message is sealed with a secret of the socket, so that a peer
/// cannot send one that the socket's host would take for a departure.
/// </remarks>
public static partial class LifelineSocketExtensions
{
    /// <summary>Sends <paramref name="hello"/> to every peer this DEALER connects to, as the first message.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket; not yet connected or bound.</param>
    /// <param name="hello">The hello to send.</param>
    public static void SetHelloMessage<T>(this DealerSocket socket, T hello) where T : IHelloMessage<T>
    {
        Guard.NotNull(socket);
        socket.Options.HelloMessage = Encode(hello);
    }

    /// <summary>Sends <paramref name="hello"/> to every peer of this ROUTER, as the first message.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket; not yet connected or bound.</param>
    /// <param name="hello">The hello to send.</param>
    public static void SetHelloMessage<T>(this RouterSocket socket, T hello) where T : IHelloMessage<T>
    {
        Guard.NotNull(socket);
        socket.Options.HelloMessage = Encode(hello);
    }

    /// <summary>Sends <paramref name="hello"/> to every peer of this PEER socket, as the first message.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket; not yet connected or bound.</param>
    /// <param name="hello">The hello to send.</param>
    public static void SetHelloMessage<T>(this PeerSocket socket, T hello) where T : IHelloMessage<T>
    {
        Guard.NotNull(socket);
        socket.Options.HelloMessage = Encode(hello);
    }

    /// <summary>Sends <paramref name="hello"/> to the server this CLIENT connects to, as the first message.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket; not yet connected or bound.</param>
    /// <param name="hello">The hello to send.</param>
    public static void SetHelloMessage<T>(this ClientSocket socket, T hello) where T : IHelloMessage<T>
    {
        Guard.NotNull(socket);
        socket.Options.HelloMessage = Encode(hello);
    }

    /// <summary>Sends <paramref name="hello"/> to every client of this SERVER, as the first message.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket; not yet connected or bound.</param>
    /// <param name="hello">The hello to send.</param>
    public static void SetHelloMessage<T>(this ServerSocket socket, T hello) where T : IHelloMessage<T>
    {
        Guard.NotNull(socket);
        socket.Options.HelloMessage = Encode(hello);
    }

    /// <summary>Makes this ROUTER receive <paramref name="message"/>, behind the peer's routing id, when a peer goes away.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket; not yet connected or bound.</param>
    /// <param name="message">The message the socket generates for itself.</param>
    public static void SetDisconnectMessage<T>(this RouterSocket socket, T message) where T : IDisconnectMessage<T>
    {
        Guard.NotNull(socket);
        socket.Options.DisconnectMessage = EncodeSealed(socket, message);
    }

    /// <summary>Makes this PEER socket receive <paramref name="message"/>, behind the peer's routing id, when a peer goes away.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket; not yet connected or bound.</param>
    /// <param name="message">The message the socket generates for itself.</param>
    public static void SetDisconnectMessage<T>(this PeerSocket socket, T message) where T : IDisconnectMessage<T>
    {
        Guard.NotNull(socket);
        socket.Options.DisconnectMessage = EncodeSealed(socket, message);
    }

    /// <summary>Makes this SERVER receive <paramref name="message"/>, with the peer's routing id, when a client goes away.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket; not yet connected or bound.</param>
    /// <param name="message">The message the socket generates for itself.</param>
    public static void SetDisconnectMessage<T>(this ServerSocket socket, T message) where T : IDisconnectMessage<T>
    {
        Guard.NotNull(socket);
        socket.Options.DisconnectMessage = EncodeSealed(socket, message);
    }

    // Sealed with the socket's own secret: only this socket can produce a disconnect it believes (docs/wire-format.md).
    private static byte[] EncodeSealed<T>(object socket, T message) where T : IDisconnectMessage<T>
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        return LifelineFrame.EncodeSealed(message, SocketSeals.For(socket));
    }

    private static byte[] Encode<T>(T message) where T : ILifelineMessage<T>
    {
        if (message is null)
        {
            // NetMQ treats null as "off"; a typed API that silently turned the option off would hide a bug.
            throw new ArgumentNullException(nameof(message));
        }

        return LifelineFrame.Encode(message);
    }
}
