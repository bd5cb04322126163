using System;
using System.Collections.Generic;
using Lifeline.HostingTests.Infrastructure;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.HostingTests.Hubs;

/// <summary>Plain NetMQ peers of a hosted socket, each used from the test's thread only.</summary>
internal static class Peers
{
    public static DealerSocket Worker(string endpoint, string name, params string[] capabilities)
    {
        var dealer = new DealerSocket();
        dealer.Options.Linger = TimeSpan.Zero;
        dealer.SetHelloMessage(new WorkerHello(name, new List<string>(capabilities)));
        dealer.Connect(endpoint);
        return dealer;
    }

    /// <summary>Receives the next application frame, skipping the server's hello and its leaked disconnect bytes.</summary>
    public static string Next(DealerSocket dealer)
    {
        var deadline = DateTime.UtcNow + Wait.Timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            byte[]? frame = null;
            Assert.True(left > TimeSpan.Zero && dealer.TryReceiveFrameBytes(left, out frame), "the peer received nothing");
            if (!LifelineFrame.HasMagic(frame))
            {
                return System.Text.Encoding.UTF8.GetString(frame);
            }
        }
    }
}
