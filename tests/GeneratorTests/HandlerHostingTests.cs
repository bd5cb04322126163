using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Lifeline.Generator.Analyzers;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>
/// Handlers that cannot run where their class is hosted: peer-disconnect handlers over a ROUTER or PEER that never gets
/// a disconnect record they take (LFL0308), and handler kinds the host's socket never calls (LFL0309), through
/// <c>new LifelineSocketHost(...)</c> and Lifeline.Hosting. Each mistake is caught on its span; valid neighbours, and
/// programs where the analysis cannot know, stay silent.
/// </summary>
public class HandlerHostingTests
{
    private const string Hub = """
        [LifelineHandler]
        public partial class Hub
        {
            void OnPeerConnected(PeerId peer, Hi hello) { }
            void OnPeerDisconnected(PeerId peer, Hi hello, Bye gone) { }
            void OnMessage(PeerId peer, NetMQMessage message) { }
        }
        """;

    [Theory]
    // Bound and hosted, no disconnect message anywhere.
    [InlineData("""
        public static class Server
        {
            public static void Run()
            {
                using var router = new RouterSocket();
                router.Bind("tcp://127.0.0.1:5555");
                using var host = new LifelineSocketHost(router, {|LFL0308:new Hub()|});
            }
        }
        """)]
    // A disconnect message of a record the handler does not take.
    [InlineData("""
        public static class Server
        {
            public static void Run()
            {
                using var router = new RouterSocket();
                router.SetDisconnectMessage(new Crash(1));
                router.Bind("tcp://127.0.0.1:5555");
                using var host = new LifelineSocketHost(router, {|LFL0308:new Hub()|});
            }
        }
        """)]
    // A socket kept in a private field by the constructor, hosted in Start; a handler held in a local.
    [InlineData("""
        public sealed class Server
        {
            private readonly RouterSocket _router;
            public Server() { _router = new RouterSocket(); _router.Options.Linger = System.TimeSpan.Zero; }
            public void Start()
            {
                var hub = new Hub();
                _router.Bind("tcp://127.0.0.1:5555");
                var host = new LifelineSocketHost(_router, {|LFL0308:hub|});
            }
        }
        """)]
    // A PEER socket, hosted before it binds in a helper.
    [InlineData("""
        public sealed class Node
        {
            public void Start()
            {
                var peer = new PeerSocket();
                var host = new LifelineSocketHost(peer, {|LFL0308:new Hub()|});
                Open(peer);
            }
            private static void Open(PeerSocket socket) => socket.Bind("tcp://127.0.0.1:5555");
        }
        """)]
    public void Peer_disconnect_handlers_over_a_socket_without_their_record_are_reported(string code) =>
        DiagnosticAssert.Reported(Source(code + Hub), DiagnosticSeverity.Warning, Analyze);

