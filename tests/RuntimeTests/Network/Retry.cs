using System;
using NetMQ;

namespace Lifeline.RuntimeTests.Network;

/// <summary>Binding again to a port just closed: retried only while the port is busy, and never past the timeout.</summary>
internal static class Retry
{
    public static void Bind(Action<string> bind, string endpoint)
    {
        var deadline = DateTime.UtcNow + Transports.Timeout;
        while (true)
        {
            try
            {
                bind(endpoint);
                return;
            }
            catch (AddressAlreadyInUseException) when (DateTime.UtcNow < deadline)
            {
                System.Threading.Thread.Yield();
            }
        }
    }
}
