using System.Collections.Immutable;
using System.Linq;
using Lifeline.Generator.Analyzers;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Lifeline.GeneratorTests;

/// <summary>
/// The socket usage analyzer over whole programs: a socket followed across loops, branches, helpers, other objects'
/// properties, base-typed variables and connection-string constructors. Each group has mistakes caught on their
/// exact span and valid neighbours that stay silent.
/// </summary>
public class SocketFlowDiagnosticTests
{
    [Theory]
    // A hello set in a helper that runs after Connect: reported where the hello is set.
    [InlineData("""
        public sealed class Client
        {
            private readonly DealerSocket _dealer = new DealerSocket();
            public void Start()
            {
                _dealer.Connect("tcp://127.0.0.1:5555");
                ConfigureHello();
            }
            private void ConfigureHello() => {|LFL0205:_dealer.SetHelloMessage(new Hi("a"))|};
        }
        """)]
    // The connect in a helper, the hello after it in the caller.
    [InlineData("""
        public sealed class Client
        {
            private readonly DealerSocket _dealer = new DealerSocket();
            public void Start()
            {
                Open();
                {|LFL0205:_dealer.Options.HelloMessage|} = new byte[] { 1 };
            }
            private void Open() => _dealer.Connect("tcp://127.0.0.1:5555");
        }
        """)]
    // Through a parameter of a static helper and a local function.
    [InlineData("""
        public static class Setup
        {
            public static void Run()
            {
                var dealer = new DealerSocket();
                dealer.Connect("tcp://127.0.0.1:5555");
                Configure(dealer);
                void Configure(DealerSocket socket) => {|LFL0205:socket.SetHelloMessage(new Hi("a"))|};
            }
        }
        """)]
    // Connects in a loop, the hello inside the loop after the connect: the first connection never sends it.
    [InlineData("""
        public static class Fleet
        {
            public static void Run(string[] endpoints)
            {
                var dealer = new DealerSocket();
                foreach (var endpoint in endpoints)
                {
                    dealer.Connect(endpoint);
                    {|LFL0205:dealer.SetHelloMessage(new Hi("a"))|};
                }
            }
        }
        """)]
    // Through another object's property.
    [InlineData("""
        public sealed class Connection { public DealerSocket Socket { get; } = new DealerSocket(); }
        public static class Use
        {
            public static void Run()
            {
                var connection = new Connection();
                connection.Socket.Connect("tcp://127.0.0.1:5555");
                {|LFL0205:connection.Socket.SetHelloMessage(new Hi("a"))|};
            }
        }
        """)]
    // A connection string connects in the constructor.
    [InlineData("""
        public static class Use
        {
            public static void Run()
            {
                var dealer = new DealerSocket(">tcp://127.0.0.1:5555");
                {|LFL0205:dealer.SetHelloMessage(new Hi("a"))|};
            }
        }
        """)]
    // A ROUTER's connection string binds by default.
    [InlineData("""
        public static class Use
        {
            public static void Run()
            {
                var router = new RouterSocket("tcp://*:5555");
                {|LFL0205:router.SetDisconnectMessage(new Bye("b"))|};
            }
        }
        """)]
    // An object initializer runs after the connection string connected.
    [InlineData("""
        public static class Use
        {
            public static DealerSocket Run() => new DealerSocket(">tcp://127.0.0.1:5555") { Options = { {|LFL0205:HelloMessage|} = new byte[] { 1 } } };
        }
        """)]
    // The socket is held through an alias.
    [InlineData("""
        public static class Use
        {
            public static void Run()
            {
                var dealer = new DealerSocket();
                var same = dealer;
                same.Connect("tcp://127.0.0.1:5555");
                var options = dealer.Options;
                {|LFL0205:options.HelloMessage|} = new byte[] { 1 };
            }
        }
        """)]
    // A field given its socket in the constructor, the option set after a connect in a method.
    [InlineData("""
        public sealed class Client
        {
            private NetMQSocket _socket;
            public Client() { _socket = new RouterSocket(); }
            public void Start(string endpoint)
            {
                _socket.Bind(endpoint);
                {|LFL0205:_socket.Options.DisconnectMessage|} = new byte[] { 1 };
            }
        }
        """)]
    // A constructor body runs after field initializers that connected.
    [InlineData("""
        public sealed class Client
        {
            private readonly DealerSocket _dealer = new DealerSocket(">tcp://127.0.0.1:5555");
            public Client() { {|LFL0205:_dealer.SetHelloMessage(new Hi("a"))|}; }
        }
        """)]
    // A static field's connection string binds during static initialization, before any method runs.
    [InlineData("""
        public static class Hub
        {
            private static readonly RouterSocket Router = new RouterSocket("@tcp://*:5555");
            public static void Configure() => {|LFL0205:Router.SetDisconnectMessage(new Bye("b"))|};
        }
        """)]
    // A static constructor that binds.
    [InlineData("""
        public sealed class Hub
        {
            private static readonly RouterSocket Router = new RouterSocket();
            static Hub() { Router.Bind("tcp://*:5555"); }
            public void Configure() => {|LFL0205:Router.Options.DisconnectMessage|} = new byte[] { 1 };
        }
        """)]
    public void Options_set_after_an_attach_are_reported_where_they_are_set(string code) =>
        DiagnosticAssert.Reported(Source(code), DiagnosticSeverity.Warning, Analyze);

