using System;
using System.ComponentModel;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline;

// The socket types on which NetMQ drops or rejects a lifecycle option. Each overload exists only to turn a bare
// "no such method" (CS1929) into a compile error (CS0619) that says why; it never runs. The table they follow is
// the analyzers' SocketCapabilities, and a test holds the two together.
public static partial class LifelineSocketExtensions
{
    private const string BaseHello = "Whether NetMQ sends a hello depends on the socket class: call SetHelloMessage on the DealerSocket, RouterSocket, ClientSocket, ServerSocket or PeerSocket itself (cast to it where it is held as a base type).";
    private const string BaseDisconnect = "Whether NetMQ generates a disconnect message depends on the socket class: call SetDisconnectMessage on the RouterSocket, ServerSocket or PeerSocket itself (cast to it where it is held as a base type).";
    private const string HelloOnRequest = "NetMQ never sends a hello from a REQ socket: it clears the hello flag of the request-reply sockets. Say hello from a DealerSocket (to a RouterSocket in place of a ResponseSocket).";
    private const string DisconnectOnRequest = "NetMQ throws InvalidException for a disconnect message on a REQ socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away.";
    private const string HelloOnResponse = "NetMQ never sends a hello from a REP socket: it clears the hello flag of the request-reply sockets. Say hello from a DealerSocket (to a RouterSocket in place of a ResponseSocket).";
    private const string DisconnectOnResponse = "NetMQ accepts a disconnect message on a REP socket but never delivers it. Use a RouterSocket where peers' departures matter.";
    private const string HelloOnPush = "NetMQ never sends a hello from a PUSH socket: only DEALER, ROUTER, CLIENT, SERVER and PEER sockets send one. Say hello from a DealerSocket, RouterSocket, ClientSocket, ServerSocket or PeerSocket.";
    private const string DisconnectOnPush = "NetMQ throws InvalidException for a disconnect message on a PUSH socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away.";
    private const string HelloOnPull = "NetMQ never sends a hello from a PULL socket: only DEALER, ROUTER, CLIENT, SERVER and PEER sockets send one. Say hello from a DealerSocket, RouterSocket, ClientSocket, ServerSocket or PeerSocket.";
    private const string DisconnectOnPull = "NetMQ throws InvalidException for a disconnect message on a PULL socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away.";
    private const string HelloOnPublisher = "NetMQ never sends a hello from a PUB socket: only DEALER, ROUTER, CLIENT, SERVER and PEER sockets send one. Say hello from a DealerSocket, RouterSocket, ClientSocket, ServerSocket or PeerSocket.";
    private const string DisconnectOnPublisher = "NetMQ throws InvalidException for a disconnect message on a PUB socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away.";
    private const string HelloOnSubscriber = "NetMQ never sends a hello from a SUB socket: only DEALER, ROUTER, CLIENT, SERVER and PEER sockets send one. Say hello from a DealerSocket, RouterSocket, ClientSocket, ServerSocket or PeerSocket.";
    private const string DisconnectOnSubscriber = "NetMQ throws InvalidException for a disconnect message on a SUB socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away.";
    private const string HelloOnXPublisher = "NetMQ never sends a hello from a XPUB socket: only DEALER, ROUTER, CLIENT, SERVER and PEER sockets send one. Say hello from a DealerSocket, RouterSocket, ClientSocket, ServerSocket or PeerSocket.";
    private const string DisconnectOnXPublisher = "NetMQ throws InvalidException for a disconnect message on a XPUB socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away.";
    private const string HelloOnXSubscriber = "NetMQ never sends a hello from a XSUB socket: only DEALER, ROUTER, CLIENT, SERVER and PEER sockets send one. Say hello from a DealerSocket, RouterSocket, ClientSocket, ServerSocket or PeerSocket.";
    private const string DisconnectOnXSubscriber = "NetMQ throws InvalidException for a disconnect message on a XSUB socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away.";
    private const string HelloOnPair = "NetMQ never sends a hello from a PAIR socket: only DEALER, ROUTER, CLIENT, SERVER and PEER sockets send one. Say hello from a DealerSocket, RouterSocket, ClientSocket, ServerSocket or PeerSocket.";
    private const string DisconnectOnPair = "NetMQ throws InvalidException for a disconnect message on a PAIR socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away.";
    private const string HelloOnStream = "NetMQ never sends a hello from a STREAM socket: only DEALER, ROUTER, CLIENT, SERVER and PEER sockets send one. Say hello from a DealerSocket, RouterSocket, ClientSocket, ServerSocket or PeerSocket.";
    private const string DisconnectOnStream = "NetMQ throws InvalidException for a disconnect message on a STREAM socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away.";
    private const string HelloOnRadio = "NetMQ never sends a hello from a RADIO socket: only DEALER, ROUTER, CLIENT, SERVER and PEER sockets send one. Say hello from a DealerSocket, RouterSocket, ClientSocket, ServerSocket or PeerSocket.";
    private const string DisconnectOnRadio = "NetMQ throws InvalidException for a disconnect message on a RADIO socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away.";
    private const string HelloOnDish = "NetMQ never sends a hello from a DISH socket: only DEALER, ROUTER, CLIENT, SERVER and PEER sockets send one. Say hello from a DealerSocket, RouterSocket, ClientSocket, ServerSocket or PeerSocket.";
    private const string DisconnectOnDish = "NetMQ throws InvalidException for a disconnect message on a DISH socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away.";
    private const string HelloOnGather = "NetMQ never sends a hello from a GATHER socket: only DEALER, ROUTER, CLIENT, SERVER and PEER sockets send one. Say hello from a DealerSocket, RouterSocket, ClientSocket, ServerSocket or PeerSocket.";
    private const string DisconnectOnGather = "NetMQ throws InvalidException for a disconnect message on a GATHER socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away.";
    private const string HelloOnScatter = "NetMQ never sends a hello from a SCATTER socket: only DEALER, ROUTER, CLIENT, SERVER and PEER sockets send one. Say hello from a DealerSocket, RouterSocket, ClientSocket, ServerSocket or PeerSocket.";
    private const string DisconnectOnScatter = "NetMQ throws InvalidException for a disconnect message on a SCATTER socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away.";
    private const string DisconnectOnDealer = "NetMQ throws InvalidException for a disconnect message on a DEALER socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away. Set it on the socket that accepts the connections.";
    private const string DisconnectOnClient = "NetMQ throws InvalidException for a disconnect message on a CLIENT socket: only ROUTER, SERVER and PEER sockets generate one when a peer goes away. Set it on the socket that accepts the connections.";

