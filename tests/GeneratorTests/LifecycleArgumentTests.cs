using System.Collections.Immutable;
using Lifeline.Generator.Analyzers;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>LFL0210 says why a value cannot be a socket's hello or disconnect message, where the compiler names only a constraint.</summary>
public class LifecycleArgumentTests
{
    [Theory]
    [InlineData("var s = new DealerSocket(); s.SetHelloMessage({|LFL0210:new Plain(\"a\")|});", "has no [HelloMessage] attribute")]
    [InlineData("var s = new RouterSocket(); s.SetDisconnectMessage({|LFL0210:new Plain(\"a\")|});", "has no [DisconnectMessage] attribute")]
    [InlineData("var s = new DealerSocket(); s.SetHelloMessage({|LFL0210:new Bye(\"a\")|});", "is a disconnect message")]
    [InlineData("var s = new RouterSocket(); s.SetDisconnectMessage({|LFL0210:new Hi(\"a\")|});", "is a hello message")]
    [InlineData("var s = new DealerSocket(); s.SetHelloMessage({|LFL0210:new Part(1)|});", "[MessagePart]")]
    [InlineData("var s = new DealerSocket(); s.SetHelloMessage({|LFL0210:new NotARecord()|});", "is not a record")]
    // The options of Lifeline.Hosting.
    [InlineData("var o = new LifelineDealerOptions(); o.SetHello({|LFL0210:new Bye(\"a\")|});", "is a disconnect message")]
    [InlineData("var o = new LifelineRouterOptions(); o.SetDisconnectMessage({|LFL0210:new Plain(\"a\")|});", "has no [DisconnectMessage] attribute")]
    [InlineData("var o = new LifelineRouterOptions(); o.SetHello({|LFL0210:new Part(1)|});", "[MessagePart]")]
    // A factory, and a conditional access.
    [InlineData("var o = new LifelineRouterOptions(); o.SetDisconnectMessage(sp => {|LFL0210:new Hi(\"x\")|});", "is a hello message")]
    [InlineData("RouterSocket? s = new RouterSocket(); s?.SetDisconnectMessage({|LFL0210:new Hi(\"x\")|});", "is a hello message")]
    public void Values_of_the_wrong_kind_are_explained_on_the_argument(string body, string reason)
    {
        DiagnosticAssert.Reported(Program(body), DiagnosticSeverity.Error, Analyze);
        var diagnostic = Assert.Single(Analyze(Markup.Parse(Program(body)).Source));
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var s = new DealerSocket(); s.SetHelloMessage(new Hi(\"a\"));")]
    [InlineData("var s = new RouterSocket(); s.SetDisconnectMessage(new Bye(\"a\")); s.SetHelloMessage(new Hi(\"b\"));")]
    [InlineData("var s = new DealerSocket(); s.Options.HelloMessage = new byte[] { 1 };")]
    [InlineData("var other = new Other(); other.SetHelloMessage(new Plain(\"a\"));")]
    [InlineData("var o = new LifelineRouterOptions(); o.SetHello(new Hi(\"a\")); o.SetDisconnectMessage(new Bye(\"b\")); o.SetDisconnectMessage(_ => new Bye(\"c\"));")]
    public void Valid_calls_and_other_methods_of_the_same_name_are_silent(string body) =>
        DiagnosticAssert.None(Program(body), Analyze);

    private static string Program(string body) => $$"""
        using Lifeline;
        using NetMQ;
        using NetMQ.Sockets;
        using Lifeline.Hosting;
        [HelloMessage] public partial record Hi(string Name);
        [DisconnectMessage] public partial record Bye(string Reason);
        [MessagePart] public partial record Part(int X);
        public record Plain(string Name);
        public class NotARecord { }
        public class Other { public void SetHelloMessage(Plain plain) { } }
        public static class Program
        {
            public static void Run()
            {
                {{body}}
            }
        }
        """;

    private static ImmutableArray<Diagnostic> Analyze(string source) =>
        TestCompilation.Analyze(TestCompilation.Run(source).Output, new LifecycleArgumentAnalyzer());
}
