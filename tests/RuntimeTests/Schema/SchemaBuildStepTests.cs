using System;
using System.Diagnostics;
using System.IO;
using Lifeline.Generated;
using Lifeline.RuntimeTests.Serialization;
using Xunit;

namespace Lifeline.RuntimeTests.Schema;

/// <summary>
/// The package's build step (src/Runtime/build/Lifeline.targets), run by MSBuild on compiled assemblies: it writes the
/// schema an assembly carries, writes nothing for one without records, and can be turned off.
/// </summary>
public sealed class SchemaBuildStepTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lifeline-schema-").FullName;

    [Fact]
    public void The_schema_an_assembly_carries_is_written_as_its_name_dot_lifeline_json()
    {
        Build(typeof(SchemaTests).Assembly.Location);

        Assert.Equal(LifelineMessages.Schema + "\n", File.ReadAllText(Path.Combine(_directory, "Probe.lifeline.json")));
    }

    [Fact]
    public void GenerateLifelineSchema_false_writes_nothing()
    {
        Build(typeof(SchemaTests).Assembly.Location, "-p:GenerateLifelineSchema=false");

        Assert.False(File.Exists(Path.Combine(_directory, "Probe.lifeline.json")));
    }

    [Fact]
    public void An_assembly_without_records_gets_no_file_and_loses_a_stale_one()
    {
        // Left by an earlier build, when the assembly still had records; the assembly was compiled since.
        var stale = Path.Combine(_directory, "Probe.lifeline.json");
        File.WriteAllText(stale, "{}");
        File.SetLastWriteTimeUtc(stale, File.GetLastWriteTimeUtc(typeof(LifelineFrame).Assembly.Location).AddHours(-1));

        Build(typeof(LifelineFrame).Assembly.Location);

        Assert.False(File.Exists(Path.Combine(_directory, "Probe.lifeline.json")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // A project that is only the step: an assembly as the compiler's output, and the target the step follows.
    private void Build(string assembly, string extra = "")
    {
        var targets = Path.Combine(WireFormatVectorTests.RepositoryRoot(), "src", "Runtime", "build", "Lifeline.targets");
        var project = Path.Combine(_directory, "probe.proj");
        File.WriteAllText(project, $"""
            <Project>
              <PropertyGroup>
                <TargetDir>{_directory}{Path.DirectorySeparatorChar}</TargetDir>
                <TargetName>Probe</TargetName>
              </PropertyGroup>
              <ItemGroup>
                <IntermediateAssembly Include="{assembly}" />
              </ItemGroup>
              <Import Project="{targets}" />
              <Target Name="CopyFilesToOutputDirectory" />
            </Project>
            """);
        var start = new ProcessStartInfo("dotnet", $"msbuild \"{project}\" -t:CopyFilesToOutputDirectory -nologo -nodeReuse:false {extra}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var msbuild = Process.Start(start)!;
        var output = msbuild.StandardOutput.ReadToEndAsync();
        var error = msbuild.StandardError.ReadToEndAsync();
        Assert.True(msbuild.WaitForExit(120_000), "msbuild did not finish within two minutes");
        Assert.True(msbuild.ExitCode == 0, $"msbuild failed:\n{output.Result}\n{error.Result}");
    }
}
