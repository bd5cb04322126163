using Lifeline;
using Lifeline.Generated;
using NetMQ.Sockets;

namespace NetStandardLibrary;

/// <summary>Compiles only if the generator ran: it made Hub an ILifelineHandler and emitted the catalog.</summary>
public static class Hosting
{
    public static ILifelineCatalog Catalog => LifelineMessages.Catalog;

    public static LifelineSocketHost Host(RouterSocket router, Hub hub) => new(router, hub, new LifelineLimits { MaxFrameSize = 16 * 1024 });
}
