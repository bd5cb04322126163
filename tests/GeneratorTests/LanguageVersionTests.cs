using System.Linq;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>Records exist since C# 9, and so does everything the generator writes: Unity and older projects use C# 9.</summary>
public class LanguageVersionTests
{
    // C# 9 only: block namespaces, no record structs, no file-scoped namespaces.
    private const string Records = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Lifeline;
        using NetMQ;

        namespace Demo
        {
            [MessagePart] public partial record Address(string Street, int Number, string? Note);

            [HelloMessage(Id = 1)]
            public partial record Hello(string Name, List<Address?> Addresses, Dictionary<string, int[]?>? Index, Guid Id, DateTimeOffset At, int? Slot = null);

            [DisconnectMessage(Id = 2)]
            public partial record Gone(string Reason)
            {
                public TimeSpan After { get; init; }
            }

            [HelloMessage(Id = 3)]
            public partial record Modern(
                DateOnly Day, TimeOnly Time, Half Ratio, Int128 Big, UInt128 Huge, System.Numerics.BigInteger Unbounded,
                Uri Endpoint, Version? Release, ReadOnlyMemory<byte> Blob, HashSet<string> Tags, ISet<int> Slots, IList<string>? Names,
                IEnumerable<int> Sequence, System.Collections.Immutable.ImmutableArray<int> Frozen, Dictionary<int, string> ByNumber,
                IReadOnlyDictionary<Guid, string?> ByGuid, Dictionary<DayOfWeek, int> ByDay, (int Count, string Label) Pair,
                (Guid, DateOnly?, List<int>)? Triple);

            [LifelineCatalog]
            public static partial class DemoMessages
            {
            }

            [LifelineHandler]
            public partial class Hub
            {
                public void OnPeerConnected(PeerId peer, Hello hello) { }

                public ValueTask OnPeerDisconnected(PeerId peer, Hello hello, Gone gone) => default;

                public void OnMessage(PeerId peer, NetMQMessage message) { }
            }
        }
        """;

    [Theory]
    [InlineData(LanguageVersion.CSharp9, NullableContextOptions.Enable)]
    [InlineData(LanguageVersion.CSharp9, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.CSharp10, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Annotations)]
    public void Generated_code_compiles_without_a_warning_from_CSharp_9(LanguageVersion version, NullableContextOptions nullable)
    {
        // "string?" in user code under a disabled context is the user's own warning (CS8632); keep the input neutral there.
        var source = nullable == NullableContextOptions.Disable ? Records.Replace("string?", "string").Replace("Version?", "Version").Replace("?>", ">").Replace("]?", "]").Replace(">?", ">") : Records;
        var run = TestCompilation.Run(TestCompilation.Create(new CSharpParseOptions(version), nullable, source));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains(run.Sources, s => s.HintName.EndsWith("Hub.LifelineHandler.g.cs", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Below_CSharp_9_nothing_is_generated_and_only_the_compilers_own_errors_are_on_the_users_lines()
    {
        var run = TestCompilation.Run(TestCompilation.Create(new CSharpParseOptions(LanguageVersion.CSharp8), NullableContextOptions.Enable, Records));

        Assert.Empty(run.Sources);
        Assert.Empty(run.GeneratorDiagnostics);
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Contains(errors, e => e.Id == "CS8400"); // "Feature 'records' is not available in C# 8.0"
        Assert.All(errors, e => Assert.Equal("Source0.cs", e.Location.SourceTree?.FilePath));
    }
}