    [Theory]
    // Cleared in a helper called after the connect.
    [InlineData("""
        public sealed class Client
        {
            private readonly DealerSocket _dealer = new DealerSocket();
            public void Start()
            {
                _dealer.SetHelloMessage(new Hi("a"));
                _dealer.Connect("tcp://127.0.0.1:5555");
                Forget();
            }
            private void Forget() => {|LFL0204:_dealer.Options.HelloMessage|} = null!;
        }
        """)]
    // Cleared in a method of its own that may run after Start connected.
    [InlineData("""
        public sealed class Client
        {
            private readonly DealerSocket _dealer = new DealerSocket();
            public void Start()
            {
                _dealer.SetHelloMessage(new Hi("a"));
                _dealer.Connect("tcp://127.0.0.1:5555");
            }
            public void Stop() { {|LFL0204:_dealer.Options.HelloMessage|} = null!; }
        }
        """)]
    // A socket that binds first and then connects still reconnects that connection.
    [InlineData("""
        public static class Use
        {
            public static void Run()
            {
                var peer = new RouterSocket();
                peer.SetHelloMessage(new Hi("a"));
                peer.Bind("tcp://*:5556");
                peer.Connect("tcp://127.0.0.1:5555");
                {|LFL0204:peer.Options.HelloMessage|} = null!;
            }
        }
        """)]
    // Cleared through a variable that holds null.
    [InlineData("""
        public static class Use
        {
            public static void Run()
            {
                byte[]? none = null;
                var dealer = new DealerSocket();
                dealer.Options.HelloMessage = new byte[] { 1 };
                dealer.Connect("tcp://127.0.0.1:5555");
                {|LFL0204:dealer.Options.HelloMessage|} = none!;
            }
        }
        """)]
    // A value that may be null.
    [InlineData("""
        public static class Use
        {
            public static void Run(DealerSocket dealer, byte[]? next)
            {
                dealer.Connect("tcp://127.0.0.1:5555");
                {|LFL0204:dealer.Options.HelloMessage|} = next;
            }
        }
        """)]
    // Cleared with default after an ipc connect, which reconnects like tcp.
    [InlineData("""
        public static class Use
        {
            public static void Run()
            {
                var dealer = new DealerSocket();
                dealer.SetHelloMessage(new Hi("a"));
                dealer.Connect("ipc:///tmp/lifeline");
                {|LFL0204:dealer.Options.HelloMessage|} = default;
            }
        }
        """)]
    public void Hellos_cleared_after_a_reconnecting_connect_are_reported(string code) =>
        DiagnosticAssert.Reported(Source(code), DiagnosticSeverity.Warning, Analyze);

    [Theory]
    [InlineData("""NetMQSocket s = new DealerSocket(); {|LFL0201:s.Options.DisconnectMessage|} = new byte[] { 1 };""")]
    [InlineData("""INetMQSocket s = new MyDealer(); {|LFL0201:s.Options.DisconnectMessage|} = new byte[] { 1 };""")]
    [InlineData("""NetMQSocket s = System.Environment.TickCount > 0 ? new DealerSocket() : new PairSocket(); {|LFL0201:s.Options.DisconnectMessage|} = new byte[] { 1 };""")]
    [InlineData("""var s = Make(); {|LFL0201:s.Options.DisconnectMessage|} = new byte[] { 1 };""")]
    [InlineData("""var s = new DealerSocket { Options = { {|LFL0201:DisconnectMessage|} = new byte[] { 1 } } };""")]
    [InlineData("""NetMQSocket s = new DealerSocket(); if (s is DealerSocket d) { {|LFL0201:d.Options.DisconnectMessage|} = new byte[] { 1 }; }""")]
    [InlineData("""var s = new DealerSocket(); s.Connect({|LFL0207:"pgm://127.0.0.1;239.192.1.1:5555"|});""")]
    [InlineData("""var s = new PushSocket(); s.Bind({|LFL0207:"epgm://eth0;239.192.1.1:5555"|});""")]
    [InlineData("""var s = new ServerSocket(); s.Bind({|LFL0207:"udp://*:5555"|});""")]
    [InlineData("""var s = new PeerSocket({|LFL0207:">pgm://eth0;239.192.1.1:5555"|});""")]
    [InlineData("""var s = new RouterSocket(); s.BindRandomPort({|LFL0206:"tcp://127.0.0.1:5555"|});""")]
    [InlineData("""var s = new RouterSocket(); s.BindRandomPort({|LFL0206:"tcp://*:0"|});""")]
    [InlineData("""var s = new RouterSocket(); s.BindRandomPort({|LFL0206:"inproc://workers"|});""")]
    [InlineData("""var s = new RouterSocket(); s.BindRandomPort({|LFL0206:"ipc:///tmp/x"|});""")]
    [InlineData("""var s = new DealerSocket({|LFL0206:"tcp:/127.0.0.1:5555"|});""")]
    [InlineData("""var s = new DealerSocket({|LFL0206:">tcp://127.0.0.1"|});""")]
    [InlineData("""var s = new RouterSocket({|LFL0206:"@tcp://*:70000"|});""")]
    [InlineData("""var s = new SubscriberSocket({|LFL0206:">tcp://127.0.0.1:5556,tcp://127.0.0.1:*"|});""")]
    [InlineData("""var endpoint = "tcp:/127.0.0.1:5555"; var s = new DealerSocket(); s.Connect({|LFL0206:endpoint|});""")]
    [InlineData("""var s = new DealerSocket(); {|LFL0201:s.Options.DisconnectMessage|} = System.Array.Empty<byte>();""")]
    public void Errors_are_reported_on_their_span(string body) =>
        DiagnosticAssert.Reported(Source(Method(body)), DiagnosticSeverity.Error, Analyze);

