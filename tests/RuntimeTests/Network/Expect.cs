using System;
using Lifeline.Generated;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Network;

/// <summary>Receives the next message with a timeout and asserts what it is.</summary>
internal static class Expect
{
    public static readonly LifelineReader Reader = new(LifelineMessages.Catalog);

    public static (LifelineReadResult Result, NetMQMessage Message) Next(RouterSocket socket) =>
        Reader.TryReceive(socket, Transports.Timeout, out var result, out var message) ? (result, message) : throw Timeout("ROUTER");

    public static (LifelineReadResult Result, NetMQMessage Message) Next(PeerSocket socket) =>
        Reader.TryReceive(socket, Transports.Timeout, out var result, out var message) ? (result, message) : throw Timeout("PEER");

    public static (LifelineReadResult Result, NetMQMessage Message) Next(DealerSocket socket) =>
        Reader.TryReceive(socket, Transports.Timeout, out var result, out var message) ? (result, message) : throw Timeout("DEALER");

    public static (LifelineReadResult Result, byte[] Payload) Next(ServerSocket socket) =>
        Reader.TryReceive(socket, Transports.Timeout, out var result, out var payload) ? (result, payload) : throw Timeout("SERVER");

    public static (LifelineReadResult Result, byte[] Payload) Next(ClientSocket socket) =>
        Reader.TryReceive(socket, Transports.Timeout, out var result, out var payload) ? (result, payload) : throw Timeout("CLIENT");

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
