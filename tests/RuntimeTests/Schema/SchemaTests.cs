using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Lifeline.Generated;
using Lifeline.RuntimeTests.Serialization;
using Xunit;

namespace Lifeline.RuntimeTests.Schema;

/// <summary>The schema of the tests' records: reachable from the catalog, written beside the build output, and what docs/schema.md says.</summary>
public class SchemaTests
{
    [Fact]
    public void The_build_writes_the_catalogs_schema_beside_the_assembly()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "RuntimeTests.lifeline.json");

        Assert.True(File.Exists(file), $"{file} is missing");
        Assert.Equal(LifelineMessages.Schema + "\n", File.ReadAllText(file));
    }

    [Fact]
    public void The_schema_states_version_kind_id_and_members_in_wire_order()
    {
        using var schema = JsonDocument.Parse(LifelineMessages.Schema);
        var root = schema.RootElement;

        Assert.Equal(1, root.GetProperty("lifelineSchema").GetInt32());
        Assert.Equal(2, root.GetProperty("wireFormat").GetInt32());
        Assert.Equal("RuntimeTests", root.GetProperty("assembly").GetString());
        var hello = Record(root, "Lifeline.RuntimeTests.Messages.ClientHello");
        Assert.Equal("hello", hello.GetProperty("kind").GetString());
        Assert.Equal(0x1001u, hello.GetProperty("id").GetUInt32());
        Assert.Equal(["Name", "Version"], hello.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(0xDE6280FEu, Record(root, "Lifeline.RuntimeTests.Messages.WorkerHello").GetProperty("id").GetUInt32());
        Assert.False(Record(root, "Lifeline.RuntimeTests.Messages.Address").TryGetProperty("id", out _));
        Assert.Equal("part", Record(root, "Lifeline.RuntimeTests.Messages.Address").GetProperty("kind").GetString());
    }

    [Fact]
    public void Members_state_required_or_what_an_absent_one_becomes()
    {
        using var schema = JsonDocument.Parse(LifelineMessages.Schema);
        var v2 = Record(schema.RootElement, "Lifeline.RuntimeTests.Messages.VersionedHelloV2");
        var gone = Record(schema.RootElement, "Lifeline.RuntimeTests.Messages.PropertyGone");

        Assert.Equal("""{ "name": "Name", "type": { "type": "string", "nullable": false }, "required": true }""", Member(v2, "Name"));
        Assert.Equal("""{ "name": "Version", "type": { "type": "int32", "nullable": false }, "required": false, "default": 2 }""", Member(v2, "Version"));
        Assert.Equal(
            """{ "name": "Tags", "type": { "type": "array", "nullable": true, "items": { "type": "string", "nullable": false } }, "required": false, "default": null }""",
            Member(v2, "Tags"));

        // A property initializer is the receiver's own: the schema says the member may be absent, not what it becomes.
        Assert.Equal("""{ "name": "Code", "type": { "type": "int32", "nullable": false }, "required": false }""", Member(gone, "Code"));
    }

    [Fact]
    public void Every_record_the_catalog_decodes_is_in_the_schema_with_its_id()
    {
        using var schema = JsonDocument.Parse(LifelineMessages.Schema);

        foreach (var record in schema.RootElement.GetProperty("records").EnumerateArray().Where(r => r.TryGetProperty("id", out _)))
        {
            var kind = record.GetProperty("kind").GetString() == "hello" ? LifelineKind.Hello : LifelineKind.Disconnect;
            var id = record.GetProperty("id").GetUInt32();
            var frame = Frames.WithBody(kind, id, w => w.WriteMapHeader(0));

            // An empty body is known to the catalog, so it fails as a body (a missing member) at most, never as an unknown id.
            LifelineMessages.Catalog.TryDecode(kind, id, frame, out _, out var error);
            Assert.NotEqual(MalformedReason.UnknownMessageId, error?.Reason);
            Assert.NotEqual(MalformedReason.KindMismatch, error?.Reason);
        }
    }

    private static JsonElement Record(JsonElement root, string name) =>
        root.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private static string Member(JsonElement record, string name) =>
        record.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetRawText();
}
