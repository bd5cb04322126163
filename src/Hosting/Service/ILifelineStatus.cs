using System.Collections.Generic;

namespace Lifeline.Hosting;

/// <summary>
/// Whether the socket hosting <typeparamref name="THub"/> is served, and where: resolvable anywhere in dependency
/// injection, for instance to learn the port a <c>tcp://127.0.0.1:0</c> bind was given.
/// </summary>
/// <typeparam name="THub">The handler class registered with <c>AddLifelineRouter</c> or <c>AddLifelineDealer</c>.</typeparam>
public interface ILifelineStatus<THub>
    where THub : class
{
    /// <summary>True while the socket is bound or connected and its poller serves it.</summary>
    bool IsServing { get; }

    /// <summary>The endpoints as bound (a tcp port 0 resolved to the port the system chose) and connected; empty while not running.</summary>
    IReadOnlyList<string> Endpoints { get; }
}
