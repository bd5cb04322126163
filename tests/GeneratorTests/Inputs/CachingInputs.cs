using System.Linq;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace Lifeline.GeneratorTests.Inputs;

/// <summary>The compilations the caching tests edit: every snapshot input beside an unrelated file, and a small project.</summary>
internal static class CachingInputs
{
    public const string Project = "Six_records_and_a_handler_in_their_own_files";

    public static readonly (string Name, string[] Sources)[] All =
    [
        .. SnapshotInputs.All.Select(i => (i.Name, new[] { i.Source, SourceEdits.UnrelatedSource })),
        (Project, [ProjectInputs.Records, ProjectInputs.Handler, SourceEdits.UnrelatedSource]),
    ];

    public static CSharpCompilation Compile(string name) => TestCompilation.Create(All.Single(i => i.Name == name).Sources);
}
