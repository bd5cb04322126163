using System;

namespace Lifeline.HostingTests.Infrastructure;

/// <summary>The two transports every network test runs over: inproc, and tcp on 127.0.0.1 with a port the OS picks.</summary>
internal static class Transports
{
    public const string Inproc = "inproc";
    public const string Tcp = "tcp";

    /// <summary>What a hosted ROUTER binds: tcp port 0 resolves to a free port, read back from the running socket.</summary>
    public static string BindEndpoint(string transport) =>
        transport == Inproc ? $"inproc://hosting-{Guid.NewGuid():N}" : "tcp://127.0.0.1:0";
}
