#if NET10_0_OR_GREATER
using System.IO;
using System.Text.Json;
using Lifeline.Generated;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Serialization;
using Xunit;

namespace Lifeline.RuntimeTests.Tool;

/// <summary>The lifeline command against this test assembly: its schema, and frames read and written with its records.</summary>
public class LifelineToolTests
{
    private static readonly string Assembly = typeof(ClientHello).Assembly.Location;

    [Fact]
    public void Schema_prints_the_schema_the_assembly_carries()
    {
        var (code, output, _) = Run("schema", Assembly);

        Assert.Equal(0, code);
        Assert.Equal(LifelineMessages.Schema + "\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Schema_of_an_assembly_without_records_is_an_error()
    {
        var (code, _, error) = Run("schema", typeof(LifelineFrame).Assembly.Location);

        Assert.Equal(1, code);
        Assert.Contains("no Lifeline schema", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_reads_a_frame_with_the_assemblys_catalog()
    {
        var (code, output, _) = Run("decode", Assembly, WireFormatVectorTests.ClientHelloVector);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("hello", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("0x00001001", json.RootElement.GetProperty("id").GetString());
        Assert.Equal(typeof(ClientHello).FullName, json.RootElement.GetProperty("record").GetString());
        Assert.Equal("alice", json.RootElement.GetProperty("body").GetProperty("Name").GetString());
    }

    [Fact]
    public void Decode_reports_a_malformed_frame_with_its_reason()
    {
        var (code, output, _) = Run("decode", Assembly, "C1 4C 46 4C 01 01 00 00 10 01 81 A4 4E 61 6D 65 A1 61");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(nameof(MalformedReason.InvalidBody), json.RootElement.GetProperty("malformed").GetString());
        Assert.Contains("Version is required", json.RootElement.GetProperty("detail").GetString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_writes_the_frame_the_record_would()
    {
        var (code, output, _) = Run("encode", Assembly, typeof(ClientHello).FullName!, """{ "Name": "alice", "Version": 3 }""");

        Assert.Equal(0, code);
        Assert.Equal(WireFormatVectorTests.ClientHelloVector.Replace(" ", string.Empty, System.StringComparison.Ordinal), output.Trim());
    }

    [Theory]
    [InlineData("Lifeline.RuntimeTests.Messages.Address", """{ "Street": "x", "Number": 1 }""", "[MessagePart]")]
    [InlineData("Lifeline.RuntimeTests.Messages.ClientHello", """{ "Version": 3 }""", "not nullable")]
    [InlineData("Lifeline.RuntimeTests.Messages.Nope", "{}", "no record named")]
    public void Encode_refuses_what_cannot_be_framed(string record, string body, string why)
    {
        var (code, _, error) = Run("encode", Assembly, record, body);

        Assert.Equal(1, code);
        Assert.Contains(why, error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_command_line_prints_the_usage()
    {
        var (code, _, error) = Run("frobnicate");

        Assert.Equal(2, code);
        Assert.Contains("lifeline decode", error, System.StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Lifeline.Tool.Program.Run(args, new StringReader(string.Empty), output, error);
        return (code, output.ToString(), error.ToString());
    }
}
#endif
