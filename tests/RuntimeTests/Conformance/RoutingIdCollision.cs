using System;
using System.Buffers.Binary;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline.RuntimeTests.Conformance;

/// <summary>
/// NetMQ 4.0.4.5 defect 9: a ROUTER assigns anonymous peers the routing id <c>00</c> followed by a 32-bit
/// little-endian counter (Router.IdentifyPeer, <c>m_nextPeerId++</c>), and a peer may choose its own routing id
/// with <c>Options.Identity</c>. A peer that claims the id the counter will produce next makes the ROUTER add a
/// duplicate key to its routing table when the next anonymous peer arrives: <see cref="ArgumentException"/>.
/// </summary>
internal static class RoutingIdCollision
{
    /// <summary>
    /// The routing ids a NetMQ ROUTER will assign to its next <paramref name="count"/> anonymous peers, given the
    /// last one it assigned (as received in the first frame of a message from an anonymous peer).
    /// </summary>
    public static byte[][] NextAutoRoutingIds(byte[] lastAssigned, int count)
    {
        if (lastAssigned.Length != 5 || lastAssigned[0] != 0)
        {
            throw new ArgumentException("not an auto-assigned NetMQ routing id (00 + 4 bytes)", nameof(lastAssigned));
        }

        var counter = BinaryPrimitives.ReadInt32LittleEndian(lastAssigned.AsSpan(1));
        var ids = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            ids[i] = new byte[5];
            BinaryPrimitives.WriteInt32LittleEndian(ids[i].AsSpan(1), unchecked(counter + 1 + i));
        }

        return ids;
    }

    /// <summary>
    /// Arms the collision on <paramref name="router"/>: connects an anonymous DEALER to learn the counter, then a
    /// DEALER whose <c>Options.Identity</c> is the next auto id, and waits until the ROUTER has routed a message from
    /// each. Returns both dealers (dispose them) and the claimed id. The next anonymous peer to connect to
    /// <paramref name="endpoint"/> makes the ROUTER throw in the call that attaches it.
    /// </summary>
    public static (DealerSocket Probe, DealerSocket Claimer, byte[] ClaimedId) Arm(RouterSocket router, string endpoint, TimeSpan timeout)
    {
        var probe = new DealerSocket();
        probe.Connect(endpoint);
        probe.SendFrame("probe");
        var assigned = ReceiveRoutingId(router, timeout);

        var claimed = NextAutoRoutingIds(assigned, 1)[0];
        var claimer = new DealerSocket();
        claimer.Options.Identity = claimed;
        claimer.Connect(endpoint);
        claimer.SendFrame("claim");
        var seen = ReceiveRoutingId(router, timeout);
        if (!seen.AsSpan().SequenceEqual(claimed))
        {
            throw new InvalidOperationException("the claiming dealer was not routed under the id it chose");
        }

        return (probe, claimer, claimed);
    }

    private static byte[] ReceiveRoutingId(RouterSocket router, TimeSpan timeout)
    {
        NetMQMessage? message = null;
        if (!router.TryReceiveMultipartMessage(timeout, ref message))
        {
            throw new TimeoutException("the ROUTER received nothing while arming the routing-id collision");
        }

        return message[0].ToByteArray();
    }
}
