using MessagePack.Formatters;

namespace Lifeline;

/// <summary>
/// Implemented by the generator on every record marked <see cref="HelloMessageAttribute"/> or
/// <see cref="DisconnectMessageAttribute"/>; do not implement it by hand.
/// </summary>
/// <typeparam name="TSelf">The record itself.</typeparam>
public interface ILifelineMessage<TSelf> where TSelf : ILifelineMessage<TSelf>
{
    /// <summary>Whether the record is a hello or a disconnect message.</summary>
    static abstract LifelineKind Kind { get; }

    /// <summary>The stable message id written in the frame header.</summary>
    static abstract uint MessageId { get; }

    /// <summary>The generated formatter of the record's MessagePack body.</summary>
    static abstract IMessagePackFormatter<TSelf> Formatter { get; }
}

/// <summary>A record marked <see cref="HelloMessageAttribute"/>. Implemented by the generator.</summary>
/// <typeparam name="TSelf">The record itself.</typeparam>
public interface IHelloMessage<TSelf> : ILifelineMessage<TSelf> where TSelf : IHelloMessage<TSelf>
{
}

/// <summary>A record marked <see cref="DisconnectMessageAttribute"/>. Implemented by the generator.</summary>
/// <typeparam name="TSelf">The record itself.</typeparam>
public interface IDisconnectMessage<TSelf> : ILifelineMessage<TSelf> where TSelf : IDisconnectMessage<TSelf>
{
}
