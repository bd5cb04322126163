using System;
using System.IO;
using System.Xml.Linq;
using Lifeline.Generator.Emitting;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>[GeneratedCode] names the version of the package that carries the generator.</summary>
public class GeneratedCodeVersionTests
{
    [Fact]
    public void The_generated_code_version_is_the_package_version()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var project = XDocument.Load(Path.Combine(directory!.FullName, "src", "Runtime", "Runtime.csproj"));
        var version = Assert.Single(project.Descendants("Version")).Value;
        Assert.Equal(ThisAssembly.Version, version);
    }
}
