namespace Lifeline;

/// <summary>
/// Implemented by the generator on every record marked <see cref="HelloMessageAttribute"/> or
/// <see cref="DisconnectMessageAttribute"/>; do not implement it by hand. What the generator knows of the record (its
/// kind, message id and formatter) is at <see cref="LifelineMessage{T}"/>.
/// </summary>
/// <typeparam name="TSelf">The record itself.</typeparam>
public interface ILifelineMessage<TSelf> where TSelf : ILifelineMessage<TSelf>
{
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