    [Theory]
    [InlineData("""NetMQSocket s = new PushSocket(); {|LFL0203:s.Options.HelloMessage|} = new byte[] { 1 };""")]
    [InlineData("""NetMQSocket s = new ResponseSocket(); {|LFL0202:s.Options.DisconnectMessage|} = new byte[] { 1 };""")]
    [InlineData("""var s = new RequestSocket { Options = { {|LFL0203:HelloMessage|} = new byte[] { 1 } } };""")]
    [InlineData("""var s = new DealerSocket(); s.SetHelloMessage(new Hi("a")); s.Connect({|LFL0208:"udp://127.0.0.1:5555"|});""")]
    [InlineData("""var s = new RouterSocket(); s.SetDisconnectMessage(new Bye("b")); s.Bind({|LFL0208:"udp://*:5555"|});""")]
    [InlineData("""var s = new RouterSocket(); {|LFL0209:s.Options.DisconnectMessage|} = new byte[0];""")]
    [InlineData("""var s = new ServerSocket(); {|LFL0209:s.Options.DisconnectMessage|} = System.Array.Empty<byte>();""")]
    [InlineData("""NetMQSocket s = new PeerSocket(); {|LFL0209:s.Options.DisconnectMessage|} = new byte[] { };""")]
    public void Warnings_are_reported_on_their_span(string body) =>
        DiagnosticAssert.Reported(Source(Method(body)), DiagnosticSeverity.Warning, Analyze);

