using System;
using System.Linq;
using System.Text.Json;
using Lifeline.GeneratorTests.Infrastructure;
using Lifeline.GeneratorTests.Inputs;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>The schema the generator writes (docs/schema.md): valid JSON of version 1 for every input, defaults in their JSON form.</summary>
public class SchemaTests
{
    public static TheoryData<string> Inputs => [.. SnapshotInputs.All.Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_input_gets_a_schema_of_version_1_that_names_each_record_once(string input)
    {
        var run = TestCompilation.Run(SnapshotInputs.All.Single(i => i.Name == input).Source);

        using var schema = JsonDocument.Parse(Schema(run));

        Assert.Equal(1, schema.RootElement.GetProperty("lifelineSchema").GetInt32());
        Assert.Equal(2, schema.RootElement.GetProperty("wireFormat").GetInt32());
        var names = schema.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal(run.Sources.Count(s => s.HintName.EndsWith(".Lifeline.g.cs", StringComparison.Ordinal)), names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void The_property_and_the_assembly_attribute_hold_the_same_text()
    {
        var source = TestCompilation.Run(SnapshotInputs.Handler_class).Source("Lifeline.Schema.g.cs");

        var attribute = source.Split("\n[assembly: global::System.Reflection.AssemblyMetadata(\"Lifeline.Schema\", ")[1].Split(")]\n")[0];
        var property = source.Split("public static string Schema => ")[1].Split(";\n")[0];
        Assert.Equal(attribute, property);
    }

    [Fact]
    public void Defaults_are_written_in_the_JSON_form_of_their_type()
    {
        var run = TestCompilation.Run("""
            using System;
            using Lifeline;
            namespace Demo;
            public enum Tier : byte { Free, Paid = 3 }
            [HelloMessage]
            public partial record Defaults(
                double NotANumber = double.NaN, float Up = float.PositiveInfinity, double Down = double.NegativeInfinity, float Tenth = 0.1f,
                decimal Price = -1.50m, char Letter = 'x', string Text = "a \"quote\", a \\ and a\nline", long Big = long.MaxValue,
                ulong Bigger = ulong.MaxValue, Tier Tier = Tier.Paid, bool Flag = false, DateTime When = default, Guid Id = default,
                TimeSpan After = default, DateTimeOffset At = default, int? Maybe = null, string? Note = null);
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);

        using var schema = JsonDocument.Parse(Schema(run));

        var defaults = schema.RootElement.GetProperty("records")[0].GetProperty("members").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("default").GetRawText());
        Assert.Equal("\"NaN\"", defaults["NotANumber"]);
        Assert.Equal("\"Infinity\"", defaults["Up"]);
        Assert.Equal("\"-Infinity\"", defaults["Down"]);
        Assert.Equal("0.1", defaults["Tenth"]);
        Assert.Equal("\"-1.50\"", defaults["Price"]);
        Assert.Equal("120", defaults["Letter"]);
        Assert.Equal("\"a \\\"quote\\\", a \\\\ and a\\nline\"", defaults["Text"]);
        Assert.Equal("9223372036854775807", defaults["Big"]);
        Assert.Equal("18446744073709551615", defaults["Bigger"]);
        Assert.Equal("3", defaults["Tier"]);
        Assert.Equal("false", defaults["Flag"]);
        Assert.Equal("\"0001-01-01T00:00:00Z\"", defaults["When"]);
        Assert.Equal("\"00000000-0000-0000-0000-000000000000\"", defaults["Id"]);
        Assert.Equal("0", defaults["After"]);
        Assert.Equal("\"0001-01-01T00:00:00+00:00\"", defaults["At"]);
        Assert.Equal("null", defaults["Maybe"]);
        Assert.Equal("null", defaults["Note"]);
    }

    /// <summary>The JSON of the generated <c>Schema</c> property: a verbatim string literal.</summary>
    internal static string Schema(GeneratorRun run)
    {
        var literal = run.Source("Lifeline.Schema.g.cs").Split("public static string Schema => @\"")[1];
        return literal[..literal.LastIndexOf("\";", StringComparison.Ordinal)].Replace("\"\"", "\"", StringComparison.Ordinal);
    }
}
