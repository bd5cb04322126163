using System;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Lifeline.RuntimeTests.Conformance;

/// <summary>Hand-built ZMTP 3.0 bytes (rfc.zeromq.org/spec/23) for peers that NetMQ itself would never produce.</summary>
internal static class RawZmtp
{
    /// <summary>The 64-byte ZMTP 3.0 greeting with the NULL mechanism, as a client (as-server = 0).</summary>
    public static byte[] NullGreeting()
    {
        var greeting = new byte[64];
        greeting[0] = 0xFF;
        greeting[9] = 0x7F;
        greeting[10] = 3;
        greeting[11] = 0;
        Encoding.ASCII.GetBytes("NULL").CopyTo(greeting, 12);
        return greeting;
    }

    /// <summary>
    /// A READY command whose single metadata property declares a value of <paramref name="declaredLength"/> bytes
    /// while carrying none. A length of 2^31 or more is negative as NetMQ's Int32 and crashes Mechanism.ParseMetadata.
    /// </summary>
    public static byte[] ReadyWithDeclaredPropertyLength(uint declaredLength)
    {
        var body = new byte[6 + 1 + 1 + 4];
        body[0] = 5;
        Encoding.ASCII.GetBytes("READY").CopyTo(body, 1);
        body[6] = 1;
        body[7] = (byte)'X';
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(8), declaredLength);
        return [0x04, (byte)body.Length, .. body];
    }

    /// <summary>A short READY command with only the Socket-Type property: completes the NULL handshake.</summary>
    public static byte[] Ready(string socketType)
    {
        var name = "Socket-Type"u8;
        var value = Encoding.ASCII.GetBytes(socketType);
        var body = new byte[6 + 1 + name.Length + 4 + value.Length];
        body[0] = 5;
        Encoding.ASCII.GetBytes("READY").CopyTo(body, 1);
        body[6] = (byte)name.Length;
        name.CopyTo(body.AsSpan(7));
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(7 + name.Length), value.Length);
        value.CopyTo(body, 11 + name.Length);
        return [0x04, (byte)body.Length, .. body];
    }

    /// <summary>Connects a raw TCP client to 127.0.0.1:<paramref name="port"/>.</summary>
    public static TcpClient Connect(int port)
    {
        var client = new TcpClient { NoDelay = true };
        client.Connect(System.Net.IPAddress.Loopback, port);
        return client;
    }

    /// <summary>The port of a tcp://127.0.0.1:port endpoint.</summary>
    public static int Port(string endpoint) => int.Parse(endpoint.AsSpan(endpoint.LastIndexOf(':') + 1), System.Globalization.CultureInfo.InvariantCulture);
}
