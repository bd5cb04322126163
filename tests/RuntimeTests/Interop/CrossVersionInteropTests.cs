using System.Collections.Generic;
using System.Linq;
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

        // Each frame is the first message of its own connection; connections may be served in any order.
        var received = Enumerable.Range(0, 6).Select(_ => Expect.Next(router)).ToList();
        var lifecycle = received.Where(r => !r.Result.IsApplicationData).Select(r => r.Result).ToList();
        Assert.Equal(3, lifecycle.Count);
        var newer = Expect.Hello<ClientHello>(lifecycle.Single(r => r.Message is ClientHello));
        var older = Expect.Hello<VersionedHelloV2>(lifecycle.Single(r => r.Message is VersionedHelloV2));
        var removed = lifecycle.Single(r => r.Kind == ReadKind.Malformed);
        Assert.All(received.Where(r => r.Result.IsApplicationData), r => Assert.Equal("done", r.Message[1].ConvertToString()));

        Assert.Equal(new ClientHello("newer", 20), newer);
        Assert.Equal(("older", 2, (List<string>?)null), (older.Name, older.Version, older.Tags));
        Assert.Equal(ReadKind.Malformed, removed.Kind);
        Assert.Equal(MalformedReason.InvalidBody, removed.Error!.Reason);
        Assert.Contains("VersionedHelloV3.Level is required", removed.Error.Detail, System.StringComparison.Ordinal);
    }
}