    [Theory]
    // Set before hosting, after hosting (before Bind), in a helper, in the constructor of a field.
    [InlineData("""var router = new RouterSocket(); router.SetDisconnectMessage(new Bye("x")); var host = new LifelineSocketHost(router, new Hub()); router.Bind("tcp://127.0.0.1:1");""")]
    [InlineData("""var router = new RouterSocket(); var host = new LifelineSocketHost(router, new Hub()); router.SetDisconnectMessage(new Bye("x")); router.Bind("tcp://127.0.0.1:1");""")]
    [InlineData("""var router = new RouterSocket(); Configure(router); var host = new LifelineSocketHost(router, new Hub());""")]
    // One of several records the socket may get is one the handler takes.
    [InlineData("""var router = new RouterSocket(); if (System.Environment.ProcessorCount > 1) router.SetDisconnectMessage(new Crash(1)); else router.SetDisconnectMessage(new Bye("x")); var host = new LifelineSocketHost(router, new Hub());""")]
    // Raw bytes: the analysis cannot tell the record.
    [InlineData("""var router = new RouterSocket(); router.Options.DisconnectMessage = Frames.Make(); var host = new LifelineSocketHost(router, new Hub());""")]
    // The socket goes where the analysis does not follow: another type's method, a collection, a lambda, a returned value.
    [InlineData("""var router = new RouterSocket(); Other.Configure(router); var host = new LifelineSocketHost(router, new Hub());""")]
    [InlineData("""var router = new RouterSocket(); var all = new System.Collections.Generic.List<RouterSocket> { router }; Other.ConfigureAll(all); var host = new LifelineSocketHost(router, new Hub());""")]
    [InlineData("""var router = new RouterSocket(); System.Action later = () => Other.Configure(router); later(); var host = new LifelineSocketHost(router, new Hub());""")]
    [InlineData("""var holder = new Holder(); holder.Socket = new RouterSocket(); Other.Configure(holder); var host = new LifelineSocketHost(holder.Socket, new Hub());""")]
    // A socket the method was given, or made by another type.
    [InlineData("""var router = Other.Make(); var host = new LifelineSocketHost(router, new Hub());""")]
    // The host's own socket gets the message.
    [InlineData("""var router = new RouterSocket(); var host = new LifelineSocketHost(router, new Hub()); host.Socket.Options.DisconnectMessage = Frames.Make(); router.Bind("tcp://127.0.0.1:1");""")]
    // A handler held as the interface: which class it is is not known.
    [InlineData("""var router = new RouterSocket(); ILifelineHandler handler = new Hub(); var host = new LifelineSocketHost(router, handler);""")]
    // A socket that never binds or connects has no peers to lose (a test of the host itself).
    [InlineData("""using var router = new RouterSocket(); using var host = new LifelineSocketHost(router, new Hub());""")]
    // A handler without peer-disconnect handlers.
    [InlineData("""var router = new RouterSocket(); var host = new LifelineSocketHost(router, new Quiet()); router.Bind("tcp://127.0.0.1:1");""")]
    public void Valid_or_unknowable_hosting_is_silent(string body) =>
        DiagnosticAssert.None(Source($$"""
            public static class Server
            {
                public static void Run()
                {
                    {{body}}
                }

                private static void Configure(RouterSocket socket) => socket.SetDisconnectMessage(new Bye("x"));
            }

            public static class Other
            {
                public static void Configure(RouterSocket socket) { }
                public static void Configure(Holder holder) { }
                public static void ConfigureAll(System.Collections.Generic.List<RouterSocket> sockets) { }
                public static RouterSocket Make() => new RouterSocket();
            }

            public sealed class Holder { public RouterSocket Socket { get; set; } = null!; }
            public static class Frames { public static byte[] Make() => new byte[] { 1 }; }
            [LifelineHandler] public partial class Quiet { void OnPeerConnected(PeerId peer, Hi hello) { } }
            """ + Hub), Analyze);

    [Fact]
    public void Sockets_other_code_can_reach_are_not_judged()
    {
        // A public field, a socket returned to the caller, a parameter.
        DiagnosticAssert.None(Source("""
            public sealed class Server
            {
                public RouterSocket Router = new RouterSocket();
                public void Start() => new LifelineSocketHost(Router, new Hub()).Dispose();
                public static RouterSocket Serve() { var r = new RouterSocket(); var host = new LifelineSocketHost(r, new Hub()); return r; }
                public static void Serve(RouterSocket given) { var host = new LifelineSocketHost(given, new Hub()); given.Bind("tcp://127.0.0.1:1"); }
            }
            """ + Hub), Analyze);
    }

    [Theory]
    // Peer handlers on a class hosted only on a DEALER.
    [InlineData("""
        [LifelineHandler]
        public partial class Worker
        {
            void OnConnected(Hi server) { }
            void {|LFL0309:OnPeerConnected|}(PeerId peer, Hi hello) { }
            void {|LFL0309:OnUnknownPeerDisconnected|}(PeerId peer, Bye gone) { }
        }
        public static class Program
        {
            public static void Run() { var dealer = new DealerSocket(); var host = new LifelineSocketHost(dealer, new Worker()); }
        }
        """)]
    // Server handlers on a class hosted only on a ROUTER and a PEER.
    [InlineData("""
        [LifelineHandler]
        public partial class Server
        {
            void OnPeerConnected(PeerId peer, Hi hello) { }
            void {|LFL0309:OnConnected|}(Hi server) { }
            void {|LFL0309:OnDisconnected|}() { }
        }
        public static class Program
        {
            public static void Run()
            {
                var router = new RouterSocket(); router.SetDisconnectMessage(new Bye("x"));
                var a = new LifelineSocketHost(router, new Server());
                var peer = new PeerSocket(); peer.SetDisconnectMessage(new Bye("x"));
                var b = new LifelineSocketHost(peer, new Server());
            }
        }
        """)]
    public void Handlers_the_hosting_socket_never_calls_are_reported(string code) =>
        DiagnosticAssert.Reported(Source(code), DiagnosticSeverity.Warning, Analyze);

