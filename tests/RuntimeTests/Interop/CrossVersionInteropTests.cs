using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Interop;

/// <summary>
/// Record versions across implementations: the libzmq peer encodes bodies of other versions of the tests' records (this
/// build's schema, edited as those versions' schemas would read), and a Lifeline router reads them as its own version,
/// as the evolution rules promise.
/// </summary>
public class CrossVersionInteropTests
{
    [Fact]
    public void Newer_and_older_senders_are_read_and_a_removed_required_member_is_detected()
    {
        // Other versions of the tests' records, as their senders' schemas would list them.
        var frames = new object[]
        {
            // A newer ClientHello: a member appended, and the members in another order.
            new
            {
                record = Version<ClientHello>(members => Reorder(members.Append(Member("Region")), "Region", "Version", "Name")),
                body = new Dictionary<string, object> { ["Region"] = "eu", ["Version"] = 20, ["Name"] = "newer" },
            },

            // An older VersionedHelloV2: only Name, so Version and Tags take their defaults.
            new { record = Version<VersionedHelloV2>(members => members.Where(m => m["name"]!.GetValue<string>() == "Name")), body = new Dictionary<string, object> { ["Name"] = "older" } },

            // A VersionedHelloV3 without its required Level: detected, not defaulted.
            new { record = Version<VersionedHelloV3>(members => members.Where(m => m["name"]!.GetValue<string>() != "Level")), body = new Dictionary<string, object> { ["Name"] = "removed" } },
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

    // This build's schema record of T, with its members changed as another version has them.
    private static JsonNode Version<T>(Func<IEnumerable<JsonNode>, IEnumerable<JsonNode>> change)
    {
        var record = JsonNode.Parse(Lifeline.Generated.LifelineMessages.Schema)!["records"]!.AsArray()
            .Single(r => r!["name"]!.GetValue<string>() == typeof(T).FullName)!.DeepClone();
        var members = change(record["members"]!.AsArray().Select(m => m!.DeepClone())).ToArray();
        record["members"] = new JsonArray(members);
        return record;
    }

    private static JsonNode Member(string name) =>
        new JsonObject { ["name"] = name, ["type"] = new JsonObject { ["type"] = "string", ["nullable"] = false }, ["required"] = true };

    private static IEnumerable<JsonNode> Reorder(IEnumerable<JsonNode> members, params string[] order) =>
        order.Select(name => members.Single(m => m["name"]!.GetValue<string>() == name));
}
