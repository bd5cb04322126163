using System.Collections.Immutable;
using System.Linq;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>Every diagnostic the generator reports, on its exact span, and the near misses that must stay silent.</summary>
public class GeneratorDiagnosticTests
{
    private const string Usings = "using System.Collections.Generic; using Lifeline;\n";

    [Theory]
    [InlineData("[HelloMessage] public record {|LFL0001:Hello|}(string Name);")]
    [InlineData("[DisconnectMessage] public record struct {|LFL0001:Gone|}(string Reason);")]
    [InlineData("[HelloMessage] public partial class {|LFL0002:Hello|} { }")]
    [InlineData("[HelloMessage] public partial struct {|LFL0002:Hello|} { }")]
    [InlineData("[HelloMessage] public partial record Hello{|LFL0003:<T>|}(T Value);")]
    [InlineData("public class {|LFL0004:Outer|} { [HelloMessage] public partial record Hello(string Name); }")]
    [InlineData("public partial class Outer { [HelloMessage] private partial record {|LFL0005:Hello|}(string Name); }")]
    [InlineData("public partial class Outer { [HelloMessage] protected partial record {|LFL0005:Hello|}(string Name); }")]
    [InlineData("[HelloMessage] file partial record {|LFL0005:Hello|}(string Name);")]
    [InlineData("[HelloMessage, DisconnectMessage] public partial record {|LFL0006:Both|}(string Name);")]
    [InlineData("[HelloMessage, MessagePart] public partial record {|LFL0006:Both|}(string Name);")]
    [InlineData("[MessagePart, DisconnectMessage] public partial record struct {|LFL0006:Both|}(string Name);")]
    [InlineData("[DisconnectMessage] public partial record Gone(string Reason) : {|LFL0006:IHelloMessage<Gone>|};")]
    [InlineData("[MessagePart] public partial record Part(int X) : {|LFL0006:ILifelineMessage<Part>|};")]
    [InlineData("[HelloMessage({|LFL0007:Id = -1|})] public partial record Hello(string Name);")]
    [InlineData("[HelloMessage] public partial record {|LFL0009:Hello|} { public Hello(int x) { } public int X { get; init; } }")]
    [InlineData("public record Base; [HelloMessage] public partial record Hello(string Name) : {|LFL0010:Base|};")]
    [InlineData("[HelloMessage] public partial record Hello({|LFL0101:object|} Payload);")]
    [InlineData("[HelloMessage] public partial record Hello({|LFL0101:Dictionary<double, string>|} Index);")]
    [InlineData("[HelloMessage] public partial record Hello({|LFL0101:(int, int, int, int, int, int, int, int)|} Wide);")]
    [InlineData("[HelloMessage] public partial record Hello({|LFL0101:System.ReadOnlyMemory<int>|} Numbers);")]
    [InlineData("[HelloMessage] public partial record Hello({|LFL0101:int[,]|} Grid);")]
    [InlineData("public record NotMarked(int X); [HelloMessage] public partial record Hello({|LFL0101:List<NotMarked>|} Items);")]
    [InlineData("[HelloMessage] public partial record Hello { public {|LFL0101:System.IntPtr|} Handle { get; init; } }")]
    public void Is_reported_on_its_span(string markup) =>
        DiagnosticAssert.Reported(Usings + markup, DiagnosticSeverity.Error, GeneratorDiagnostics);

