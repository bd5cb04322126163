using System;
using System.Runtime.CompilerServices;
using Lifeline.Generated;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Network;

/// <summary>Receives the next message with a timeout and asserts what it is.</summary>
internal static class Expect
{
    private static readonly ConditionalWeakTable<object, LifelineReader> Readers = new();

    private static readonly LifelineReader Inspector = new(LifelineMessages.Catalog);

    /// <summary>The reader of one socket: a reader keeps the socket's per-connection state.</summary>
    public static LifelineReader Reader(object socket) => Readers.GetValue(socket, static _ => new LifelineReader(LifelineMessages.Catalog));

    /// <summary>Decodes a message's first frame by content alone (frames a foreign peer received, for instance).</summary>
    public static LifelineReadResult Inspect(NetMQMessage message) => Inspector.Read(message);

    public static (LifelineReadResult Result, NetMQMessage Message) Next(RouterSocket socket) =>
        Reader(socket).TryReceive(socket, Transports.Timeout, out var result, out var message) ? (result, message) : throw Timeout("ROUTER");

    public static (LifelineReadResult Result, NetMQMessage Message) Next(PeerSocket socket) =>
        Reader(socket).TryReceive(socket, Transports.Timeout, out var result, out var message) ? (result, message) : throw Timeout("PEER");

    public static (LifelineReadResult Result, NetMQMessage Message) Next(DealerSocket socket) =>
        Reader(socket).TryReceive(socket, Transports.Timeout, out var result, out var message) ? (result, message) : throw Timeout("DEALER");

    public static (LifelineReadResult Result, byte[] Payload) Next(ServerSocket socket) =>
        Reader(socket).TryReceive(socket, Transports.Timeout, out var result, out var payload) ? (result, payload) : throw Timeout("SERVER");

    public static (LifelineReadResult Result, byte[] Payload) Next(ClientSocket socket) =>
        Reader(socket).TryReceive(socket, Transports.Timeout, out var result, out var payload) ? (result, payload) : throw Timeout("CLIENT");

    public static T Hello<T>(LifelineReadResult result) where T : IHelloMessage<T>
    {
        Assert.True(result.TryGetHello<T>(out var hello), $"expected a {typeof(T).Name} hello, got {result}");
        return hello;
    }

    public static T Disconnect<T>(LifelineReadResult result) where T : IDisconnectMessage<T>
    {
        Assert.True(result.TryGetDisconnect<T>(out var gone), $"expected a {typeof(T).Name} disconnect, got {result}");
        return gone;
    }

    private static TimeoutException Timeout(string socket) =>
        new($"the {socket} received nothing within {Transports.Timeout.TotalSeconds} s");
}
