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
    [InlineData("RequestSocket", "SetHelloMessage(new Hi(\"a\"))")]
    [InlineData("ResponseSocket", "SetHelloMessage(new Hi(\"a\"))")]
    [InlineData("PushSocket", "SetHelloMessage(new Hi(\"a\"))")]
    [InlineData("PublisherSocket", "SetHelloMessage(new Hi(\"a\"))")]
    [InlineData("PairSocket", "SetHelloMessage(new Hi(\"a\"))")]
    [InlineData("DealerSocket", "SetDisconnectMessage(new Bye(\"b\"))")]
    [InlineData("ClientSocket", "SetDisconnectMessage(new Bye(\"b\"))")]
    [InlineData("ResponseSocket", "SetDisconnectMessage(new Bye(\"b\"))")]
    [InlineData("SubscriberSocket", "SetDisconnectMessage(new Bye(\"b\"))")]
    public void Other_socket_types_do_not_compile(string socket, string call)
    {
        // CS1929: no accessible extension method for this receiver type.
        Assert.Contains("CS1929", Errors(socket, call));
    }

    [Theory]
    [InlineData("RouterSocket", "SetDisconnectMessage(new Hi(\"a\"))")]
    [InlineData("DealerSocket", "SetHelloMessage(new Bye(\"b\"))")]
    public void A_record_of_the_wrong_kind_does_not_compile(string socket, string call)
    {
        // CS0311: the record does not satisfy IHelloMessage<T> / IDisconnectMessage<T>.
        Assert.Contains("CS0311", Errors(socket, call));
    }

    private static string[] Errors(string socket, string call)
    {
        var program = $$"""
            using Lifeline;
            using NetMQ.Sockets;
            public static class Program
            {
                public static void Configure({{socket}} socket) => socket.{{call}};
            }
            """;
        var run = TestCompilation.Run(program, Records);
        return [.. run.CompilationProblems.Select(d => d.Id).Distinct()];
    }
}
