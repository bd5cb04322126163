using System;

namespace Lifeline.Hosting;

/// <summary>Presence of the socket hosting <typeparamref name="THub"/>, from its session.</summary>
/// <typeparam name="THub">The handler class.</typeparam>
internal sealed class HubPresence<THub>(SocketService<THub> service) : ILifelinePresence<THub>
    where THub : class
{
    public LifelinePresence Current => service.Socket.Presence;

    public event EventHandler<LifelinePresenceChangedEventArgs>? Changed
    {
        add => service.Socket.PresenceChanged += value;
        remove => service.Socket.PresenceChanged -= value;
    }
}
