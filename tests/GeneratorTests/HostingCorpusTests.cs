using System.Collections.Generic;
using System.Linq;
using Lifeline.GeneratorTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Lifeline.GeneratorTests;

/// <summary>
/// A corpus of server programs held against the hosting analyses: LFL0308 (peer-disconnect handlers over a ROUTER/PEER
/// that never gets their record), LFL0309 (handlers the hosting socket never calls), LFL0210 (wrong records given to
/// SetHelloMessage/SetDisconnectMessage and Lifeline.Hosting's options) and LFL0305 (misspelt handlers). Mistakes must be
/// reported exactly on their spans (every LFL diagnostic is compared), valid or unknowable programs must stay silent.
/// Files are separated by "//--- next file ---"; a first line "//toplevel" makes a console program. Cases measured wrong
/// are listed in <see cref="KnownWrong"/> and checked the other way round, so that a fix makes this file fail.
/// </summary>
public class HostingCorpusTests(ITestOutputHelper output)
{
    // ---------------------------------------------------------------------------------------------------------------
    // Mistakes
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    // M01: a socket created in a field initializer, bound in Start, hosted there without a disconnect message.
    [InlineData("M01", """
        public sealed class ChatServer : IDisposable
        {
            private readonly RouterSocket _router = new();
            private LifelineSocketHost? _host;
            public void Start(string endpoint)
            {
                _router.Bind(endpoint);
                _host = new LifelineSocketHost(_router, {|LFL0308:new ChatHub()|});
            }
            public void Dispose() { _host?.Dispose(); _router.Dispose(); }
        }
        [LifelineHandler] public partial class ChatHub { void OnPeerConnected(PeerId p, Hi h) { } void OnPeerDisconnected(PeerId p, Hi h, Bye b) { } }
        """)]
    // M02: a field set in the constructor, configured with the wrong record in another method, hosted in Start.
    [InlineData("M02", """
        public sealed class Dispatcher
        {
            private readonly RouterSocket _router;
            public Dispatcher() { _router = new RouterSocket(); Configure(); }
            private void Configure() { _router.Options.Linger = TimeSpan.Zero; _router.SetDisconnectMessage(new Crash(1)); }
            public LifelineSocketHost Start()
            {
                _router.Bind("tcp://*:5555");
                return new LifelineSocketHost(_router, {|LFL0308:new JobHub()|});
            }
        }
        [LifelineHandler] public partial class JobHub { void OnPeerDisconnected(PeerId p, Bye b) { } void OnMessage(PeerId p, NetMQMessage m) { } }
        """)]
    // M03: a PEER socket that connects out, hosted with no disconnect message.
    [InlineData("M03", """
        public static class Mesh
        {
            public static void Run(string[] neighbours)
            {
                using var peer = new PeerSocket();
                foreach (var n in neighbours) peer.Connect(n);
                using var host = new LifelineSocketHost(peer, {|LFL0308:new MeshHub()|});
                using var poller = new NetMQPoller { host };
                poller.Run();
            }
        }
        [LifelineHandler] public partial class MeshHub { void OnPeerConnected(PeerId p, Hi h) { } void OnUnknownPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M04: a top-level program.
    [InlineData("M04", """
        //toplevel
        using var router = new RouterSocket();
        router.Bind("tcp://*:5555");
        using var host = new LifelineSocketHost(router, {|LFL0308:new Hub()|});
        using var poller = new NetMQPoller { host };
        poller.Run();
        [LifelineHandler] public partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M05: an async method, a handler given as a parameter of its class (made by DI), a using declaration.
    [InlineData("M05", """
        public sealed class Server(Hub hub)
        {
            public async Task RunAsync(CancellationToken token)
            {
                using var router = new RouterSocket();
                router.Bind("tcp://*:5555");
                using var host = new LifelineSocketHost(router, {|LFL0308:hub|});
                using var poller = new NetMQPoller { host };
                poller.RunAsync();
                await Task.Delay(Timeout.Infinite, token);
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Hi h, Bye b) { } }
        """)]
    // M06: a handler resolved from the service provider.
    [InlineData("M06", """
        public static class Server
        {
            public static LifelineSocketHost Start(IServiceProvider services)
            {
                var router = new RouterSocket();
                router.SetHelloMessage(new Hi("server"));
                router.Bind("tcp://*:5555");
                return new LifelineSocketHost(router, {|LFL0308:services.GetRequiredService<Hub>()|});
            }
        }
        [LifelineHandler] public partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M07: AddLifelineRouter inside the user's own extension method, no disconnect message.
    [InlineData("M07", """
        public static class ChatRegistration
        {
            public static IServiceCollection AddChat(this IServiceCollection services)
            {
                services.{|LFL0308:AddLifelineRouter<ChatHub>|}(o => { o.Bind.Add("tcp://*:5555"); o.SetHello(new Hi("chat")); });
                return services;
            }
        }
        [LifelineHandler] public sealed partial class ChatHub { void OnPeerConnected(PeerId p, Hi h) { } void OnPeerDisconnected(PeerId p, Hi h, Bye b) { } }
        """)]
    // M08: bound to configuration and validated, with the wrong record.
    [InlineData("M08", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.{|LFL0308:AddLifelineRouter<JobHub>|}(o => o.SetDisconnectMessage(new Crash(2))).ValidateOnStart();
        }
        [LifelineHandler] public sealed partial class JobHub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M09: a hub with peer handlers, hosted only through AddLifelineDealer.
    [InlineData("M09", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineDealer<WorkerHub>(o => { o.Connect.Add("tcp://dispatcher:5555"); o.SetHello(new Hi("w1")); });
        }
        [LifelineHandler]
        public sealed partial class WorkerHub
        {
            void OnConnected(Hi server) { }
            void {|LFL0309:OnPeerConnected|}(PeerId p, Hi h) { }
            void {|LFL0309:OnPeerDisconnected|}(PeerId p, Bye b) { }
            void OnMessage(PeerId p, NetMQMessage m) { }
        }
        """)]
    // M10: a ROUTER hub with OnReconnected.
    [InlineData("M10", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineRouter<Hub>(o => { o.Bind.Add("tcp://*:5555"); o.SetDisconnectMessage(new Bye("lost")); });
        }
        [LifelineHandler]
        public sealed partial class Hub
        {
            void OnPeerDisconnected(PeerId p, Bye b) { }
            void {|LFL0309:OnReconnected|}(Hi server) { }
        }
        """)]
    // M11: a raw ROUTER host of a class written for a DEALER.
    [InlineData("M11", """
        public static class Server
        {
            public static void Run()
            {
                using var router = new RouterSocket();
                router.SetDisconnectMessage(new Bye("lost"));
                router.Bind("tcp://*:5555");
                using var host = new LifelineSocketHost(router, new ClientHub());
            }
        }
        [LifelineHandler]
        public sealed partial class ClientHub
        {
            void {|LFL0309:OnConnected|}(Hi server) { }
            void {|LFL0309:OnDisconnected|}() { }
            void OnMessage(PeerId p, NetMQMessage m) { }
        }
        """)]
    // M12: a PEER host of a class with OnConnected.
    [InlineData("M12", """
        public static class Node
        {
            public static void Run()
            {
                var peer = new PeerSocket();
                peer.SetDisconnectMessage(new Bye("x"));
                peer.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(peer, new NodeHub());
            }
        }
        [LifelineHandler]
        public sealed partial class NodeHub
        {
            void {|LFL0309:OnConnected|}(Hi server) { }
            void OnPeerDisconnected(PeerId p, Bye b) { }
        }
        """)]
    // M13: a hello record given as the ROUTER's disconnect message (CS0311 too).
    [InlineData("M13", """
        public sealed class Server
        {
            private readonly RouterSocket _router = new();
            public void Start()
            {
                _router.SetDisconnectMessage({|LFL0210:new Hi("gone")|});
                _router.Bind("tcp://*:5555");
            }
        }
        """)]
    // M14: a hello record given to the hosted ROUTER's options as its disconnect message; the hub takes no record.
    [InlineData("M14", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineRouter<Hub>(o => { o.Bind.Add("tcp://*:5555"); o.SetDisconnectMessage({|LFL0210:new Hi("gone")|}); });
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerConnected(PeerId p, Hi h) { } }
        """)]
    // M15: a disconnect record given to a hosted DEALER's options as its hello.
    [InlineData("M15", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineDealer<Worker>(o => { o.Connect.Add("tcp://server:5555"); o.SetHello({|LFL0210:new Bye("w")|}); });
        }
        [LifelineHandler] public sealed partial class Worker { void OnConnected(Hi server) { } }
        """)]
    // M16: a plain record (no attribute) as a PEER's disconnect message.
    [InlineData("M16", """
        public record Leave(string Why);
        public static class Node
        {
            public static void Run()
            {
                var peer = new PeerSocket();
                peer.SetDisconnectMessage({|LFL0210:new Leave("x")|});
            }
        }
        """)]
    // M17: a [MessagePart] given to router options as hello, inside AddLifelineRouter.
    [InlineData("M17", """
        [MessagePart] public partial record Caps(int Bits);
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineRouter<Hub>(o => { o.SetHello({|LFL0210:new Caps(1)|}); o.SetDisconnectMessage(new Bye("x")); });
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M18: a misspelt peer-disconnect handler on a well-configured server.
    [InlineData("M18", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineRouter<Hub>(o => o.SetDisconnectMessage(new Bye("x")));
        }
        [LifelineHandler]
        public sealed partial class Hub
        {
            void OnPeerConnected(PeerId p, Hi h) { }
            void {|LFL0305:OnPeerDisconected|}(PeerId p, Hi h, Bye b) { }
        }
        """)]
    // M19: OnUnknownPeerDisconnect (missing 'ed').
    [InlineData("M19", """
        [LifelineHandler]
        public sealed partial class Hub
        {
            void OnPeerDisconnected(PeerId p, Bye b) { }
            void {|LFL0305:OnUnknownPeerDisconnect|}(PeerId p, Bye b) { }
        }
        """)]
    // M20: OnMessageAsync returning ValueTask, in a hub activated by DI.
    [InlineData("M20", """
        public interface IJobs { ValueTask CompleteAsync(PeerId peer); }
        [LifelineHandler]
        public sealed partial class Hub(IJobs jobs)
        {
            ValueTask {|LFL0305:OnMessageAsync|}(PeerId p, NetMQMessage m) => jobs.CompleteAsync(p);
        }
        """)]
    // M21: OnReconected on a DEALER hub.
    [InlineData("M21", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) => services.AddLifelineDealer<Worker>(o => o.Connect.Add("tcp://server:5555"));
        }
        [LifelineHandler]
        public sealed partial class Worker
        {
            void OnConnected(Hi server) { }
            void {|LFL0305:OnReconected|}(Hi server) { }
        }
        """)]
    // M22: hosts created in a loop, each over a new ROUTER that never gets a disconnect message.
    [InlineData("M22", """
        public static class Shards
        {
            public static List<LifelineSocketHost> Start(int count, Hub hub)
            {
                var hosts = new List<LifelineSocketHost>();
                for (var i = 0; i < count; i++)
                {
                    var router = new RouterSocket();
                    router.Bind($"tcp://*:{5555 + i}");
                    hosts.Add(new LifelineSocketHost(router, {|LFL0308:hub|}));
                }
                return hosts;
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M23: two ROUTERs share one handler class; only the first gets a disconnect message.
    [InlineData("M23", """
        public static class Server
        {
            public static void Run()
            {
                var pub = new RouterSocket();
                pub.SetDisconnectMessage(new Bye("x"));
                pub.Bind("tcp://*:5555");
                var admin = new RouterSocket();
                admin.Bind("tcp://127.0.0.1:5556");
                var a = new LifelineSocketHost(pub, new Hub());
                var b = new LifelineSocketHost(admin, {|LFL0308:new Hub()|});
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M24: a partial handler class split across files; the disconnect handler is in the second file.
    [InlineData("M24", """
        public static class Server
        {
            public static void Run()
            {
                var router = new RouterSocket();
                router.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(router, {|LFL0308:new Hub()|});
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerConnected(PeerId p, Hi h) { } }
        //--- next file ---
        using Lifeline;
        public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Hi h, Bye b) { } }
        """)]
    // M25: the wrong record set through the null-conditional operator on a field.
    [InlineData("M25", """
        public sealed class Server
        {
            private RouterSocket? _router;
            public void Start()
            {
                _router = new RouterSocket();
                _router?.SetDisconnectMessage(new Crash(3));
                _router!.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(_router, {|LFL0308:new Hub()|});
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M26: development and production registrations; only one sets the disconnect message.
    [InlineData("M26", """
        public static class Startup
        {
            public static void Register(IServiceCollection services, bool development)
            {
                if (development)
                    services.AddLifelineRouter<Hub>(o => { o.Bind.Add("tcp://127.0.0.1:5555"); o.SetDisconnectMessage(new Bye("dev")); });
                else
                    services.{|LFL0308:AddLifelineRouter<Hub>|}(o => o.Bind.Add("tcp://*:5555"));
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M27: a DEALER host made in a DI factory, of a class with peer handlers.
    [InlineData("M27", """
        public static class Startup
        {
            public static void Register(IServiceCollection services)
            {
                services.AddSingleton<Worker>();
                services.AddSingleton(sp => new LifelineSocketHost(new DealerSocket("tcp://server:5555"), sp.GetRequiredService<Worker>()));
            }
        }
        [LifelineHandler]
        public sealed partial class Worker
        {
            void OnConnected(Hi server) { }
            void {|LFL0309:OnPeerConnected|}(PeerId p, Hi h) { }
        }
        """)]
    // M28: a ROUTER created, bound and hosted inside a DI factory lambda, without a disconnect message.
    [InlineData("M28", """
        public static class Startup
        {
            public static void Register(IServiceCollection services)
            {
                services.AddSingleton<Hub>();
                services.AddSingleton(sp =>
                {
                    var router = new RouterSocket();
                    router.Bind("tcp://*:5555");
                    return new LifelineSocketHost(router, {|LFL0308:sp.GetRequiredService<Hub>()|});
                });
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M29: a handler class deriving from a plain base class (shared logging), hosted without a disconnect.
    [InlineData("M29", """
        public abstract class LoggingBase { protected void Log(string s) => Console.WriteLine(s); }
        [LifelineHandler] public sealed partial class Hub : LoggingBase { void OnPeerDisconnected(PeerId p, Bye b) => Log("gone"); }
        public static class Server
        {
            public static void Run()
            {
                var router = new RouterSocket();
                router.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(router, {|LFL0308:new Hub()|});
            }
        }
        """)]
    // M30: a struct wrapper with a private socket field created in its constructor.
    [InlineData("M30", """
        public readonly struct Endpoint
        {
            private readonly RouterSocket _router;
            public Endpoint(string address) { _router = new RouterSocket(); _router.Bind(address); }
            public LifelineSocketHost Host(Hub hub) => new LifelineSocketHost(_router, {|LFL0308:hub|});
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M31: only OnUnknownPeerDisconnected, over a ROUTER whose disconnect record it does not take.
    [InlineData("M31", """
        public static class Server
        {
            public static void Run()
            {
                using var router = new RouterSocket();
                router.SetDisconnectMessage(new Crash(9));
                router.Bind("tcp://*:5555");
                using var host = new LifelineSocketHost(router, {|LFL0308:new Hub()|});
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnUnknownPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M32: no configure delegate, only validated.
    [InlineData("M32", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) => services.{|LFL0308:AddLifelineRouter<Hub>|}().ValidateOnStart();
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M33: a ROUTER bound by its connection-string constructor.
    [InlineData("M33", """
        public static class Server
        {
            public static void Run()
            {
                using var router = new RouterSocket("@tcp://*:5555");
                using var host = new LifelineSocketHost(router, {|LFL0308:new Hub()|});
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M34: a private get-only auto-property holding the socket.
    [InlineData("M34", """
        public sealed class Server
        {
            private RouterSocket Router { get; } = new RouterSocket();
            public void Start()
            {
                Router.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(Router, {|LFL0308:new Hub()|});
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M35: a BackgroundService hosting in its constructor, binding in ExecuteAsync, never setting the disconnect.
    [InlineData("M35", """
        public sealed class RouterWorker : BackgroundService
        {
            private readonly RouterSocket _router = new();
            private readonly LifelineSocketHost _host;
            public RouterWorker(Hub hub) { _host = new LifelineSocketHost(_router, {|LFL0308:hub|}); }
            protected override async Task ExecuteAsync(CancellationToken token)
            {
                _router.Bind("tcp://*:5555");
                using var poller = new NetMQPoller { _host };
                poller.RunAsync();
                await Task.Delay(Timeout.Infinite, token);
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M36: a hub hosted twice on DEALERs (raw and hosted) with an OnUnknownPeerDisconnected handler.
    [InlineData("M36", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) => services.AddLifelineDealer<Worker>(o => o.Connect.Add("tcp://a:1"));
            public static LifelineSocketHost Local() => new LifelineSocketHost(new DealerSocket(">tcp://b:1"), new Worker());
        }
        [LifelineHandler]
        public sealed partial class Worker
        {
            void OnConnected(Hi server) { }
            void {|LFL0309:OnUnknownPeerDisconnected|}(PeerId p, Bye b) { }
        }
        """)]
    // M37: the hosted options' disconnect as a factory returning a hello record.
    [InlineData("M37", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineRouter<Hub>(o => o.SetDisconnectMessage(sp => {|LFL0210:new Hi("x")|}));
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerConnected(PeerId p, Hi h) { } }
        """)]
    // M38: a hub registered in the user's generic-free extension with an expression body returning the builder is not
    // known; but the same hub also hosted raw on a ROUTER without disconnect is.
    [InlineData("M38", """
        public static class Server
        {
            public static void Run(Hub hub)
            {
                var router = new RouterSocket();
                router.Options.Linger = TimeSpan.FromSeconds(1);
                router.Bind("tcp://*:5555");
                using var host = new LifelineSocketHost(router, {|LFL0308:hub|});
                using var poller = new NetMQPoller { host };
                poller.Run();
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Hi h, Bye b) { } void OnUnknownPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M35b: the same without the BackgroundService base: a public method binds.
    [InlineData("M35b", """
        public sealed class RouterWorker
        {
            private readonly RouterSocket _router = new();
            private readonly LifelineSocketHost _host;
            public RouterWorker(Hub hub) { _host = new LifelineSocketHost(_router, {|LFL0308:hub|}); }
            public void Start() => _router.Bind("tcp://*:5555");
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M35c: hosted in the constructor, the socket created in the constructor too.
    [InlineData("M35c", """
        public sealed class RouterWorker
        {
            private readonly RouterSocket _router;
            private readonly LifelineSocketHost _host;
            public RouterWorker(Hub hub) { _router = new RouterSocket(); _host = new LifelineSocketHost(_router, {|LFL0308:hub|}); }
            public void Start() => _router.Bind("tcp://*:5555");
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M39: a hello record as the disconnect message, through '?.'.
    [InlineData("M39", """
        public sealed class Server
        {
            private RouterSocket? _router;
            public void Start() { _router = new RouterSocket(); _router?.SetDisconnectMessage({|LFL0210:new Hi("x")|}); }
        }
        """)]
    // M40: named options configured elsewhere, but never with a disconnect message.
    [InlineData("M40", """
        public static class Startup
        {
            public static void Register(IServiceCollection services)
            {
                services.{|LFL0308:AddLifelineRouter<Hub>|}();
                services.Configure<LifelineRouterOptions>(typeof(Hub).FullName, o => o.Bind.Add("tcp://*:5555"));
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // M41: DEALER hosts made in a loop, of a class with a peer handler.
    [InlineData("M41", """
        public static class Fanout
        {
            public static List<LifelineSocketHost> Start(string[] servers)
            {
                var hosts = new List<LifelineSocketHost>();
                foreach (var s in servers) { var d = new DealerSocket(); d.SetHelloMessage(new Hi("c")); d.Connect(s); hosts.Add(new LifelineSocketHost(d, new Client())); }
                return hosts;
            }
        }
        [LifelineHandler] public sealed partial class Client { void OnConnected(Hi h) { } void {|LFL0309:OnPeerConnected|}(PeerId p, Hi h) { } }
        """)]
    public void Mistakes(string name, string code) => Check(name, code, allowCompileErrors: code.Contains("LFL0210", System.StringComparison.Ordinal));

    // ---------------------------------------------------------------------------------------------------------------
    // Valid or unknowable programs
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    // V01: a field created in the constructor, configured in another method the constructor calls, bound in Start.
    [InlineData("V01", """
        public sealed class Dispatcher : IDisposable
        {
            private readonly RouterSocket _router;
            private LifelineSocketHost? _host;
            public Dispatcher() { _router = new RouterSocket(); Configure(); }
            private void Configure() { _router.Options.Linger = TimeSpan.Zero; _router.SetDisconnectMessage(new Bye("lost")); }
            public void Start(Hub hub) { _router.Bind("tcp://*:5555"); _host = new LifelineSocketHost(_router, hub); }
            public void Dispose() { _host?.Dispose(); _router.Dispose(); }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V02: a socket configured by a helper class.
    [InlineData("V02", """
        public static class RouterSetup { public static void Apply(RouterSocket r) { r.SetDisconnectMessage(new Bye("x")); r.Options.Linger = TimeSpan.Zero; } }
        public static class Server
        {
            public static void Run()
            {
                using var router = new RouterSocket();
                RouterSetup.Apply(router);
                router.Bind("tcp://*:5555");
                using var host = new LifelineSocketHost(router, new Hub());
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V03: a socket wrapped in a user class exposing it publicly.
    [InlineData("V03", """
        public sealed class Endpoint : IDisposable
        {
            public RouterSocket Socket { get; } = new RouterSocket();
            public LifelineSocketHost Host(Hub hub) { Socket.Bind("tcp://*:5555"); return new LifelineSocketHost(Socket, hub); }
            public void Dispose() => Socket.Dispose();
        }
        public static class Program2 { public static void Run() { var e = new Endpoint(); e.Socket.SetDisconnectMessage(new Bye("x")); e.Host(new Hub()); } }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V04: a private field exposed through a public expression-bodied property that callers configure.
    [InlineData("V04", """
        public sealed class Endpoint
        {
            private readonly RouterSocket _router = new();
            public RouterSocket Socket => _router;
            public LifelineSocketHost Start(Hub hub) { _router.Bind("tcp://*:5555"); return new LifelineSocketHost(_router, hub); }
        }
        public static class Program2 { public static void Run() { var e = new Endpoint(); e.Socket.SetDisconnectMessage(new Bye("x")); e.Start(new Hub()); } }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V05: the disconnect set as raw bytes, LifelineFrame-encoded.
    [InlineData("V05", """
        public static class Server
        {
            public static void Run()
            {
                using var router = new RouterSocket();
                router.Options.DisconnectMessage = LifelineFrame.Encode(new Bye("x"));
                router.Bind("tcp://*:5555");
                using var host = new LifelineSocketHost(router, new Hub());
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V06: hosts created in a loop over sockets given by the caller.
    [InlineData("V06", """
        public static class Shards
        {
            public static List<LifelineSocketHost> Host(IEnumerable<RouterSocket> routers, Func<Hub> hubs)
            {
                var hosts = new List<LifelineSocketHost>();
                foreach (var r in routers) { r.Bind("tcp://*:0"); hosts.Add(new LifelineSocketHost(r, hubs())); }
                return hosts;
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V07: a loop creating a configured ROUTER per endpoint.
    [InlineData("V07", """
        public static class Shards
        {
            public static List<LifelineSocketHost> Start(string[] endpoints, IServiceProvider sp)
            {
                var hosts = new List<LifelineSocketHost>();
                foreach (var endpoint in endpoints)
                {
                    var router = new RouterSocket();
                    router.SetDisconnectMessage(new Bye(endpoint));
                    router.Bind(endpoint);
                    hosts.Add(new LifelineSocketHost(router, sp.GetRequiredService<Hub>()));
                }
                return hosts;
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V08: two ROUTERs share one handler class, each configured; one of them takes either record.
    [InlineData("V08", """
        public static class Server
        {
            public static void Run()
            {
                var pub = new RouterSocket(); pub.SetDisconnectMessage(new Bye("x")); pub.Bind("tcp://*:5555");
                var admin = new RouterSocket(); admin.SetDisconnectMessage(new Crash(1)); admin.Bind("tcp://127.0.0.1:5556");
                var a = new LifelineSocketHost(pub, new Hub());
                var b = new LifelineSocketHost(admin, new Hub());
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } void OnPeerDisconnected(PeerId p, Crash c) { } }
        """)]
    // V09: a handler held as an unsealed plain base class implementing nothing but logging: the host takes the derived hub.
    [InlineData("V09", """
        public abstract class LoggingBase { protected void Log(string s) => Console.WriteLine(s); }
        [LifelineHandler] public partial class Hub : LoggingBase { void OnPeerDisconnected(PeerId p, Bye b) => Log("gone"); }
        public static class Server
        {
            public static void Run()
            {
                var router = new RouterSocket();
                router.SetDisconnectMessage(new Bye("x"));
                router.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(router, new Hub());
            }
        }
        """)]
    // V10: a partial handler class across files; the socket configured right.
    [InlineData("V10", """
        public static class Server
        {
            public static void Run()
            {
                var router = new RouterSocket();
                router.SetDisconnectMessage(new Bye("x"));
                router.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(router, new Hub());
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerConnected(PeerId p, Hi h) { } }
        //--- next file ---
        using Lifeline;
        public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Hi h, Bye b) { } }
        """)]
    // V11: AddLifelineRouter in the user's extension method with the disconnect set.
    [InlineData("V11", """
        public static class ChatRegistration
        {
            public static IServiceCollection AddChat(this IServiceCollection services, string endpoint)
            {
                services.AddLifelineRouter<ChatHub>(o =>
                {
                    o.Bind.Add(endpoint);
                    o.SetHello(new Hi("chat"));
                    o.SetDisconnectMessage(new Bye("connection lost"));
                    o.HeartbeatInterval = TimeSpan.FromSeconds(1);
                }).ValidateOnStart();
                return services;
            }
        }
        [LifelineHandler] public sealed partial class ChatHub { void OnPeerDisconnected(PeerId p, Hi h, Bye b) { } }
        """)]
    // V12: named options configured elsewhere.
    [InlineData("V12", """
        public static class Startup
        {
            public static void Register(IServiceCollection services)
            {
                services.AddLifelineRouter<Hub>(o => o.Bind.Add("tcp://*:5555"));
                services.Configure<LifelineRouterOptions>(typeof(Hub).FullName, o => o.SetDisconnectMessage(new Bye("x")));
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V13: a generic registration helper.
    [InlineData("V13", """
        public static class Registration
        {
            public static void AddHub<T>(this IServiceCollection services, string endpoint) where T : class, ILifelineHandler =>
                services.AddLifelineRouter<T>(o => { o.Bind.Add(endpoint); o.SetDisconnectMessage(new Bye("x")); });
            public static void Register(IServiceCollection services) { services.AddHub<ChatHub>("tcp://*:5555"); services.AddHub<AdminHub>("tcp://*:5556"); }
        }
        [LifelineHandler] public sealed partial class ChatHub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        [LifelineHandler] public sealed partial class AdminHub { void OnPeerConnected(PeerId p, Hi h) { } }
        """)]
    // V14: an async method, using declarations, the disconnect set after hosting and before binding.
    [InlineData("V14", """
        public static class Server
        {
            public static async Task RunAsync(Hub hub, CancellationToken token)
            {
                using var router = new RouterSocket();
                using var host = new LifelineSocketHost(router, hub);
                router.SetDisconnectMessage(new Bye("x"));
                router.Bind("tcp://*:5555");
                using var poller = new NetMQPoller { host };
                poller.RunAsync();
                await Task.Delay(Timeout.Infinite, token);
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V15: the disconnect set through '?.' on a field.
    [InlineData("V15", """
        public sealed class Server
        {
            private RouterSocket? _router;
            public void Start(Hub hub)
            {
                _router = new RouterSocket();
                _router?.SetDisconnectMessage(new Bye("x"));
                _router!.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(_router, hub);
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V16: a record wrapper holding the socket.
    [InlineData("V16", """
        public sealed record RouterEndpoint(RouterSocket Socket, string Address);
        public static class Server
        {
            public static void Run()
            {
                var ep = new RouterEndpoint(new RouterSocket(), "tcp://*:5555");
                ep.Socket.SetDisconnectMessage(new Bye("x"));
                ep.Socket.Bind(ep.Address);
                var host = new LifelineSocketHost(ep.Socket, new Hub());
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V17: the socket made by a private static factory of the same type, used in a field initializer.
    [InlineData("V17", """
        public sealed class Server
        {
            private readonly RouterSocket _router = CreateRouter();
            private static RouterSocket CreateRouter() { var r = new RouterSocket(); r.SetDisconnectMessage(new Bye("x")); return r; }
            public void Start(Hub hub) { _router.Bind("tcp://*:5555"); var host = new LifelineSocketHost(_router, hub); }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V18: a disconnect factory using services.
    [InlineData("V18", """
        public sealed record NodeInfo(string Name);
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineRouter<Hub>(o => { o.Bind.Add("tcp://*:5555"); o.SetDisconnectMessage(sp => new Bye(sp.GetRequiredService<NodeInfo>().Name)); });
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V19: options configured by an IConfigureNamedOptions class.
    [InlineData("V19", """
        public sealed class HubOptionsSetup : IConfigureNamedOptions<LifelineRouterOptions>
        {
            public void Configure(string? name, LifelineRouterOptions options) => options.SetDisconnectMessage(new Bye("x"));
            public void Configure(LifelineRouterOptions options) => Configure(Options.DefaultName, options);
        }
        public static class Startup
        {
            public static void Register(IServiceCollection services)
            {
                services.AddLifelineRouter<Hub>(o => o.Bind.Add("tcp://*:5555"));
                services.AddSingleton<IConfigureOptions<LifelineRouterOptions>, HubOptionsSetup>();
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V20: a handler chosen by a factory typed as the interface.
    [InlineData("V20", """
        public static class Server
        {
            static ILifelineHandler Create(string kind) => kind == "chat" ? new ChatHub() : new AdminHub();
            public static void Run(string kind)
            {
                var router = new RouterSocket();
                router.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(router, Create(kind));
            }
        }
        [LifelineHandler] public sealed partial class ChatHub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        [LifelineHandler] public sealed partial class AdminHub { void OnMessage(PeerId p, NetMQMessage m) { } }
        """)]
    // V21: a DEALER hub with every DEALER handler.
    [InlineData("V21", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineDealer<Worker>(o => { o.Connect.Add("tcp://dispatcher:5555"); o.SetHello(new Hi("w")); }).ValidateOnStart();
        }
        [LifelineHandler]
        public sealed partial class Worker
        {
            void OnConnected(Hi server) { }
            ValueTask OnReconnected(Hi server) => default;
            void OnDisconnected() { }
            void OnMessage(PeerId p, NetMQMessage m) { }
            void OnMalformedFrame(PeerId p, MalformedFrame error) { }
        }
        """)]
    // V22: a bridge class hosted on a ROUTER and a DEALER.
    [InlineData("V22", """
        public static class Bridge
        {
            public static void Run()
            {
                var front = new RouterSocket(); front.SetDisconnectMessage(new Bye("x")); front.Bind("tcp://*:5555");
                var back = new DealerSocket(); back.Connect("tcp://upstream:5555");
                var a = new LifelineSocketHost(front, new Relay());
                var b = new LifelineSocketHost(back, new Relay());
            }
        }
        [LifelineHandler]
        public sealed partial class Relay
        {
            void OnPeerConnected(PeerId p, Hi h) { }
            void OnPeerDisconnected(PeerId p, Bye b) { }
            void OnConnected(Hi server) { }
            void OnDisconnected() { }
        }
        """)]
    // V23: the disconnect chosen by a switch.
    [InlineData("V23", """
        public static class Server
        {
            public static void Run(int mode)
            {
                var router = new RouterSocket();
                switch (mode) { case 1: router.SetDisconnectMessage(new Bye("a")); break; default: router.SetDisconnectMessage(new Crash(0)); break; }
                router.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(router, new Hub());
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnUnknownPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V24: a top-level program, configured.
    [InlineData("V24", """
        //toplevel
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new Bye("lost"));
        router.Bind("tcp://*:5555");
        using var host = new LifelineSocketHost(router, new Hub());
        using var poller = new NetMQPoller { host };
        poller.Run();
        [LifelineHandler] public partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V25: the disconnect set in an object initializer's nested Options initializer (raw bytes).
    [InlineData("V25", """
        public static class Server
        {
            public static void Run()
            {
                var router = new RouterSocket { Options = { Linger = TimeSpan.Zero, DisconnectMessage = LifelineFrame.Encode(new Bye("x")) } };
                router.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(router, new Hub());
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V26: the disconnect set by a local function.
    [InlineData("V26", """
        public static class Server
        {
            public static void Run()
            {
                var router = new RouterSocket();
                void Configure() => router.SetDisconnectMessage(new Bye("x"));
                Configure();
                router.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(router, new Hub());
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V27: the disconnect set by a static local function given the socket.
    [InlineData("V27", """
        public static class Server
        {
            public static void Run()
            {
                var router = new RouterSocket();
                Configure(router);
                router.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(router, new Hub());
                static void Configure(RouterSocket r) => r.SetDisconnectMessage(new Bye("x"));
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V28: a static call of the extension method.
    [InlineData("V28", """
        public static class Server
        {
            public static void Run()
            {
                var router = new RouterSocket();
                LifelineSocketExtensions.SetDisconnectMessage(router, new Bye("x"));
                router.Bind("tcp://*:5555");
                var host = new LifelineSocketHost(router, new Hub());
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V29: '??=' creation in a lazily started server.
    [InlineData("V29", """
        public sealed class Server
        {
            private RouterSocket? _router;
            private LifelineSocketHost? _host;
            public void Start(Hub hub)
            {
                _router ??= new RouterSocket();
                _router.SetDisconnectMessage(new Bye("x"));
                _router.Bind("tcp://*:5555");
                _host ??= new LifelineSocketHost(_router, hub);
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V30: a BackgroundService hosting in its constructor, configuring in ExecuteAsync.
    [InlineData("V30", """
        public sealed class RouterWorker : BackgroundService
        {
            private readonly RouterSocket _router = new();
            private readonly LifelineSocketHost _host;
            public RouterWorker(Hub hub) { _host = new LifelineSocketHost(_router, hub); }
            protected override async Task ExecuteAsync(CancellationToken token)
            {
                _router.SetDisconnectMessage(new Bye("x"));
                _router.Bind("tcp://*:5555");
                using var poller = new NetMQPoller { _host };
                poller.RunAsync();
                await Task.Delay(Timeout.Infinite, token);
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V31: a socket recreated on restart, configured by a private method after each creation.
    [InlineData("V31", """
        public sealed class Server
        {
            private RouterSocket _router;
            private LifelineSocketHost _host;
            public Server(Hub hub) { _router = Create(); _host = new LifelineSocketHost(_router, hub); }
            public void Restart(Hub hub) { _host.Dispose(); _router.Dispose(); _router = Create(); _host = new LifelineSocketHost(_router, hub); }
            private RouterSocket Create() { var r = new RouterSocket(); r.SetDisconnectMessage(new Bye("x")); r.Bind("tcp://*:5555"); return r; }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V32: the configure delegate hands the options to a shared helper of the user's.
    [InlineData("V32", """
        public static class Startup
        {
            static void Common(LifelineRouterOptions o, string ep) { o.Bind.Add(ep); o.SetDisconnectMessage(new Bye("x")); }
            public static void Register(IServiceCollection services) => services.AddLifelineRouter<Hub>(o => Common(o, "tcp://*:5555"));
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V33: ConfigureAll on router options.
    [InlineData("V33", """
        public static class Startup
        {
            public static void Register(IServiceCollection services)
            {
                services.ConfigureAll<LifelineRouterOptions>(o => o.SetDisconnectMessage(new Bye("x")));
                services.AddLifelineRouter<Hub>(o => o.Bind.Add("tcp://*:5555"));
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V34: the builder kept and configured further.
    [InlineData("V34", """
        public static class Startup
        {
            public static void Register(IServiceCollection services, bool secure)
            {
                var hub = services.AddLifelineRouter<Hub>(o => o.Bind.Add("tcp://*:5555"));
                hub.PostConfigure(o => o.SetDisconnectMessage(new Bye(secure ? "s" : "p")));
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V35: the same hub registered in two different applications (a server and its integration-test host), both right.
    [InlineData("V35", """
        public static class ServerApp
        {
            public static void Register(IServiceCollection services) => services.AddLifelineRouter<Hub>(o => { o.Bind.Add("tcp://*:5555"); o.SetDisconnectMessage(new Bye("prod")); });
        }
        public static class TestApp
        {
            public static void Register(IServiceCollection services) => services.AddLifelineRouter<Hub>(o => { o.Bind.Add("inproc://hub"); o.SetDisconnectMessage(new Bye("test")); });
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V36: a ROUTER-only hub whose helper methods look nothing like handlers, and a kick helper called Disconnect.
    [InlineData("V36", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) => services.AddLifelineRouter<Hub>(o => o.SetDisconnectMessage(new Bye("x")));
        }
        [LifelineHandler]
        public sealed partial class Hub(ILifelineContext context)
        {
            void OnPeerConnected(PeerId p, Hi h) => Track(p, h);
            void OnPeerDisconnected(PeerId p, Bye b) => Forget(p);
            async ValueTask OnMessage(PeerId p, NetMQMessage m) => await context.ReplyAsync(m);
            void Track(PeerId p, Hi h) { }
            void Forget(PeerId p) { }
            void Disconnect(PeerId p) { }
            void OnMessageCore(PeerId p, NetMQMessage m) { }
        }
        """)]
    // V37: a hub with ValueTask peer handlers and the disconnect set under a condition inside the lambda.
    [InlineData("V37", """
        public sealed class Settings { public bool Announce { get; set; } }
        public static class Startup
        {
            public static void Register(IServiceCollection services, Settings settings) =>
                services.AddLifelineRouter<Hub>(o =>
                {
                    if (settings.Announce) o.SetHello(new Hi("srv"));
                    if (o.Bind.Count == 0) o.Bind.Add("tcp://*:5555");
                    o.SetDisconnectMessage(new Bye("x"));
                });
        }
        [LifelineHandler] public sealed partial class Hub { ValueTask OnPeerDisconnected(PeerId p, Hi h, Bye b) => default; ValueTask OnUnknownPeerDisconnected(PeerId p, Bye b) => default; }
        """)]
    // V38: a ROUTER hub registered through a generic DEALER helper too (a test fixture): every handler runs somewhere.
    [InlineData("V38", """
        public static class Registration
        {
            public static void AddClient<T>(this IServiceCollection services) where T : class, ILifelineHandler => services.AddLifelineDealer<T>();
            public static void Register(IServiceCollection services) => services.AddLifelineRouter<Hub>(o => o.SetDisconnectMessage(new Bye("x")));
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } void OnConnected(Hi server) { } }
        """)]
    // V39: a socket stored in a private field through a tuple assignment in the constructor, configured in Start.
    [InlineData("V39", """
        public sealed class Server
        {
            private readonly RouterSocket _router;
            private readonly string _endpoint;
            public Server(string endpoint) => (_router, _endpoint) = (new RouterSocket(), endpoint);
            public void Start(Hub hub)
            {
                _router.SetDisconnectMessage(new Bye("x"));
                _router.Bind(_endpoint);
                var host = new LifelineSocketHost(_router, hub);
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V40: a primary-constructor class creating the socket in a field initializer and configuring it in Start.
    [InlineData("V40", """
        public sealed class Server(Hub hub, string endpoint)
        {
            private readonly RouterSocket _router = new();
            public LifelineSocketHost Start()
            {
                _router.SetDisconnectMessage(new Bye(endpoint));
                _router.Bind(endpoint);
                return new LifelineSocketHost(_router, hub);
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V41: a PEER socket configured by a private instance method given the socket.
    [InlineData("V41", """
        public sealed class Node
        {
            public LifelineSocketHost Start(Hub hub)
            {
                var peer = new PeerSocket();
                Prepare(peer, "node-1");
                peer.Bind("tcp://*:5555");
                return new LifelineSocketHost(peer, hub);
            }
            private void Prepare(PeerSocket socket, string name) { socket.SetHelloMessage(new Hi(name)); socket.SetDisconnectMessage(new Bye(name)); }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V42: a host over a socket from a user wrapper class's method (another type).
    [InlineData("V42", """
        public sealed class RouterFactory { public RouterSocket Create(string ep) { var r = new RouterSocket(); r.SetDisconnectMessage(new Bye("x")); r.Bind(ep); return r; } }
        public sealed class Server(RouterFactory factory)
        {
            public LifelineSocketHost Start(Hub hub) => new LifelineSocketHost(factory.Create("tcp://*:5555"), hub);
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V43: a router whose disconnect is set on both branches of a try/catch around the bind.
    [InlineData("V43", """
        public static class Server
        {
            public static LifelineSocketHost? Start(Hub hub)
            {
                var router = new RouterSocket();
                router.SetDisconnectMessage(new Bye("x"));
                try { router.Bind("tcp://*:5555"); }
                catch (NetMQException) { router.Dispose(); return null; }
                return new LifelineSocketHost(router, hub);
            }
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V44: the host made by a private helper given a configured socket.
    [InlineData("V44", """
        public sealed class Server
        {
            public LifelineSocketHost Start(Hub hub)
            {
                var r = new RouterSocket();
                r.SetDisconnectMessage(new Bye("x"));
                r.Bind("tcp://*:5555");
                return Host(r, hub);
            }
            private static LifelineSocketHost Host(RouterSocket socket, Hub hub) => new LifelineSocketHost(socket, hub);
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V45: an internal field another class of the assembly configures.
    [InlineData("V45", """
        public sealed class Server
        {
            internal readonly RouterSocket Router = new();
            public LifelineSocketHost Start(Hub hub) { Router.Bind("tcp://*:5555"); return new LifelineSocketHost(Router, hub); }
        }
        public static class Setup { public static void Apply(Server s) => s.Router.SetDisconnectMessage(new Bye("x")); }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // V46: a hosted ROUTER whose configure lambda is a static lambda with a block body and a ternary record.
    [InlineData("V46", """
        public static class Startup
        {
            public static void Register(IServiceCollection services, bool verbose) =>
                services.AddLifelineRouter<Hub>(o => o.SetDisconnectMessage(verbose ? new Bye("connection lost, retry later") : new Bye("lost")));
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    public void Valid_programs(string name, string code) => Check(name, code, allowCompileErrors: false);

    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>Cases measured wrong: each is checked the other way round, so the file fails once it is fixed.</summary>
    // Cases past the analysis' documented boundary, checked the other way round: none at present.
    private static readonly HashSet<string> KnownWrong = new(System.StringComparer.Ordinal);

    private static readonly string[] Usings =
    [
        "using System;", "using System.Collections.Generic;", "using System.Threading;", "using System.Threading.Tasks;",
        "using Lifeline;", "using Lifeline.Hosting;", "using NetMQ;", "using NetMQ.Sockets;",
        "using Microsoft.Extensions.DependencyInjection;", "using Microsoft.Extensions.Hosting;", "using Microsoft.Extensions.Options;",
    ];

    // Warnings the SDK shows but that are no mistakes in a sample (unused locals, an async method awaiting nothing).
    private static readonly HashSet<string> Tolerated = new(System.StringComparer.Ordinal) { "CS0168", "CS0219", "CS0169", "CS0414", "CS0649", "CS8321", "CS1998", "CS4014", "CS9113", "CS9124" };

    private void Check(string name, string code, bool allowCompileErrors)
    {
        var (sources, expected) = ProgramCorpus.ParseFiles(code, first =>
            string.Join("\n", Usings) + "\n" + first + "\n"
            + "[HelloMessage] public partial record Hi(string Name);\n[DisconnectMessage] public partial record Bye(string Reason);\n[DisconnectMessage] public partial record Crash(int Code);\n");
        var (actual, unexpectedErrors) = Analyze(name, code, sources, allowCompileErrors);
        var expectedText = expected.Select(e => $"{e.Id} {e.File} '{sources[e.File].Substring(e.Span.Start, e.Span.Length)}'").OrderBy(x => x, System.StringComparer.Ordinal).ToList();
        var actualText = actual.Select(d => $"{d.Id} {FileOf(d)} '{sources[FileOf(d)].Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}'").OrderBy(x => x, System.StringComparer.Ordinal).ToList();
        output.WriteLine($"{name}: expected [{string.Join("; ", expectedText)}] actual [{string.Join("; ", actualText)}]");
        if (KnownWrong.Contains(name))
        {
            Assert.True(unexpectedErrors.Count > 0 || !expectedText.SequenceEqual(actualText), $"{name} is listed in KnownWrong but now passes: move it out");
        }
        else
        {
            Assert.Empty(unexpectedErrors);
            Assert.Equal(expectedText, actualText);
        }
    }

    // Generator diagnostics carry external locations (a path and a span, no tree).
    private static int FileOf(Diagnostic d) => ProgramCorpus.FileOf(d.Location);

    private (List<Diagnostic> Diagnostics, List<string> UnexpectedErrors) Analyze(string name, string code, List<string> sources, bool allowCompileErrors)
    {
        var run = TestCompilation.Run(ProgramCorpus.Compile(code, sources));
        var problems = run.CompilationProblems.Where(d => !Tolerated.Contains(d.Id) && !d.Id.StartsWith("CS86", System.StringComparison.Ordinal)).ToList();
        foreach (var problem in problems)
        {
            output.WriteLine($"{name}: compiler {problem}");
        }

        var unexpected = problems.Where(d => !(allowCompileErrors && d.Id is "CS0311" or "CS0315")).Select(d => d.ToString()).ToList();
        var lifeline = ProgramCorpus.Diagnostics(run).Where(d => d.Id.StartsWith("LFL", System.StringComparison.Ordinal)).ToList();
        foreach (var d in lifeline)
        {
            output.WriteLine($"{name}: {d.Id} {d.Severity} '{sources[FileOf(d)].Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}': {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return (lifeline, unexpected);
    }
}
