using System;
using System.Buffers.Binary;

namespace Lifeline;

/// <summary>
/// The identity of a peer as the socket reports it: the routing-id frame of a ROUTER or PEER, or the
/// numeric routing id of a SERVER. Compared by value. <c>default</c> means "no routing id" (DEALER, CLIENT).
/// </summary>
public readonly struct PeerId : IEquatable<PeerId>
{
    private readonly byte[]? _bytes;
    private readonly uint _routingId;
    private readonly bool _isNumeric;

    private PeerId(byte[]? bytes, uint routingId, bool isNumeric)
    {
        _bytes = bytes;
        _routingId = routingId;
        _isNumeric = isNumeric;
    }

    /// <summary>No routing id: the message came from the only peer of a DEALER or CLIENT.</summary>
    public static PeerId None => default;

    /// <summary>True for <see cref="None"/>.</summary>
    public bool IsNone => _bytes is null && !_isNumeric;

    /// <summary>The numeric routing id of a SERVER socket's peer, if this id is numeric.</summary>
    public uint? RoutingId => _isNumeric ? _routingId : null;

    /// <summary>The routing-id bytes of a ROUTER or PEER socket's peer (empty for numeric ids and <see cref="None"/>).</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>A peer of a SERVER socket.</summary>
    /// <param name="routingId">The routing id NetMQ returned with the message.</param>
    /// <returns>The peer id.</returns>
    public static PeerId FromRoutingId(uint routingId) => new(null, routingId, true);

    /// <summary>A peer of a ROUTER or PEER socket. The bytes are copied.</summary>
    /// <param name="routingId">The routing-id frame.</param>
    /// <returns>The peer id.</returns>
    public static PeerId FromBytes(ReadOnlySpan<byte> routingId) => new(routingId.ToArray(), 0, false);

    /// <summary>Wraps an array that nobody will modify, without copying it.</summary>
    internal static PeerId Wrap(byte[] routingId) => new(routingId, 0, false);

    /// <summary>
    /// A cheap index for a direct-mapped cache: the low byte of NetMQ's counter for its own ids (<c>00</c> and four
    /// little-endian bytes), the last byte otherwise. Not a hash: a peer can choose its bytes, so it is only a hint.
    /// </summary>
    internal int Slot(int mask) =>
        _isNumeric ? (int)_routingId & mask
        : _bytes is { Length: > 1 } bytes ? (bytes[1] ^ (bytes[^1] << 3)) & mask
        : 0;

    /// <summary>Equality for the per-message cache: byte ids compared as spans first (a default id equals nothing).</summary>
    internal bool SameAs(PeerId other) =>
        _bytes is { } mine
            ? other._bytes is { } theirs && mine.AsSpan().SequenceEqual(theirs)
            : _isNumeric && other._isNumeric && _routingId == other._routingId;

    /// <summary>The routing-id bytes as a new array, to address the peer through a ROUTER or PEER.</summary>
    /// <returns>A copy of the bytes; for numeric ids, the id as 4 big-endian bytes.</returns>
    public byte[] ToArray()
    {
        if (!_isNumeric)
        {
            return _bytes is null ? [] : (byte[])_bytes.Clone();
        }

        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, _routingId);
        return bytes;
    }

    /// <inheritdoc />
    public bool Equals(PeerId other) =>
        _isNumeric == other._isNumeric && _routingId == other._routingId && Bytes.SequenceEqual(other.Bytes) && IsNone == other.IsNone;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PeerId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (_isNumeric)
        {
            return (int)_routingId;
        }

        return Lifeline.Bytes.Hash(Bytes);
    }

    /// <summary>Compares two peer ids by value.</summary>
    /// <param name="left">One id.</param>
    /// <param name="right">The other id.</param>
    /// <returns>True when both name the same peer.</returns>
    public static bool operator ==(PeerId left, PeerId right) => left.Equals(right);

    /// <summary>Compares two peer ids by value.</summary>
    /// <param name="left">One id.</param>
    /// <param name="right">The other id.</param>
    /// <returns>True when they name different peers.</returns>
    public static bool operator !=(PeerId left, PeerId right) => !left.Equals(right);

    /// <summary>"none", the numeric id, or the routing-id bytes in hex.</summary>
    /// <returns>A short printable form.</returns>
    public override string ToString() =>
        _isNumeric ? _routingId.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : _bytes is null ? "none"
        : Lifeline.Bytes.ToHex(_bytes);
}
