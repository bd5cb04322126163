namespace Lifeline.Hosting;

/// <summary>What became of one send through <see cref="ILifelineSender"/>.</summary>
public enum LifelineSendResult
{
    /// <summary>Not a result (the default value).</summary>
    None = 0,

    /// <summary>Handed to NetMQ, which queued it for the peer. Not an acknowledgement: the peer may still leave first.</summary>
    Sent,

    /// <summary>No such peer is connected to the socket: it never was, or it left. Nothing was sent.</summary>
    UnknownPeer,

    /// <summary>The peer's NetMQ queue is at its high-water mark (<see cref="LifelineSocketOptions.SendHighWatermark"/>): it reads too slowly. Nothing was sent.</summary>
    PeerBusy,

    /// <summary>The send queue is full (<see cref="LifelineSocketOptions.SendQueueCapacity"/>). Nothing was sent.</summary>
    QueueFull,

    /// <summary>The hosted socket is not running: not started yet, stopping or stopped. Nothing was sent.</summary>
    NotRunning,
}