    [Theory]
    // The same class on a ROUTER and a DEALER: every handler runs somewhere.
    [InlineData("""var r = new RouterSocket(); r.SetDisconnectMessage(new Bye("x")); var a = new LifelineSocketHost(r, new Both()); var b = new LifelineSocketHost(new DealerSocket(), new Both());""")]
    // A DEALER host of a handler held as the interface could be any class: the ROUTER-only class is not judged.
    [InlineData("""var r = new RouterSocket(); r.SetDisconnectMessage(new Bye("x")); var a = new LifelineSocketHost(r, new Both()); ILifelineHandler any = Pick(); var b = new LifelineSocketHost(new DealerSocket(), any);""")]
    // A class that is never hosted here (a library's) is not judged.
    [InlineData("""var unused = new Both();""")]
    public void Handler_classes_hosted_where_their_handlers_run_are_silent(string body) =>
        DiagnosticAssert.None(Source($$"""
            [LifelineHandler]
            public partial class Both
            {
                void OnPeerConnected(PeerId peer, Hi hello) { }
                void OnPeerDisconnected(PeerId peer, Bye gone) { }
                void OnConnected(Hi server) { }
                void OnMessage(PeerId peer, NetMQMessage message) { }
            }
            public static class Program
            {
                public static void Run() { {{body}} }
                private static ILifelineHandler Pick() => new Both();
            }
            """), Analyze);

    [Theory]
    // Lifeline.Hosting: a hosted ROUTER whose options set no disconnect record, or another record.
    [InlineData("""services.{|LFL0308:AddLifelineRouter<Hub>|}(o => o.Bind.Add("tcp://127.0.0.1:5555"));""")]
    [InlineData("""services.{|LFL0308:AddLifelineRouter<Hub>|}();""")]
    [InlineData("""services.{|LFL0308:AddLifelineRouter<Hub>|}(o => { o.Bind.Add("tcp://127.0.0.1:5555"); o.SetDisconnectMessage(new Crash(1)); }).ValidateOnStart();""")]
    // A hub with peer handlers hosted as a DEALER.
    [InlineData("""services.AddLifelineDealer<{|LFL0309:Hub|}>(o => o.Connect.Add("tcp://127.0.0.1:5555"));""")]
    public void Hosted_hubs_whose_handlers_never_run_are_reported(string line)
    {
        var markup = HostedSource(line);
        if (line.Contains("AddLifelineDealer", System.StringComparison.Ordinal))
        {
            // LFL0309 is reported on the handler methods, in the hub.
            markup = markup.Replace("{|LFL0309:Hub|}", "Hub", System.StringComparison.Ordinal)
                .Replace("void OnPeerConnected(", "void {|LFL0309:OnPeerConnected|}(", System.StringComparison.Ordinal)
                .Replace("void OnPeerDisconnected(", "void {|LFL0309:OnPeerDisconnected|}(", System.StringComparison.Ordinal);
        }

        DiagnosticAssert.Reported(markup, DiagnosticSeverity.Warning, Analyze);
    }

    [Fact]
    public void A_hosted_sockets_ConfigureSocket_hook_knows_its_socket_class()
    {
        DiagnosticAssert.Reported(HostedSource("""
            services.AddLifelineDealer<Client>(o => { o.Connect.Add("tcp://127.0.0.1:5555"); o.ConfigureSocket = s => {|LFL0201:s.Options.DisconnectMessage|} = new byte[] { 1 }; });
            services.AddLifelineRouter<Hub>(o => { o.SetDisconnectMessage(new Bye("x")); o.ConfigureSocket = s => s.Options.DisconnectMessage = new byte[] { 1 }; });
            """), DiagnosticSeverity.Error, AnalyzeAll);
    }

    [Fact]
    public void Endpoints_given_to_hosted_sockets_are_checked()
    {
        DiagnosticAssert.Reported(HostedSource("""
            services.AddLifelineRouter<Hub>(o => { o.SetDisconnectMessage(new Bye("x")); o.Bind.Add({|LFL0206:"tcp://*:99999"|}); o.Bind.Add({|LFL0207:"pgm://eth0;239.192.1.1:5555"|}); o.Bind.Add("tcp://*:5555"); });
            services.AddLifelineDealer<Client>(o => { o.Connect.Add({|LFL0206:"127.0.0.1:5555"|}); o.Connect.Add("tcp://127.0.0.1:5555"); });
            """), DiagnosticSeverity.Error, AnalyzeAll);
    }

