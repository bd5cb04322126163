using System;
using System.Runtime.CompilerServices;

namespace Lifeline;

/// <summary>
/// The per-socket secret sealed into the disconnect message that <c>SetDisconnectMessage</c> installs. It is
/// random, never sent by the socket (a disconnect message is generated locally), and compared in constant time,
/// so a frame that carries it was produced by this socket and not by a peer.
/// </summary>
internal static class SocketSeals
{
    private static readonly ConditionalWeakTable<object, byte[]> Seals = new();

    /// <summary>The socket's seal, created on first use.</summary>
    public static byte[] For(object socket) => Seals.GetValue(socket, static _ => Bytes.Random(LifelineFrame.SealLength));

    /// <summary>The socket's seal, when a sealed disconnect message was ever installed on it.</summary>
    public static byte[]? Find(object socket) => Seals.TryGetValue(socket, out var seal) ? seal : null;

    /// <summary>True when <paramref name="frame"/> is a sealed disconnect frame carrying <paramref name="seal"/>.</summary>
    public static bool Carries(ReadOnlySpan<byte> frame, byte[]? seal) =>
        seal is not null
        && frame.Length >= LifelineFrame.SealedHeaderLength
        && Bytes.FixedTimeEquals(frame.Slice(LifelineFrame.HeaderLength, LifelineFrame.SealLength), seal);
}