    [Theory]
    // NetMQ accepts null for both options.
    [InlineData("""var s = new DealerSocket(); s.Options.DisconnectMessage = null!;""")]
    [InlineData("""var s = new PushSocket(); s.Options.DisconnectMessage = default!;""")]
    [InlineData("""NetMQSocket s = new DealerSocket(); s.Options.DisconnectMessage = null!;""")]
    // Disposed and recreated, as LFL0204 advises.
    [InlineData("""
        var s = new DealerSocket();
        s.SetHelloMessage(new Hi("a"));
        s.Connect("tcp://127.0.0.1:5555");
        s.Dispose();
        s = new DealerSocket();
        s.Options.HelloMessage = null!;
        s.SetHelloMessage(new Hi("b"));
        s.Connect("tcp://127.0.0.1:5555");
        """)]
    // A new socket on every pass of a loop.
    [InlineData("""
        foreach (var endpoint in new[] { "tcp://127.0.0.1:5555", "tcp://127.0.0.1:5556" })
        {
            using var s = new DealerSocket();
            s.SetHelloMessage(new Hi("a"));
            s.Connect(endpoint);
        }
        """)]
    // The hello set before each connect of a loop: every connection sends it.
    [InlineData("""
        var s = new DealerSocket();
        foreach (var endpoint in new[] { "tcp://127.0.0.1:5555", "tcp://127.0.0.1:5556" })
        {
            s.SetHelloMessage(new Hi("a"));
            s.Connect(endpoint);
        }
        """)]
    // A guard clause that returns before the bind; the options are set on the path that binds.
    [InlineData("""
        var s = new RouterSocket();
        if (System.Environment.TickCount < 0)
        {
            s.Bind("tcp://*:5555");
            return;
        }
        s.SetDisconnectMessage(new Bye("b"));
        s.Bind("tcp://*:5556");
        """)]
    // The connect is on one branch, the hello on the other.
    [InlineData("""
        var s = new DealerSocket();
        if (System.Environment.TickCount < 0) { s.Connect("tcp://127.0.0.1:5555"); }
        else { s.SetHelloMessage(new Hi("a")); s.Connect("tcp://127.0.0.1:5556"); }
        """)]
    // Clearing a hello that was never armed, or only over inproc, or only on a bound socket.
    [InlineData("""var s = new DealerSocket(); s.Connect("tcp://127.0.0.1:5555"); s.Options.HelloMessage = null!;""")]
    [InlineData("""var b = new RouterSocket(); b.Bind("inproc://a"); var s = new DealerSocket(); s.SetHelloMessage(new Hi("a")); s.Connect("inproc://a"); s.Options.HelloMessage = null!;""")]
    [InlineData("""var s = new RouterSocket(); s.SetHelloMessage(new Hi("a")); s.Bind("tcp://*:5555"); s.Options.HelloMessage = null!;""")]
    // Two sockets, one connected.
    [InlineData("""var a = new DealerSocket(); var b = new DealerSocket(); a.Connect("tcp://127.0.0.1:1"); b.SetHelloMessage(new Hi("a")); b.Connect("tcp://127.0.0.1:1");""")]
    // A connection string with nothing in it attaches nothing.
    [InlineData("""var s = new DealerSocket(""); s.SetHelloMessage(new Hi("a")); s.Connect("tcp://127.0.0.1:5555");""")]
    [InlineData("""var s = new DealerSocket { Options = { HelloMessage = new byte[] { 1 } } }; s.Connect("tcp://127.0.0.1:5555");""")]
    [InlineData("""var s = new RouterSocket { Options = { DisconnectMessage = new byte[] { 1 } } }; s.Bind("tcp://*:5555");""")]
    [InlineData("""var s = new DealerSocket(">tcp://127.0.0.1:5555,@tcp://*:5556"); s.Dispose();""")]
    // A base-typed socket whose class is not known, or may be one that honours the option.
    [InlineData("""NetMQSocket s = System.Environment.TickCount > 0 ? new DealerSocket() : new RouterSocket(); s.Options.DisconnectMessage = new byte[] { 1 };""")]
    [InlineData("""NetMQSocket s = new DealerSocket(); s.Dispose(); s = new RouterSocket(); s.Options.DisconnectMessage = new byte[] { 1 };""")]
    // An empty hello is sent as an empty frame; a disconnect message with content is generated.
    [InlineData("""var s = new DealerSocket(); s.Options.HelloMessage = new byte[0]; var r = new RouterSocket(); r.Options.DisconnectMessage = new byte[] { 0 };""")]
    // Endpoints NetMQ accepts.
    [InlineData("""var s = new DealerSocket(); s.Connect("tcp://127.0.0.1: 5555"); s.Connect("tcp://127.0.0.1:+5556");""")]
    [InlineData("""var s = new RouterSocket(); s.BindRandomPort("tcp://*"); s.BindRandomPort("tcp://[::1]"); s.BindRandomPort("tcp://::1");""")]
    [InlineData("""var s = new PublisherSocket(); s.Bind("pgm://127.0.0.1;239.192.1.1:5555"); var u = new DealerSocket(); u.Connect("udp://127.0.0.1:5555");""")]
    [InlineData("""var s = new DealerSocket(); s.Connect("tcp://localhost:5555"); s.Connect("tcp://[::1]:5556"); s.Connect("ipc:///tmp/a");""")]
    // A hello set again after connects that had one: the new value is what reconnects send.
    [InlineData("""var s = new DealerSocket(); s.SetHelloMessage(new Hi("a")); s.Connect("tcp://127.0.0.1:5555"); s.SetHelloMessage(new Hi("b"));""")]
    // try/finally and catch.
    [InlineData("""
        var s = new DealerSocket();
        try { s.SetHelloMessage(new Hi("a")); s.Connect("tcp://127.0.0.1:5555"); }
        catch (NetMQException) { s.Dispose(); s = new DealerSocket(); s.SetHelloMessage(new Hi("b")); }
        finally { s.Dispose(); }
        """)]
    public void Valid_programs_stay_silent(string body) => DiagnosticAssert.None(Source(Method(body)), Analyze);

