using System;

namespace Lifeline.Hosting;

/// <summary>
/// Who is connected to the socket hosting <typeparamref name="THub"/>, with which typed hello, from any thread:
/// resolvable anywhere in dependency injection. The socket's own session decides presence; this is its view.
/// </summary>
/// <typeparam name="THub">The handler class registered with <c>AddLifelineRouter</c> or <c>AddLifelineDealer</c>.</typeparam>
public interface ILifelinePresence<THub>
    where THub : class
{
    /// <summary>Who is present now: an immutable snapshot (empty while the socket is not running).</summary>
    LifelinePresence Current { get; }

    /// <summary>
    /// Raised after a peer joined or left, on the socket's thread and before the handler for that event runs. Keep
    /// listeners short (hand work to a queue of your own); one that throws is reported and does not stop the socket.
    /// Subscribe from any thread, before or after the host starts.
    /// </summary>
    event EventHandler<LifelinePresenceChangedEventArgs>? Changed;
}
