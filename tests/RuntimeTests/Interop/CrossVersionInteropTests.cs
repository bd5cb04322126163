using System.Collections.Generic;
using System.Text.Json;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Interop;

/// <summary>
/// Record versions across implementations: the libzmq peer encodes bodies of other versions of the tests' records
/// (from docs/wire-format.md), and a Lifeline router reads them as its own version, as the evolution rules promise.
/// </summary>
public class CrossVersionInteropTests
{
    [Fact]
    public void Newer_and_older_senders_are_read_and_a_removed_required_member_is_detected()
    {
        var frames = new object[]
        {
            // A newer ClientHello: a member appended, and the members in another order.
            new { kind = 1, id = 0x1001, body = new Dictionary<string, object> { ["Region"] = "eu", ["Version"] = 20, ["Name"] = "newer" } },

            // An older VersionedHelloV2: only Name, so Version and Tags take their defaults.
            new { kind = 1, id = 0x3002, body = new Dictionary<string, object> { ["Name"] = "older" } },

            // A VersionedHelloV3 without its required Level: detected, not defaulted.
            new { kind = 1, id = 0x3003, body = new Dictionary<string, object> { ["Name"] = "removed" } },
        };
        using var router = new RouterSocket();
        var endpoint = Transports.Bind(router, Transports.Tcp);
        using var node = NodePeer.Start("send-frames", endpoint, JsonSerializer.Serialize(frames));
        node.Expect("sent");

        var newer = Expect.Hello<ClientHello>(Expect.Next(router).Result);
        var older = Expect.Hello<VersionedHelloV2>(Expect.Next(router).Result);
        var removed = Expect.Next(router).Result;
        var (done, message) = Expect.Next(router);

        Assert.Equal(new ClientHello("newer", 20), newer);
        Assert.Equal(("older", 2, (List<string>?)null), (older.Name, older.Version, older.Tags));
        Assert.Equal(ReadKind.Malformed, removed.Kind);
        Assert.Equal(MalformedReason.InvalidBody, removed.Error!.Reason);
        Assert.Contains("VersionedHelloV3.Level is required", removed.Error.Detail, System.StringComparison.Ordinal);
        Assert.True(done.IsApplicationData);
        Assert.Equal("done", message[1].ConvertToString());
    }
}
