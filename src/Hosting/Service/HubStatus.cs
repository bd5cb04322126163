using System;
using System.Collections.Generic;

namespace Lifeline.Hosting;

/// <summary>The status of the socket hosting <typeparamref name="THub"/>.</summary>
/// <typeparam name="THub">The handler class.</typeparam>
internal sealed class HubStatus<THub>(SocketService<THub> service) : ILifelineStatus<THub>
    where THub : class
{
    public bool IsServing => service.Socket.Running?.IsServing ?? false;

    public IReadOnlyList<string> Endpoints => service.Socket.Running?.Endpoints ?? Array.Empty<string>();
}
