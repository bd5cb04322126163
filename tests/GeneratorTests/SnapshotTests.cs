using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Lifeline.GeneratorTests.Infrastructure;
using Lifeline.GeneratorTests.Inputs;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>The generated source for each shape of input, compared with committed snapshots in Snapshots/.</summary>
public class SnapshotTests
{
    [Fact]
    public Task Positional_record_with_an_explicit_id() => Verify(SnapshotInputs.Positional_record_with_an_explicit_id);

    [Fact]
    public Task Record_struct_with_a_default_id() => Verify(SnapshotInputs.Record_struct_with_a_default_id);

    [Fact]
    public Task Disconnect_record() => Verify(SnapshotInputs.Disconnect_record);

    [Fact]
    public Task Record_with_init_properties() => Verify(SnapshotInputs.Record_with_init_properties);

    [Fact]
    public Task Positional_parameters_with_defaults() => Verify(SnapshotInputs.Positional_parameters_with_defaults);

    [Fact]
    public Task Nested_in_partial_types() => Verify(SnapshotInputs.Nested_in_partial_types);

    [Fact]
    public Task Global_namespace() => Verify(SnapshotInputs.Global_namespace);

    [Fact]
    public Task Every_member_type_family() => Verify(SnapshotInputs.Every_member_type_family);

    [Fact]
    public Task Member_named_like_a_keyword() => Verify(SnapshotInputs.Member_named_like_a_keyword);

    [Fact]
    public Task Handler_class() => Verify(SnapshotInputs.Handler_class);

    private static Task Verify(string source, [CallerMemberName] string test = "")
    {
        var run = TestCompilation.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.NotEmpty(run.Sources);
        foreach (var generated in run.Sources)
        {
            SnapshotAssert.Matches(generated.SourceText.ToString(), $"{test}.{generated.HintName.Replace(".g.cs", string.Empty, System.StringComparison.Ordinal)}");
        }

        return Task.CompletedTask;
    }
}