    [Fact]
    public void Duplicate_ids_are_reported_on_the_second_record_with_the_first_as_additional_location()
    {
        var markup = Usings + """
            [HelloMessage(Id = 5)] public partial record {|LFL0008:B|}(string X);
            [DisconnectMessage(Id = 5)] public partial record A(string X);
            """;
        DiagnosticAssert.Reported(markup, DiagnosticSeverity.Error, GeneratorDiagnostics);

        var (source, _) = Markup.Parse(markup);
        var duplicate = GeneratorDiagnostics(source).Single();
        var additional = Assert.Single(duplicate.AdditionalLocations);
        Assert.Equal("A", source.Substring(additional.SourceSpan.Start, additional.SourceSpan.Length));
        Assert.Contains("0x00000005", duplicate.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public partial class Outer { [HelloMessage(Id = 5)] public partial record {|LFL0008:B|}(string X); } [HelloMessage(Id = 5)] public partial record A(string X);")]
    [InlineData("[HelloMessage(Id = 5)] public partial record A(string X); public partial record B { } [HelloMessage(Id = 5)] public partial record {|LFL0008:B|}(string X);")]
    [InlineData("namespace N.M { [DisconnectMessage(Id = 5)] public partial record {|LFL0008:B|}(string X); } [HelloMessage(Id = 5)] public partial record A(string X);")]
    [InlineData("[LifelineCatalog] public partial class {|LFL0011:Messages|} { }")]
    [InlineData("[LifelineCatalog] public static class {|LFL0011:Messages|} { }")]
    [InlineData("[LifelineCatalog] public static partial class {|LFL0011:Messages|} { public static int Catalog => 1; }")]
    [InlineData("public partial class Outer { [LifelineCatalog] private static partial class {|LFL0011:Messages|} { } }")]
    [InlineData("[LifelineCatalog] file static partial class {|LFL0011:Messages|} { }")]
    [InlineData("[LifelineCatalog] public static partial class A { } public static partial class Outer { [LifelineCatalog] public static partial class {|LFL0012:B|} { } }")]
    public void Checks_across_types_are_reported_on_the_declaration_that_carries_the_attribute(string markup) =>
        DiagnosticAssert.Reported(Usings + markup, DiagnosticSeverity.Error, GeneratorDiagnostics);

    [Fact]
    public void A_second_catalog_class_is_reported_with_the_chosen_one_as_additional_location()
    {
        var (source, _) = Markup.Parse(Usings + "[LifelineCatalog] public static partial class A { } [LifelineCatalog] public static partial class B { }");

        var second = Assert.Single(GeneratorDiagnostics(source));

        Assert.Equal("B", source.Substring(second.Location.SourceSpan.Start, second.Location.SourceSpan.Length));
        var additional = Assert.Single(second.AdditionalLocations);
        Assert.Equal("A", source.Substring(additional.SourceSpan.Start, additional.SourceSpan.Length));
    }

    [Theory]
    [InlineData("[HelloMessage] public partial record Hello(string Name);")]
    [InlineData("[HelloMessage] internal partial record struct Hello(string Name);")]
    [InlineData("[HelloMessage(Id = 0)] public partial record Hello(string Name);")]
    [InlineData("[HelloMessage(Id = 0x7FFFFFFF)] public partial record Hello(string Name);")]
    [InlineData("public partial class Outer { [HelloMessage] internal partial record Hello(string Name); }")]
    [InlineData("[MessagePart] public partial record Part(int X); [HelloMessage] public partial record Hello(List<Part> Parts, Part? One);")]
    [InlineData("[HelloMessage(Id = 1)] public partial record A(string X); [DisconnectMessage(Id = 2)] public partial record B(string X);")]
    [InlineData("[HelloMessage] public partial record Hello { public Hello() { } public int X { get; init; } }")]
    [InlineData("[MessagePart] public partial record P(int X); [MessagePart] public partial record Q(int X);")]
    [InlineData("public partial class Outer { [LifelineCatalog] internal static partial class Messages { public static int Count => 1; } }")]
    [InlineData("[HelloMessage] public partial record Hello(string Name) : IHelloMessage<Hello>, System.IComparable<Hello> { public int CompareTo(Hello? other) => 0; }")]
    public void Near_misses_stay_silent(string source) => DiagnosticAssert.None(Usings + source, GeneratorDiagnostics);

    private static ImmutableArray<Diagnostic> GeneratorDiagnostics(string source) => TestCompilation.Run(source).GeneratorDiagnostics;
}
