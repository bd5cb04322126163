using System.Linq;
using Lifeline.GeneratorTests.Infrastructure;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>SetHelloMessage/SetDisconnectMessage exist only where NetMQ honours them, and only for the right kind of record.</summary>
public class SocketApiTypeSafetyTests
{
    private const string Records = """
        [Lifeline.HelloMessage] public partial record Hi(string Name);
        [Lifeline.DisconnectMessage] public partial record Bye(string Reason);
        """;

    [Theory]
    [InlineData("DealerSocket", "SetHelloMessage(new Hi(\"a\"))")]
    [InlineData("RouterSocket", "SetHelloMessage(new Hi(\"a\"))")]
    [InlineData("ClientSocket", "SetHelloMessage(new Hi(\"a\"))")]
    [InlineData("ServerSocket", "SetHelloMessage(new Hi(\"a\"))")]
    [InlineData("PeerSocket", "SetHelloMessage(new Hi(\"a\"))")]
    [InlineData("RouterSocket", "SetDisconnectMessage(new Bye(\"b\"))")]
    [InlineData("ServerSocket", "SetDisconnectMessage(new Bye(\"b\"))")]
    [InlineData("PeerSocket", "SetDisconnectMessage(new Bye(\"b\"))")]
    public void Supported_socket_types_compile(string socket, string call)
    {
        Assert.Empty(Errors(socket, call));
    }

    [Theory]
    [InlineData("RequestSocket", "SetHelloMessage(new Hi(\"a\"))", "REQ")]
    [InlineData("ResponseSocket", "SetHelloMessage(new Hi(\"a\"))", "REP")]
    [InlineData("PushSocket", "SetHelloMessage(new Hi(\"a\"))", "PUSH")]
    [InlineData("PublisherSocket", "SetHelloMessage(new Hi(\"a\"))", "PUB")]
    [InlineData("PairSocket", "SetHelloMessage(new Hi(\"a\"))", "PAIR")]
    [InlineData("DealerSocket", "SetDisconnectMessage(new Bye(\"b\"))", "DEALER")]
    [InlineData("ClientSocket", "SetDisconnectMessage(new Bye(\"b\"))", "CLIENT")]
    [InlineData("ResponseSocket", "SetDisconnectMessage(new Bye(\"b\"))", "REP")]
    [InlineData("SubscriberSocket", "SetDisconnectMessage(new Bye(\"b\"))", "SUB")]
    [InlineData("NetMQ.NetMQSocket", "SetHelloMessage(new Hi(\"a\"))", "socket class")]
    [InlineData("NetMQ.ThreadSafeSocket", "SetDisconnectMessage(new Bye(\"b\"))", "socket class")]
    // The options of a DEALER hosted by Lifeline.Hosting: not a bare CS1061 either.
    [InlineData("Lifeline.Hosting.LifelineDealerOptions", "SetDisconnectMessage(new Bye(\"b\"))", "DEALER")]
    public void Other_socket_types_do_not_compile_and_say_why(string socket, string call, string why)
    {
        // CS0619: an [Obsolete(error: true)] overload, whose message explains what NetMQ does on that socket type.
        var errors = Diagnostics(socket, call);
        Assert.Equal(["CS0619"], errors.Select(d => d.Id).Distinct());
        Assert.Contains(why, errors[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public class MyDealer : DealerSocket { }", "new MyDealer().SetHelloMessage(new Hi(\"a\"))")]
    [InlineData("", "((DealerSocket)(NetMQ.NetMQSocket)new DealerSocket()).SetHelloMessage(new Hi(\"a\"))")]
    [InlineData("public static class Generic { public static void Set<TSocket>(TSocket s) where TSocket : RouterSocket => s.SetDisconnectMessage(new Bye(\"b\")); }", "Generic.Set(new RouterSocket())")]
    public void The_unsupported_overloads_do_not_capture_valid_calls(string declarations, string call)
    {
        var program = $$"""
            using Lifeline;
            using NetMQ.Sockets;
            {{declarations}}
            public static class Program
            {
                public static void Run() => {{call}};
            }
            """;

        Assert.Empty(TestCompilation.Run(program, Records).CompilationProblems);
    }

    [Theory]
    [InlineData("RouterSocket", "SetDisconnectMessage(new Hi(\"a\"))")]
    [InlineData("DealerSocket", "SetHelloMessage(new Bye(\"b\"))")]
    public void A_record_of_the_wrong_kind_does_not_compile(string socket, string call)
    {
        // CS0311: the record does not satisfy IHelloMessage<T> / IDisconnectMessage<T>.
        Assert.Contains("CS0311", Errors(socket, call));
    }

    private static string[] Errors(string socket, string call) => [.. Diagnostics(socket, call).Select(d => d.Id).Distinct()];

    private static Microsoft.CodeAnalysis.Diagnostic[] Diagnostics(string socket, string call)
    {
        var program = $$"""
            using Lifeline;
            using NetMQ.Sockets;
            public static class Program
            {
                public static void Configure({{socket}} socket) => socket.{{call}};
            }
            """;
        return [.. TestCompilation.Run(program, Records).CompilationProblems];
    }
}