    [Theory]
    // A helper that sets the hello before the connect.
    [InlineData("""
        public sealed class Client
        {
            private readonly DealerSocket _dealer = new DealerSocket();
            public void Start()
            {
                ConfigureHello();
                _dealer.Connect("tcp://127.0.0.1:5555");
            }
            private void ConfigureHello() => _dealer.SetHelloMessage(new Hi("a"));
        }
        """)]
    // A helper that sets the hello, called once before the connect; the connect in another helper.
    [InlineData("""
        public sealed class Client
        {
            private readonly RouterSocket _router;
            public Client()
            {
                _router = new RouterSocket();
                _router.SetDisconnectMessage(new Bye("b"));
                _router.SetHelloMessage(new Hi("a"));
            }
            public void Start() => Open("tcp://*:5555");
            private void Open(string endpoint) => _router.Bind(endpoint);
        }
        """)]
    // Another instance's socket is a different socket.
    [InlineData("""
        public sealed class Connection { public DealerSocket Socket { get; } = new DealerSocket(); }
        public static class Use
        {
            public static void Run()
            {
                var a = new Connection();
                var b = new Connection();
                a.Socket.Connect("tcp://127.0.0.1:5555");
                b.Socket.SetHelloMessage(new Hi("a"));
                a = b;
            }
        }
        """)]
    // A class that never gives its socket a hello may clear it anywhere.
    [InlineData("""
        public sealed class Client
        {
            private readonly DealerSocket _dealer = new DealerSocket();
            public void Start() => _dealer.Connect("tcp://127.0.0.1:5555");
            public void Stop() => _dealer.Options.HelloMessage = null!;
        }
        """)]
    // Recreated in a method of its own before the new socket connects.
    [InlineData("""
        public sealed class Client
        {
            private DealerSocket _dealer = new DealerSocket();
            public void Start()
            {
                _dealer.SetHelloMessage(new Hi("a"));
                _dealer.Connect("tcp://127.0.0.1:5555");
            }
            public void Restart()
            {
                _dealer.Dispose();
                _dealer = new DealerSocket();
                _dealer.Options.HelloMessage = null!;
                Start();
            }
        }
        """)]
    // A socket field that only ever holds a ROUTER, held as NetMQSocket.
    [InlineData("""
        public sealed class Server
        {
            private readonly NetMQSocket _socket = new RouterSocket();
            public void Start()
            {
                _socket.Options.DisconnectMessage = new byte[] { 1 };
                _socket.Bind("tcp://*:5555");
            }
        }
        """)]
    // Static initialization that only creates the socket.
    [InlineData("""
        public static class Hub
        {
            private static readonly RouterSocket Router = new RouterSocket();
            public static void Start()
            {
                Router.SetDisconnectMessage(new Bye("b"));
                Router.Bind("tcp://*:5555");
            }
        }
        """)]
    public void Valid_classes_stay_silent(string code) => DiagnosticAssert.None(Source(code), Analyze);

