using System;
using System.ComponentModel;

namespace Lifeline.Hosting;

/// <summary>
/// Options of a hosted DEALER (<c>AddLifelineDealer</c>): a client of one server, usually connecting. A DEALER has no
/// disconnect message (NetMQ generates none on it): its handler's <c>OnDisconnected()</c> comes from the socket itself.
/// </summary>
public sealed class LifelineDealerOptions : LifelineSocketOptions
{
    private const string NoDisconnect = "NetMQ throws InvalidException for a disconnect message on a DEALER: only ROUTER, SERVER and PEER sockets generate one. A hosted DEALER learns that its server went away from OnDisconnected(); the server's own disconnect message tells it that this DEALER left.";

    /// <summary>Not available: a DEALER cannot carry a disconnect message. It exists to say so at compile time.</summary>
    /// <typeparam name="T">A record marked [DisconnectMessage].</typeparam>
    /// <param name="message">The disconnect record.</param>
    [Obsolete(NoDisconnect, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void SetDisconnectMessage<T>(T message) where T : IDisconnectMessage<T> => throw new NotSupportedException(NoDisconnect);
}
