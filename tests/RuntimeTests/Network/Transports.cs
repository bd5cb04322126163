using System;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline.RuntimeTests.Network;

/// <summary>Endpoints for the two transports every network test runs over: inproc, and tcp on 127.0.0.1 with a random port.</summary>
internal static class Transports
{
    public const string Inproc = "inproc";
    public const string Tcp = "tcp";

    /// <summary>Generous, because CI runs on a loaded 2-core machine; tests wait on events, never sleep.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Binds <paramref name="socket"/> and returns the endpoint to connect to.</summary>
    public static string Bind(NetMQSocket socket, string transport) => Bind(socket.Bind, socket.BindRandomPort, transport);

    /// <summary>The same for the thread-safe SERVER socket, which shares no base class with the others.</summary>
    public static string Bind(ServerSocket socket, string transport) => Bind(socket.Bind, socket.BindRandomPort, transport);

    private static string Bind(Action<string> bind, Func<string, int> bindRandomPort, string transport)
    {
        if (transport == Inproc)
        {
            var endpoint = $"inproc://lifeline-{Guid.NewGuid():N}";
            bind(endpoint);
            return endpoint;
        }

        return $"tcp://127.0.0.1:{bindRandomPort("tcp://127.0.0.1")}";
    }
}