    [Theory]
    [InlineData("""services.AddLifelineRouter<Hub>(o => o.SetDisconnectMessage(new Bye("x")));""")]
    [InlineData("""services.AddLifelineRouter<Hub>(o => o.SetDisconnectMessage(_ => new Bye("x"))).ValidateOnStart();""")]
    // A helper that sets a disconnect message on router options may be any router's.
    [InlineData("""services.AddLifelineRouter<Hub>(); Apply(new LifelineRouterOptions());""")]
    // Configured further, elsewhere, or by a helper: not known here.
    [InlineData("""services.AddLifelineRouter<Hub>().Configure(o => o.SetDisconnectMessage(new Bye("x")));""")]
    [InlineData("""services.AddLifelineRouter<Hub>(o => Apply(o));""")]
    [InlineData("""services.AddLifelineRouter<Hub>(Apply);""")]
    [InlineData("""var builder = services.AddLifelineRouter<Hub>(); Use(builder);""")]
    [InlineData("""services.AddLifelineRouter<Hub>(); services.Configure<LifelineRouterOptions>(typeof(Hub).FullName, o => o.SetDisconnectMessage(new Bye("x")));""")]
    // A DEALER hub with DEALER handlers.
    [InlineData("""services.AddLifelineDealer<Client>(o => o.Connect.Add("tcp://127.0.0.1:5555"));""")]
    public void Hosted_hubs_configured_right_or_elsewhere_are_silent(string line) =>
        DiagnosticAssert.None(HostedSource(line), Analyze);

    [Fact]
    public void Messages_say_what_to_do()
    {
        string Message(string code) => Analyze(Markup.Parse(Source(code + Hub)).Source).Single().GetMessage(CultureInfo.InvariantCulture);

        var never = Message("""public static class S { public static void Run() { var router = new RouterSocket(); router.Bind("tcp://127.0.0.1:1"); var h = new LifelineSocketHost(router, new Hub()); } }""");
        Assert.Contains("'OnPeerDisconnected(PeerId, Hi, Bye)'", never, System.StringComparison.Ordinal);
        Assert.Contains("'router' never gets a disconnect message", never, System.StringComparison.Ordinal);
        Assert.Contains("router.SetDisconnectMessage(new Bye(...))", never, System.StringComparison.Ordinal);

        var other = Message("""public static class S { public static void Run() { var router = new RouterSocket(); router.SetDisconnectMessage(new Crash(2)); router.Bind("tcp://127.0.0.1:1"); var h = new LifelineSocketHost(router, new Hub()); } }""");
        Assert.Contains("is 'Crash'", other, System.StringComparison.Ordinal);

        var dealer = Analyze(Markup.Parse(Source("""
            [LifelineHandler] public partial class W { void OnPeerConnected(PeerId peer, Hi hello) { } }
            public static class S { public static void Run() { var h = new LifelineSocketHost(new DealerSocket(), new W()); } }
            """)).Source).Single().GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'W.OnPeerConnected' never runs", dealer, System.StringComparison.Ordinal);
        Assert.Contains("only on a DealerSocket", dealer, System.StringComparison.Ordinal);
        Assert.Contains("RouterSocket or PeerSocket", dealer, System.StringComparison.Ordinal);
    }

    private static string HostedSource(string line) => Source($$"""
        using Lifeline.Hosting;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;

        public static class Startup
        {
            public static void Register(IServiceCollection services)
            {
                {{line}}
            }
        {{(line.Contains("Apply", System.StringComparison.Ordinal) ? "    private static void Apply(LifelineRouterOptions options) => options.SetDisconnectMessage(new Bye(\"x\"));" : string.Empty)}}
            private static void Use(OptionsBuilder<LifelineRouterOptions> builder) { }
        }

        [LifelineHandler] public partial class Client { void OnConnected(Hi server) { } void OnDisconnected() { } }
        """ + Hub);

    private static string Source(string code)
    {
        // Usings first: a hosting source brings its own, which must come before any declaration.
        var usings = string.Join("\n", code.Split('\n').Where(l => l.StartsWith("using ", System.StringComparison.Ordinal)));
        var rest = string.Join("\n", code.Split('\n').Where(l => !l.StartsWith("using ", System.StringComparison.Ordinal)));
        return $$"""
            using Lifeline;
            using NetMQ;
            using NetMQ.Sockets;
            {{usings}}
            {{rest}}
            [HelloMessage] public partial record Hi(string Name);
            [DisconnectMessage] public partial record Bye(string Reason);
            [DisconnectMessage] public partial record Crash(int Code);
            """;
    }

    private static ImmutableArray<Diagnostic> AnalyzeAll(string source)
    {
        var run = TestCompilation.Run(source);
        Assert.Empty(run.CompilationProblems);
        return TestCompilation.Analyze(run.Output, new SocketUsageAnalyzer());
    }

    private static ImmutableArray<Diagnostic> Analyze(string source)
    {
        var run = TestCompilation.Run(source);
        Assert.Empty(run.CompilationProblems);
        var diagnostics = TestCompilation.Analyze(run.Output, new SocketUsageAnalyzer());
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id is "LFL0308" or "LFL0309").ToImmutableArray();
    }
}