    /// <summary>Does not compile: NetMQ never sends a hello from a REQ socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnRequest, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this RequestSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnRequest);

    /// <summary>Does not compile: NetMQ never sends a hello from a REP socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnResponse, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this ResponseSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnResponse);

    /// <summary>Does not compile: NetMQ never sends a hello from a PUSH socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnPush, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this PushSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnPush);

    /// <summary>Does not compile: NetMQ never sends a hello from a PULL socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnPull, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this PullSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnPull);

    /// <summary>Does not compile: NetMQ never sends a hello from a PUB socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnPublisher, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this PublisherSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnPublisher);

    /// <summary>Does not compile: NetMQ never sends a hello from a SUB socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnSubscriber, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this SubscriberSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnSubscriber);

    /// <summary>Does not compile: NetMQ never sends a hello from a XPUB socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnXPublisher, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this XPublisherSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnXPublisher);

    /// <summary>Does not compile: NetMQ never sends a hello from a XSUB socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnXSubscriber, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this XSubscriberSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnXSubscriber);

    /// <summary>Does not compile: NetMQ never sends a hello from a PAIR socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnPair, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this PairSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnPair);

    /// <summary>Does not compile: NetMQ never sends a hello from a STREAM socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnStream, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this StreamSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnStream);

    /// <summary>Does not compile: NetMQ never sends a hello from a RADIO socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnRadio, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this RadioSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnRadio);

    /// <summary>Does not compile: NetMQ never sends a hello from a DISH socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnDish, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this DishSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnDish);

    /// <summary>Does not compile: NetMQ never sends a hello from a GATHER socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnGather, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this GatherSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnGather);

    /// <summary>Does not compile: NetMQ never sends a hello from a SCATTER socket.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(HelloOnScatter, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this ScatterSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(HelloOnScatter);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a REQ socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnRequest, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this RequestSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnRequest);

    /// <summary>Does not compile: NetMQ never delivers a disconnect message on a REP socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnResponse, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this ResponseSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnResponse);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a PUSH socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnPush, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this PushSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnPush);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a PULL socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnPull, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this PullSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnPull);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a PUB socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnPublisher, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this PublisherSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnPublisher);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a SUB socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnSubscriber, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this SubscriberSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnSubscriber);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a XPUB socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnXPublisher, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this XPublisherSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnXPublisher);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a XSUB socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnXSubscriber, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this XSubscriberSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnXSubscriber);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a PAIR socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnPair, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this PairSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnPair);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a STREAM socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnStream, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this StreamSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnStream);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a RADIO socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnRadio, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this RadioSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnRadio);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a DISH socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnDish, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this DishSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnDish);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a GATHER socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnGather, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this GatherSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnGather);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a SCATTER socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnScatter, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this ScatterSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnScatter);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a DEALER socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnDealer, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this DealerSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnDealer);

    /// <summary>Does not compile: NetMQ throws for a disconnect message on a CLIENT socket.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(DisconnectOnClient, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this ClientSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(DisconnectOnClient);

    /// <summary>Does not compile: whether NetMQ sends a hello depends on the socket class.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(BaseHello, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this NetMQSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(BaseHello);

    /// <summary>Does not compile: whether NetMQ sends a hello depends on the socket class.</summary>
    /// <typeparam name="T">A record marked [HelloMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="hello">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(BaseHello, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetHelloMessage<T>(this ThreadSafeSocket socket, T hello) where T : IHelloMessage<T> => throw new NotSupportedException(BaseHello);

    /// <summary>Does not compile: whether NetMQ generates a disconnect message depends on the socket class.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(BaseDisconnect, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this NetMQSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(BaseDisconnect);

    /// <summary>Does not compile: whether NetMQ generates a disconnect message depends on the socket class.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="socket">The socket.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="NotSupportedException">Always; the call does not compile.</exception>
    [Obsolete(BaseDisconnect, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SetDisconnectMessage<T>(this ThreadSafeSocket socket, T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(BaseDisconnect);
}
