using System;
using System.Collections.Generic;
using MessagePack;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline.Benchmarks;

/// <summary>
/// The baseline: what a careful user writes by hand with byte[] lifecycle options. Hellos are 'H' + a
/// MessagePack body (decoded with StandardResolver), disconnects are 'D', and presence is a dictionary.
/// </summary>
public sealed class RawLoop(RouterSocket router)
{
    public static readonly byte[] Disconnect = [(byte)'D'];
    private static readonly MessagePackSerializerOptions Options = MessagePackSerializerOptions.Standard;
    private readonly Dictionary<string, MpWorkerHello> _peers = [];
    private NetMQMessage? _message = new();

    public int Connected { get; private set; }

    public int Disconnected { get; private set; }

    public int Messages { get; private set; }

    public int Bytes { get; private set; }

    public int Present => _peers.Count;

    public static byte[] Hello(MpWorkerHello hello)
    {
        var body = MessagePackSerializer.Serialize(hello, Options);
        var bytes = new byte[body.Length + 1];
        bytes[0] = (byte)'H';
        body.CopyTo(bytes, 1);
        return bytes;
    }

    public void Reset() => (Connected, Disconnected, Messages, Bytes) = (0, 0, 0, 0);

    public bool TryProcess(TimeSpan timeout)
    {
        if (!router.TryReceiveMultipartMessage(timeout, ref _message))
        {
            return false;
        }

        var payload = _message![1];
        var first = payload.MessageSize > 0 ? payload.Buffer[0] : (byte)0;
        if (first == 'H')
        {
            _peers[Convert.ToBase64String(_message[0].ToByteArray())] = MessagePackSerializer.Deserialize<MpWorkerHello>(payload.Buffer.AsMemory(1, payload.MessageSize - 1), Options);
            Connected++;
        }
        else if (first == 'D' && payload.MessageSize == 1)
        {
            _peers.Remove(Convert.ToBase64String(_message[0].ToByteArray()));
            Disconnected++;
        }
        else
        {
            Messages++;
            Bytes += payload.MessageSize;
        }

        return true;
    }
}
