using System.Collections.Immutable;
using Lifeline.Generator.Analyzers;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>The analyzers over NetMQ socket usage: exact spans, severities, and the near misses that must stay silent.</summary>
public class AnalyzerDiagnosticTests
{
    [Theory]
    [InlineData("var s = new PushSocket(); {|LFL0201:s.Options.DisconnectMessage|} = new byte[] { 1 };")]
    [InlineData("var s = new DealerSocket(); {|LFL0201:s.Options.DisconnectMessage|} = new byte[] { 1 };")]
    [InlineData("var s = new ClientSocket(); {|LFL0201:s.Options.DisconnectMessage|} = new byte[] { 1 };")]
    [InlineData("var s = new RequestSocket(); {|LFL0201:s.Options.DisconnectMessage|} = new byte[] { 1 };")]
    [InlineData("var s = new DealerSocket(); s.Connect({|LFL0206:\"tcp:/127.0.0.1:5555\"|});")]
    [InlineData("var s = new DealerSocket(); s.Connect({|LFL0206:\"127.0.0.1:5555\"|});")]
    [InlineData("var s = new DealerSocket(); s.Connect({|LFL0206:\"udpx://127.0.0.1:5555\"|});")]
    [InlineData("var s = new DealerSocket(); s.Connect({|LFL0206:\"TCP://127.0.0.1:5555\"|});")]
    [InlineData("var s = new RouterSocket(); s.SetHelloMessage(new Hi(\"a\")); s.Bind({|LFL0207:\"pgm://127.0.0.1;239.192.1.1:5555\"|});")]
    [InlineData("var s = new DealerSocket(); s.SetHelloMessage(new Hi(\"a\")); s.Connect({|LFL0207:\"epgm://eth0;239.192.1.1:5555\"|});")]
    [InlineData("var s = new DealerSocket(); s.Connect({|LFL0206:\"tcp://127.0.0.1\"|});")]
    [InlineData("var s = new DealerSocket(); s.Connect({|LFL0206:\"tcp://127.0.0.1:*\"|});")]
    [InlineData("var s = new RouterSocket(); s.Bind({|LFL0206:\"tcp://*:70000\"|});")]
    [InlineData("var s = new RouterSocket(); s.Bind({|LFL0206:\"inproc://\"|});")]
    [InlineData("var s = new ServerSocket(); s.Bind({|LFL0206:\"tcp://:5555\"|});")]
    public void Errors_are_reported_on_their_span(string body) => DiagnosticAssert.Reported(Program(body), DiagnosticSeverity.Error, Analyze);

    [Theory]
    [InlineData("var s = new ResponseSocket(); {|LFL0202:s.Options.DisconnectMessage|} = new byte[] { 1 };")]
    [InlineData("var s = new PushSocket(); {|LFL0203:s.Options.HelloMessage|} = new byte[] { 1 };")]
    [InlineData("var s = new RequestSocket(); {|LFL0203:s.Options.HelloMessage|} = new byte[] { 1 };")]
    [InlineData("var s = new PublisherSocket(); {|LFL0203:s.Options.HelloMessage|} = new byte[] { 1 };")]
    [InlineData("var s = new DealerSocket(); s.Options.HelloMessage = new byte[] { 1 }; s.Connect(\"tcp://127.0.0.1:5555\"); {|LFL0204:s.Options.HelloMessage|} = null;")]
    [InlineData("var s = new DealerSocket(); s.Connect(\"tcp://127.0.0.1:5555\"); {|LFL0205:s.SetHelloMessage(new Hi(\"a\"))|};")]
    [InlineData("var s = new RouterSocket(); s.Bind(\"tcp://127.0.0.1:5555\"); {|LFL0205:s.SetDisconnectMessage(new Bye(\"b\"))|};")]
    [InlineData("var s = new ServerSocket(); s.Bind(\"inproc://x\"); {|LFL0205:s.Options.HelloMessage|} = new byte[] { 1 };")]
    [InlineData("NetMQ.NetMQSocket s = new PushSocket(); {|LFL0203:s.Options.HelloMessage|} = new byte[] { 1 };")]
    public void Warnings_are_reported_on_their_span(string body) => DiagnosticAssert.Reported(Program(body), DiagnosticSeverity.Warning, Analyze);

    [Theory]
    [InlineData("var s = new RouterSocket(); s.Options.DisconnectMessage = new byte[] { 1 }; s.Options.HelloMessage = new byte[] { 1 };")]
    [InlineData("var s = new PeerSocket(); s.Options.DisconnectMessage = new byte[] { 1 };")]
    [InlineData("var s = new ServerSocket(); s.Options.DisconnectMessage = new byte[] { 1 }; s.Bind(\"tcp://127.0.0.1:5555\");")]
    [InlineData("var s = new DealerSocket(); s.SetHelloMessage(new Hi(\"a\")); s.Connect(\"tcp://127.0.0.1:5555\");")]
    [InlineData("var s = new DealerSocket(); s.Options.HelloMessage = null; s.Connect(\"tcp://localhost:5555\");")]
    [InlineData("var s = new RouterSocket(); s.Bind(\"tcp://*:5555\"); s.Bind(\"tcp://[::1]:5556\"); s.Bind(\"inproc://a\"); s.Bind(\"ipc:///tmp/x\");")]
    [InlineData("var s = new RouterSocket(); s.BindRandomPort(\"tcp://127.0.0.1\");")]
    [InlineData("var s = new PushSocket(); s.Options.HelloMessage = null;")]
    [InlineData("var a = new DealerSocket(); var b = new DealerSocket(); a.Connect(\"tcp://127.0.0.1:1\"); b.SetHelloMessage(new Hi(\"a\"));")]
    [InlineData("var s = new DealerSocket(); var where = System.Environment.GetEnvironmentVariable(\"E\")!; s.Connect(where);")]
    [InlineData("var s = new PublisherSocket(); s.Bind(\"pgm://127.0.0.1;239.192.1.1:5555\");")]
    [InlineData("NetMQ.NetMQSocket s = System.Environment.TickCount > 0 ? new PushSocket() : new DealerSocket(); s.Options.HelloMessage = new byte[] { 1 };")]
    [InlineData("var s = new DealerSocket(); s.Connect(\"udp://127.0.0.1:5555\");")]
    public void Near_misses_stay_silent(string body) => DiagnosticAssert.None(Program(body), Analyze);

    private static string Program(string body) => $$"""
        using Lifeline;
        using NetMQ;
        using NetMQ.Sockets;
        [HelloMessage] public partial record Hi(string Name);
        [DisconnectMessage] public partial record Bye(string Reason);
        public static class Program
        {
            public static void Run()
            {
                {{body}}
            }
        }
        """;

    private static ImmutableArray<Diagnostic> Analyze(string source) =>
        TestCompilation.Analyze(TestCompilation.Run(source).Output, new SocketUsageAnalyzer());
}