    [Theory]
    [InlineData("""
        public sealed class Server
        {
            private readonly RouterSocket _router = new RouterSocket();
            public Server() { _router.Bind("tcp://*:5555"); }
            public void Start() { {|LFL0205:_router.SetDisconnectMessage(new Bye("b"))|}; }
        }
        """)]
    [InlineData("""
        public static class P
        {
            private const string Endpoint = "tcp://localhost";
            private static readonly string Other = "tcp:/localhost:5555";
            public static void Run()
            {
                var d = new DealerSocket();
                d.Connect({|LFL0206:Endpoint|});
                d.Connect({|LFL0206:Other|});
            }
        }
        """)]
    [InlineData("""
        public static class P
        {
            public static void Run(int n)
            {
                var router = new RouterSocket();
                for (var i = 0; i < n; i++)
                {
                    router.Bind($"tcp://*:{5555 + i}");
                    if (i == 0) {|LFL0205:router.SetDisconnectMessage(new Bye("b"))|};
                }
            }
        }
        """)]
    [InlineData("""
        public static class P
        {
            public static void Run(string[] endpoints)
            {
                var dealer = new DealerSocket();
                dealer.SetHelloMessage(new Hi("a"));
                var i = 0;
                while (i < endpoints.Length)
                {
                    dealer.Connect(endpoints[i++]);
                }
                {|LFL0204:dealer.Options.HelloMessage|} = null!;
            }
        }
        """)]
    [InlineData("""
        public sealed class Connection { public DealerSocket Socket = new DealerSocket(); }
        public sealed class App
        {
            private readonly Connection _connection = new Connection();
            public void Start()
            {
                _connection.Socket.Connect("tcp://127.0.0.1:5555");
                {|LFL0205:_connection.Socket.Options.HelloMessage|} = new byte[] { 1 };
            }
        }
        """)]
    [InlineData("""
        public static class P
        {
            public static void Run(Connection c)
            {
                var socket = c.Socket;
                c.Socket.Connect("tcp://127.0.0.1:5555");
                {|LFL0205:socket.SetHelloMessage(new Hi("a"))|};
            }
        }
        public sealed class Connection { public DealerSocket Socket { get; } = new DealerSocket(); }
        """)]
    [InlineData("""
        public static class P
        {
            public static void Run(string endpoint)
            {
                var dealer = new DealerSocket(endpoint);
                {|LFL0205:dealer.SetHelloMessage(new Hi("a"))|};
                var router = new RouterSocket("@tcp://*:5555,@inproc://x");
                {|LFL0205:router.Options.DisconnectMessage|} = new byte[] { 1 };
            }
        }
        """)]
    [InlineData("""
        public sealed class Factory
        {
            private static DealerSocket Open(string endpoint)
            {
                var d = new DealerSocket();
                d.Connect(endpoint);
                return d;
            }
            public void Run()
            {
                var dealer = Open("tcp://127.0.0.1:5555");
                {|LFL0205:dealer.SetHelloMessage(new Hi("a"))|};
            }
        }
        """)]
    [InlineData("""
        public sealed class Worker
        {
            private NetMQSocket Socket { get; } = new PushSocket();
            public void Start()
            {
                {|LFL0203:Socket.Options.HelloMessage|} = new byte[] { 1 };
                Socket.Connect("tcp://127.0.0.1:5555");
            }
        }
        """)]
    [InlineData("""
        public static class P
        {
            public static void Run()
            {
                INetMQSocket s = new DealerSocket();
                s.Connect("tcp://127.0.0.1:5555");
                {|LFL0205:s.Options.HelloMessage|} = new byte[] { 1 };
                INetMQSocket r = new RouterSocket();
                r.Connect({|LFL0207:"pgm://eth0;239.1.1.1:5555"|});
            }
        }
        """)]
    [InlineData("""
        public sealed class Setup
        {
            public void Run()
            {
                Configure(new RouterSocket());
                Configure(new DealerSocket());
            }
            private static void Configure(NetMQSocket socket)
            {
                {|LFL0201:socket.Options.DisconnectMessage|} = new byte[] { 1 };
            }
        }
        """)]
    public void More_mistakes_are_reported_on_their_span(string code)
    {
        // Mixed severities: each diagnostic is checked against its own descriptor's.
        var (source, expected) = Markup.Parse(Source(code));
        var actual = Analyze(source);
        Assert.Equal(
            expected.Select(e => $"{e.Id} {e.Span}").OrderBy(x => x, System.StringComparer.Ordinal),
            actual.Select(d => $"{d.Id} {d.Location.SourceSpan}").OrderBy(x => x, System.StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""
        public static class P
        {
            public static void Configure(NetMQSocket socket, byte[] d)
            {
                if (socket is RouterSocket r) r.Options.DisconnectMessage = d;
                else if (socket is DealerSocket dealer) dealer.Options.HelloMessage = d;
                switch (socket)
                {
                    case PeerSocket p: p.Options.DisconnectMessage = d; break;
                }
            }
        }
        """)]
    [InlineData("""
        public sealed class Client : System.IDisposable
        {
            private readonly DealerSocket _dealer;
            public Client() { _dealer = new DealerSocket(); _dealer.SetHelloMessage(new Hi("a")); }
            public void Start(string endpoint) => _dealer.Connect(endpoint);
            public void Dispose() => _dealer.Dispose();
        }
        """)]
    [InlineData("""
        public static class P
        {
            public static System.Threading.Tasks.Task Run() => System.Threading.Tasks.Task.Run(() =>
            {
                using var router = new RouterSocket();
                router.SetDisconnectMessage(new Bye("b"));
                router.SetHelloMessage(new Hi("a"));
                router.Bind("tcp://*:5555");
            });
        }
        """)]
    [InlineData("""
        public sealed class C
        {
            private DealerSocket? _dealer;
            public void Connect(string endpoint)
            {
                if (_dealer is null)
                {
                    _dealer = new DealerSocket();
                    _dealer.SetHelloMessage(new Hi("a"));
                }
                _dealer.Connect(endpoint);
            }
            public void Reconnect(string endpoint)
            {
                _dealer?.Dispose();
                _dealer = null;
                Connect(endpoint);
            }
        }
        """)]
    [InlineData("""
        public sealed class Broker
        {
            private readonly RouterSocket _frontend = new RouterSocket();
            private readonly DealerSocket _backend = new DealerSocket();
            public Broker()
            {
                _frontend.SetDisconnectMessage(new Bye("b"));
                _backend.SetHelloMessage(new Hi("a"));
            }
            public void Start()
            {
                _frontend.Bind("tcp://*:5555");
                _backend.Connect("tcp://127.0.0.1:5556");
            }
        }
        """)]
    [InlineData("""
        public sealed class Server
        {
            private readonly RouterSocket _router = new RouterSocket();
            public Server() { _router.SetDisconnectMessage(new Bye("b")); Bind(); }
            private void Bind() => _router.Bind("tcp://*:5555");
            public void Stop() { _router.Options.HelloMessage = null!; }
        }
        """)]
    [InlineData("""
        public sealed class C
        {
            private readonly object _gate = new object();
            private DealerSocket? _dealer;
            public void Open(string endpoint)
            {
                lock (_gate)
                {
                    var dealer = new DealerSocket();
                    try
                    {
                        dealer.SetHelloMessage(new Hi("a"));
                        dealer.Connect(endpoint);
                    }
                    catch
                    {
                        dealer.Dispose();
                        throw;
                    }
                    _dealer = dealer;
                }
            }
        }
        """)]
    [InlineData("""
        public static class P
        {
            public static void Run(byte[] hello)
            {
                while (true)
                {
                    using var s = new DealerSocket();
                    s.Options.HelloMessage = hello;
                    s.Connect("tcp://127.0.0.1:5555");
                    if (s.TryReceiveFrameString(System.TimeSpan.FromSeconds(1), out _)) break;
                }
            }
        }
        """)]
    [InlineData("""
        public static class P
        {
            public static void Setup<T>(T socket, byte[] hello) where T : NetMQSocket
            {
                socket.Options.HelloMessage = hello;
                socket.Connect("tcp://127.0.0.1:5555");
                socket.Options.HelloMessage = hello;
            }
            public static void Server()
            {
                var server = new ServerSocket();
                server.Options.DisconnectMessage = new byte[] { 1 };
                server.Options.HelloMessage = new byte[] { 2 };
                server.Bind("tcp://*:5555");
                var client = new ClientSocket();
                client.Options.HelloMessage = new byte[] { 3 };
                client.Connect("tcp://127.0.0.1:5555");
                client.Options.DisconnectMessage = null!;
            }
        }
        """)]
    [InlineData("""
        public sealed class Server
        {
            private readonly RouterSocket _router;
            public Server() : this(new RouterSocket()) { }
            public Server(RouterSocket router) { _router = router; }
            public void Start()
            {
                _router.SetDisconnectMessage(new Bye("b"));
                _router.Bind("tcp://*:5555");
            }
        }
        """)]
    [InlineData("""
        public static class P
        {
            public static void Run(bool flag)
            {
                var s = new RouterSocket();
                s.SetHelloMessage(new Hi("a"));
                s.SetDisconnectMessage(new Bye("b"));
                s.Bind("tcp://*:5555");
                if (flag)
                {
                    s.Unbind("tcp://*:5555");
                    s.Bind("tcp://*:5556");
                }
                s.Options.DisconnectMessage = null!;
            }
        }
        """)]
    [InlineData("""
        public static class P
        {
            public static NetMQSocket Make(bool server)
            {
                NetMQSocket socket = server ? new RouterSocket() : new DealerSocket();
                if (socket is RouterSocket router)
                {
                    router.SetDisconnectMessage(new Bye("b"));
                }
                socket.Options.HelloMessage = new byte[] { 1 };
                return socket;
            }
        }
        """)]
    [InlineData("""
        public sealed class Setup
        {
            public void Run()
            {
                Configure(new RouterSocket());
                Configure(new DealerSocket());
                NetMQSocket s = new DealerSocket();
                if (s is not RouterSocket) return;
                s.Options.DisconnectMessage = new byte[] { 1 };
            }
            private static void Configure(NetMQSocket socket)
            {
                if (socket is RouterSocket)
                {
                    socket.Options.DisconnectMessage = new byte[] { 1 };
                }
                else
                {
                    socket.Options.HelloMessage = new byte[] { 2 };
                }
            }
        }
        """)]
    public void More_valid_programs_stay_silent(string code) => DiagnosticAssert.None(Source(code), Analyze);

    [Fact]
    public void A_base_typed_field_is_followed_to_its_only_socket_class()
    {
        DiagnosticAssert.Reported(Source("""
            public sealed class Client
            {
                private readonly NetMQSocket _socket;
                public Client() => _socket = new DealerSocket();
                public void Start() => {|LFL0201:_socket.Options.DisconnectMessage|} = new byte[] { 1 };
            }
            """), DiagnosticSeverity.Error, Analyze);
    }

    [Fact]
    public void A_type_too_large_to_follow_is_given_up_on_without_failing()
    {
        // Sixty methods calling each other, each full of loops and branches over thirty sockets: the analysis has a
        // bounded budget per type and stops reporting past it, rather than stall the build.
        var members = new System.Text.StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            members.AppendLine($"    private readonly DealerSocket _d{i} = new DealerSocket();");
        }

        for (var m = 0; m < 60; m++)
        {
            members.AppendLine($"    public void M{m}(int n)\n    {{\n        if (n <= 0) return;");
            for (var k = 0; k < 15; k++)
            {
                var j = ((m * 7) + k) % 30;
                members.AppendLine($"        if (n > {k}) {{ _d{j}.Options.Linger = System.TimeSpan.Zero; }}");
                members.AppendLine($"        for (var i = 0; i < n; i++) {{ _d{j}.Connect(\"tcp://127.0.0.1:{1000 + k}\"); }}");
            }

            if (m % 2 == 0)
            {
                members.AppendLine($"        M{(m + 1) % 60}(n - 1); M{(m + 2) % 60}(n - 1); M{(m + 3) % 60}(n - 1);");
            }

            members.AppendLine("    }");
        }

        DiagnosticAssert.None(Source("public sealed class Big\n{\n" + members + "}"), Analyze);
    }

    [Theory]
    [InlineData("var s = new DealerSocket(; s.Connect(\"tcp://127.0.0.1:5555\"); s.SetHelloMessage(new Hi(\"a\"))")]
    [InlineData("var s = new DealerSocket(); s.Connect(Missing); s.Options.HelloMessage = Unknown(); s.Nope();")]
    [InlineData("NetMQSocket s = new UnknownSocket(); s.Options.DisconnectMessage = new byte[] { 1 }; Helper(s, s.Options);")]
    [InlineData("var s = new RouterSocket { Options = { Missing = 1, HelloMessage = } }; s.Bind(\"tcp://*:5555\", 1);")]
    public void Code_being_typed_does_not_crash_the_analysis(string body)
    {
        // In an editor most code does not compile yet; the analysis must not fail on it (an AD0001 would show).
        var diagnostics = TestCompilation.Analyze(TestCompilation.Run(Source(Method(body))).Output, new SocketUsageAnalyzer());

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public void Top_level_statements_are_followed()
    {
        var source = Source("""
            var dealer = new DealerSocket();
            dealer.Connect("tcp://127.0.0.1:5555");
            {|LFL0205:dealer.SetHelloMessage(new Hi("a"))|};
            """, topLevel: true);
        DiagnosticAssert.Reported(source, DiagnosticSeverity.Warning, s =>
        {
            var compilation = TestCompilation.Create(s);
            compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
            var run = TestCompilation.Run(compilation);
            Assert.Empty(run.CompilationProblems);
            return TestCompilation.Analyze(run.Output, new SocketUsageAnalyzer());
        });
    }

    [Fact]
    public void Messages_say_what_NetMQ_does()
    {
        string Message(string body) => Analyze(Markup.Parse(Source(Method(body))).Source).Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("ProtocolNotSupportedException", Message("""var s = new DealerSocket(); s.Connect("pgm://eth0;239.192.1.1:5555");"""), System.StringComparison.Ordinal);
        Assert.Contains("BindRandomPort", Message("""var s = new RouterSocket(); s.BindRandomPort("tcp://127.0.0.1:5555");"""), System.StringComparison.Ordinal);
        Assert.Contains("crashes", Message("""byte[]? h = null; var s = new DealerSocket(); s.SetHelloMessage(new Hi("a")); s.Connect("tcp://127.0.0.1:1"); s.Options.HelloMessage = h!;"""), System.StringComparison.Ordinal);
        Assert.Contains("in 'Start'", Analyze(Markup.Parse(Source("""
            public sealed class Client
            {
                private readonly DealerSocket _dealer = new DealerSocket();
                public void Start() { _dealer.Connect("tcp://127.0.0.1:5555"); Hello(); }
                private void Hello() => _dealer.SetHelloMessage(new Hi("a"));
            }
            """)).Source).Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Contains("connection string connects at once", Message("""var s = new DealerSocket(">tcp://127.0.0.1:5555"); s.SetHelloMessage(new Hi("a"));"""), System.StringComparison.Ordinal);
        Assert.Contains("'(primary ? a : b).Connect'", Message("""var primary = System.Environment.ProcessorCount > 1; var a = new DealerSocket(); var b = new DealerSocket(); (primary ? a : b).Connect("tcp://127.0.0.1:1"); a.SetHelloMessage(new Hi("a"));"""), System.StringComparison.Ordinal);
        Assert.Contains("a peer that leaves before gets none", Message("""var s = new RouterSocket(); s.Bind("tcp://127.0.0.1:1"); s.SetDisconnectMessage(new Bye("b"));"""), System.StringComparison.Ordinal);
        Assert.Contains("over inproc NetMQ fixes it", Message("""var s = new RouterSocket(); s.Bind("inproc://x"); s.SetDisconnectMessage(new Bye("b"));"""), System.StringComparison.Ordinal);
        Assert.Contains("request-reply", Message("""var s = new RequestSocket(); s.Options.HelloMessage = new byte[] { 1 };"""), System.StringComparison.Ordinal);
    }

    private static string Method(string body) => $$"""
        public static class Program
        {
            public static void Run()
            {
                {{body}}
            }

            private static NetMQSocket Make() => new DealerSocket();
        }

        public class MyDealer : DealerSocket { }
        """;

    private static string Source(string code, bool topLevel = false) =>
        (topLevel ? "using Lifeline;\nusing NetMQ;\nusing NetMQ.Sockets;\n" + code + "\n" : $$"""
            using Lifeline;
            using NetMQ;
            using NetMQ.Sockets;
            {{code}}

            """) + """
            [HelloMessage] public partial record Hi(string Name);
            [DisconnectMessage] public partial record Bye(string Reason);
            """;

    private static ImmutableArray<Diagnostic> Analyze(string source)
    {
        // A program that does not compile would prove nothing: the analysis would see invalid operations. Nullable
        // warnings are allowed: a cleared hello through a maybe-null value is one of the mistakes.
        var run = TestCompilation.Run(source);
        Assert.DoesNotContain(run.CompilationProblems, d => !d.Id.StartsWith("CS86", System.StringComparison.Ordinal));
        var diagnostics = TestCompilation.Analyze(run.Output, new SocketUsageAnalyzer());

        // An exception in the analyzer surfaces as AD0001, which the span assertions would not see.
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }
}
