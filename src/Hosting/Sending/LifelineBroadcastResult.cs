using System;

namespace Lifeline.Hosting;

/// <summary>What became of a send to several peers through <see cref="ILifelineSender"/>.</summary>
public readonly struct LifelineBroadcastResult : IEquatable<LifelineBroadcastResult>
{
    /// <summary>A result.</summary>
    /// <param name="status"><see cref="LifelineSendResult.Sent"/> when the socket's thread took the broadcast, otherwise why it did not.</param>
    /// <param name="sent">How many peers it was handed to NetMQ for.</param>
    /// <param name="busy">How many selected peers were at their high-water mark and got nothing.</param>
    public LifelineBroadcastResult(LifelineSendResult status, int sent, int busy)
    {
        Status = status;
        Sent = sent;
        Busy = busy;
    }

    /// <summary>
    /// <see cref="LifelineSendResult.Sent"/> when the socket's thread took the broadcast (even if it selected no
    /// peer), or <see cref="LifelineSendResult.QueueFull"/> or <see cref="LifelineSendResult.NotRunning"/>.
    /// </summary>
    public LifelineSendResult Status { get; }

    /// <summary>How many peers the message was handed to NetMQ for.</summary>
    public int Sent { get; }

    /// <summary>How many selected peers were at their high-water mark and got nothing.</summary>
    public int Busy { get; }

    /// <inheritdoc />
    public bool Equals(LifelineBroadcastResult other) => Status == other.Status && Sent == other.Sent && Busy == other.Busy;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LifelineBroadcastResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Status * 397) ^ (Sent * 31) ^ Busy;

    /// <summary>Compares two results.</summary>
    /// <param name="left">One result.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(LifelineBroadcastResult left, LifelineBroadcastResult right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    /// <param name="left">One result.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(LifelineBroadcastResult left, LifelineBroadcastResult right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => $"{Status}: sent to {Sent}, {Busy} busy";
}
