using System;

namespace Lifeline;

/// <summary>
/// The bounds a peer cannot push Lifeline past, set the same way on every host: the handler host
/// (<see cref="LifelineSocketHost"/>), the event stream (<see cref="LifelineEvents"/>) and the reader
/// (<see cref="LifelineReader"/>). Every value has a safe default; raise one only for a peer you trust with it.
/// </summary>
public sealed class LifelineLimits
{
    private readonly int _maxFrameSize = LifelineFrame.DefaultMaxFrameSize;
    private readonly int _eventCapacity = 128;

    /// <summary>The defaults: 64 KiB frames, 128 waiting events.</summary>
    public static LifelineLimits Default { get; } = new LifelineLimits();

    /// <summary>
    /// Lifecycle frames longer than this are reported as <see cref="MalformedReason.TooLarge"/>, never decoded (default
    /// 64 KiB). Unless the application set the socket's <c>Options.MaxMsgSize</c> before the host was created, the host
    /// sets it to this value too, so that NetMQ drops a peer that sends a larger frame before buffering it; that bounds
    /// application messages as well. Raise both here, or set <c>Options.MaxMsgSize</c> yourself first.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxFrameSize
    {
        get => _maxFrameSize;
        init => _maxFrameSize = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxFrameSize), value, "must be positive");
    }

    /// <summary>
    /// How many received events at most wait for a slow consumer of an event stream (default 128); then the socket is
    /// not read until the consumer catches up, so ZeroMQ's high-water mark, not memory, absorbs the difference.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int EventCapacity
    {
        get => _eventCapacity;
        init => _eventCapacity = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(EventCapacity), value, "must be positive");
    }
}
