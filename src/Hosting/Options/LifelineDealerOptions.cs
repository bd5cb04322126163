namespace Lifeline.Hosting;

/// <summary>
/// Options of a hosted DEALER (<c>AddLifelineDealer</c>): a client of one server, usually connecting. A DEALER has no
/// disconnect message (NetMQ generates none on it): its handler's <c>OnDisconnected()</c> comes from the socket itself.
/// </summary>
public sealed class LifelineDealerOptions : LifelineSocketOptions
{
}
