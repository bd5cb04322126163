using System;
using NetMQ.Sockets;

namespace Lifeline.Hosting;

/// <summary>Options of a hosted ROUTER (<c>AddLifelineRouter</c>): a server that peers connect to, usually bound.</summary>
public sealed class LifelineRouterOptions : LifelineSocketOptions
{
    internal Action<RouterSocket, IServiceProvider>? DisconnectMessage { get; private set; }

    /// <summary>
    /// The record the socket hands its handler when a peer goes away (sealed with the socket's secret, so no peer can
    /// forge it). Without one the host installs a sealed disconnect with no record, so presence still ends.
    /// </summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="message">The disconnect record.</param>
    public void SetDisconnectMessage<T>(T message) where T : IDisconnectMessage<T>
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        DisconnectMessage = (socket, _) => socket.SetDisconnectMessage(message);
    }

    /// <summary>The disconnect record <paramref name="factory"/> makes when the socket is created.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="factory">Makes the record from the host's services.</param>
    public void SetDisconnectMessage<T>(Func<IServiceProvider, T> factory) where T : IDisconnectMessage<T>
    {
        if (factory is null)
        {
            throw new ArgumentNullException(nameof(factory));
        }

        DisconnectMessage = (socket, services) => socket.SetDisconnectMessage(factory(services));
    }
}
