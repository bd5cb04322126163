using System.Linq;
using Lifeline.Generator.Analyzers;
using Lifeline.GeneratorTests.Infrastructure;
using Xunit;

namespace Lifeline.GeneratorTests.Conformance;

/// <summary>NetMQ behaviours that cannot be run safely or at all, caught at compile time instead.</summary>
public class NetMQDefectConformanceTests
{
    /// <summary>Defect 4: clearing the hello after a tcp Connect crashes NetMQ's IO thread at the next reconnect.</summary>
    [Fact]
    public void Defect_clearing_the_hello_after_connect_is_reported_before_it_can_crash()
    {
        Assert.Equal(["LFL0204"], Analyze("""
            var dealer = new DealerSocket();
            dealer.Options.HelloMessage = new byte[] { (byte)'H' };
            dealer.Connect("tcp://127.0.0.1:5555");
            dealer.Options.HelloMessage = null;
            """));
    }

    /// <summary>NetMQ throws at run time for a disconnect message on a DEALER, and silently ignores a hello on REQ.</summary>
    [Fact]
    public void Runtime_rejections_and_silent_drops_are_reported_at_compile_time()
    {
        Assert.Equal(["LFL0201", "LFL0203"], Analyze("""
            new DealerSocket().Options.DisconnectMessage = new byte[] { (byte)'D' };
            new RequestSocket().Options.HelloMessage = new byte[] { (byte)'H' };
            """));
    }

    private static string[] Analyze(string body)
    {
        var source = $$"""
            using NetMQ.Sockets;
            public static class Program { public static void Run() { {{body}} } }
            """;
        return [.. TestCompilation.Analyze(TestCompilation.Create(source), new SocketUsageAnalyzer()).Select(d => d.Id).OrderBy(id => id)];
    }
}
