using System.Collections.Generic;
using Lifeline.GeneratorTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Lifeline.GeneratorTests;

/// <summary>
/// A third corpus of realistic programs (console servers and clients, background services, chat, lobby and game
/// servers, worker pools, side channels, reconnect loops, PEER and thread-safe sockets, records with collections,
/// handlers), held against every LFL diagnostic: the generator's, SocketUsageAnalyzer's and LifecycleArgumentAnalyzer's.
/// Every LFL diagnostic and every compiler diagnostic of the user's code is compared with the markup, by id and exact
/// span; an LFL diagnostic whose severity differs from the documented one is shown with a '!severity' suffix, and one
/// in a generated file fails the case. Files are separated by "//--- next file ---"; a first line "//toplevel" makes
/// a console program. Cases measured wrong are listed in <see cref="KnownWrong"/> and checked the other way round, so
/// that a fix makes this file fail.
/// </summary>
public class Round3CorpusTests(ITestOutputHelper output)
{
    // ---------------------------------------------------------------------------------------------------------------
    // Mistakes
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    // R3M01: a top-level chat server configured from a settings object; the disconnect set after the bind.
    [InlineData("R3M01", """
        //toplevel
        var settings = new ChatSettings { Port = 5555, Goodbye = "connection lost" };
        using var router = new RouterSocket();
        router.Bind($"tcp://*:{settings.Port}");
        {|LFL0205:router.SetDisconnectMessage(new Bye(settings.Goodbye))|};
        using var host = new LifelineSocketHost(router, new ChatHub());
        using var poller = new NetMQPoller { host };
        poller.Run();

        public sealed class ChatSettings { public int Port { get; set; } public string Goodbye { get; set; } = ""; }
        [LifelineHandler] public sealed partial class ChatHub
        {
            void OnPeerConnected(PeerId peer, Hi hello) => Console.WriteLine($"{hello.Name} joined");
            void OnPeerDisconnected(PeerId peer, Hi hello, Bye bye) => Console.WriteLine($"{hello.Name} left: {bye.Reason}");
        }
        """)]
    // R3M02: a BackgroundService worker that reconnects in a loop, saying hello after the connect.
    [InlineData("R3M02", """
        public sealed class WorkerOptions { public string Endpoint { get; set; } = "tcp://localhost:5555"; public string Name { get; set; } = "w1"; }
        public sealed class Worker(IOptions<WorkerOptions> options) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    using var dealer = new DealerSocket();
                    dealer.Connect(options.Value.Endpoint);
                    {|LFL0205:dealer.SetHelloMessage(new Hi(options.Value.Name))|};
                    while (dealer.TryReceiveFrameString(TimeSpan.FromSeconds(5), out var job)) dealer.SendFrame("done:" + job);
                    await Task.Delay(1000, stoppingToken);
                }
            }
        }
        """)]
    // R3M03: an endpoint constant in another class, written like a URL with a trailing slash.
    [InlineData("R3M03", """
        public static class Endpoints { public const string Frontend = "tcp://localhost:5555/"; }
        public static class Broker
        {
            public static void Run()
            {
                using var router = new RouterSocket();
                router.SetDisconnectMessage(new Bye("gone"));
                router.Bind({|LFL0206:Endpoints.Frontend|});
            }
        }
        """)]
    // R3M04: a constant endpoint built by interpolation of constants, without a port.
    [InlineData("R3M04", """
        public static class Client
        {
            private const string Host = "127.0.0.1";
            private const string Server = $"tcp://{Host}";
            public static void Run()
            {
                using var dealer = new DealerSocket();
                dealer.SetHelloMessage(new Hi("cli"));
                dealer.Connect({|LFL0206:Server|});
            }
        }
        """)]
    // R3M05: a chat server with a PUB side channel for announcements that is given a hello too.
    [InlineData("R3M05", """
        public sealed class ChatServer : IDisposable
        {
            private readonly RouterSocket _router = new();
            private readonly PublisherSocket _announcements = new();
            public void Start(string name)
            {
                var hello = System.Text.Encoding.UTF8.GetBytes(name);
                _router.SetHelloMessage(new Hi(name));
                _router.SetDisconnectMessage(new Bye("lost"));
                {|LFL0203:_announcements.Options.HelloMessage|} = hello;
                _router.Bind("tcp://*:5555");
                _announcements.Bind("tcp://*:5556");
            }
            public void Dispose() { _router.Dispose(); _announcements.Dispose(); }
        }
        """)]
    // R3M06: a PEER that sets its hello after ConnectPeer, in a mesh join loop.
    [InlineData("R3M06", """
        public static class Mesh
        {
            public static Dictionary<string, byte[]> Join(PeerSocket peer, IEnumerable<string> neighbours, string me)
            {
                var ids = new Dictionary<string, byte[]>();
                foreach (var n in neighbours)
                {
                    ids[n] = peer.ConnectPeer(n);
                    {|LFL0205:peer.SetHelloMessage(new Hi(me))|};
                }
                return ids;
            }
        }
        """)]
    // R3M07: ConnectPeer to a literal without a port.
    [InlineData("R3M07", """
        public static class Node
        {
            public static byte[] Start()
            {
                var peer = new PeerSocket();
                peer.SetHelloMessage(new Hi("node-1"));
                peer.SetDisconnectMessage(new Bye("node left"));
                peer.Bind("tcp://*:6000");
                return peer.ConnectPeer({|LFL0206:"tcp://node-2"|});
            }
        }
        """)]
    // R3M08: a SERVER (thread-safe) bound over udp for a game's low-latency channel.
    [InlineData("R3M08", """
        public sealed class GameServer
        {
            private readonly ServerSocket _server = new();
            public void Start()
            {
                _server.SetHelloMessage(new Hi("game"));
                _server.SetDisconnectMessage(new Bye("dropped"));
                _server.Bind({|LFL0207:"udp://*:7777"|});
            }
        }
        """)]
    // R3M09: a CLIENT given a raw disconnect message (NetMQ throws).
    [InlineData("R3M09", """
        public static class GameClient
        {
            public static ClientSocket Connect(string name)
            {
                var client = new ClientSocket();
                client.SetHelloMessage(new Hi(name));
                {|LFL0201:client.Options.DisconnectMessage|} = System.Text.Encoding.UTF8.GetBytes(name + " left");
                client.Connect("tcp://game.local:7777");
                return client;
            }
        }
        """)]
    // R3M10: DEALERs kept in a dictionary keyed by endpoint, each given its hello after its connect.
    [InlineData("R3M10", """
        public sealed class Fanout
        {
            private readonly Dictionary<string, DealerSocket> _sockets = new();
            public void Open(IEnumerable<string> endpoints, string name)
            {
                foreach (var ep in endpoints)
                {
                    var dealer = new DealerSocket();
                    dealer.Connect(ep);
                    {|LFL0205:dealer.SetHelloMessage(new Hi(name))|};
                    _sockets[ep] = dealer;
                }
            }
        }
        """)]
    // R3M11: a hosted DEALER given a disconnect message (does not compile, CS0619 from the options).
    [InlineData("R3M11", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineDealer<WorkerHub>(o =>
                {
                    o.Connect.Add("tcp://dispatcher:5555");
                    o.SetHello(new Hi("w1"));
                    {|CS0619:o.SetDisconnectMessage(new Bye("bye"))|};
                });
        }
        [LifelineHandler] public sealed partial class WorkerHub { void OnConnected(Hi server) { } }
        """)]
    // R3M12: a hosted ROUTER whose bind endpoint has a port out of range.
    [InlineData("R3M12", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineRouter<Hub>(o =>
                {
                    o.Bind.Add({|LFL0206:"tcp://*:99999"|});
                    o.SetDisconnectMessage(new Bye("lost"));
                });
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // R3M13: a hosted DEALER whose connect endpoint has no transport.
    [InlineData("R3M13", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineDealer<WorkerHub>(o => { o.Connect.Add({|LFL0206:"127.0.0.1:5555"|}); o.SetHello(new Hi("w")); });
        }
        [LifelineHandler] public sealed partial class WorkerHub { void OnConnected(Hi server) { } }
        """)]
    // R3M14: handler parameters in the wrong order (hello first).
    [InlineData("R3M14", """
        [LifelineHandler] public sealed partial class LobbyHub
        {
            void OnPeerConnected{|LFL0301:(Hi hello, PeerId peer)|} { }
        }
        """)]
    // R3M15: a peer-disconnect handler with the hello and the disconnect record swapped.
    [InlineData("R3M15", """
        [LifelineHandler] public sealed partial class LobbyHub
        {
            void OnPeerConnected(PeerId peer, Hi hello) { }
            void OnPeerDisconnected{|LFL0301:(PeerId peer, Bye bye, Hi hello)|} { }
        }
        """)]
    // R3M16: an async handler returning Task, as every other async method of the app does.
    [InlineData("R3M16", """
        public interface IScoreStore { Task SaveAsync(string name); }
        [LifelineHandler] public sealed partial class GameHub(IScoreStore store)
        {
            async {|LFL0304:Task|} OnPeerConnected(PeerId peer, Hi hello) => await store.SaveAsync(hello.Name);
        }
        """)]
    // R3M17: an async void message handler.
    [InlineData("R3M17", """
        [LifelineHandler] public sealed partial class EchoHub
        {
            {|LFL0307:async|} void OnMessage(PeerId peer, NetMQMessage message) { await Task.Delay(10); }
        }
        """)]
    // R3M18: a handler named with the Async suffix.
    [InlineData("R3M18", """
        [LifelineHandler] public sealed partial class EchoHub
        {
            void OnPeerConnected(PeerId peer, Hi hello) { }
            async ValueTask {|LFL0305:OnPeerDisconnectedAsync|}(PeerId peer, Hi hello, Bye bye) => await Task.Yield();
        }
        """)]
    // R3M19: a lobby hello carrying a list of an unmarked record.
    [InlineData("R3M19", """
        public record Player(string Name, int Rating);
        [HelloMessage(Id = 0x3001)] public partial record LobbyHello(string Room, {|LFL0101:List<Player>|} Players);
        """)]
    // R3M20: a dictionary keyed by a tuple (grid coordinates).
    [InlineData("R3M20", """
        [HelloMessage(Id = 0x3002)] public partial record MapHello(string Map, {|LFL0101:Dictionary<(int X, int Y), string>|} Tiles);
        """)]
    // R3M21: a get-only property with an initializer: the receiver always sees its own clock.
    [InlineData("R3M21", """
        [HelloMessage(Id = 0x3003)] public partial record SessionHello(string User)
        {
            public DateTime {|LFL0102:JoinedAt|} { get; } = DateTime.UtcNow;
        }
        """)]
    // R3M22: free-form metadata as object values.
    [InlineData("R3M22", """
        [HelloMessage(Id = 0x3004)] public partial record AgentHello(string Name, {|LFL0101:IReadOnlyDictionary<string, object>|} Metadata);
        """)]
    // R3M23: a per-tenant disconnect message that is a [MessagePart].
    [InlineData("R3M23", """
        [MessagePart] public partial record TenantInfo(Guid Id, string Name);
        public sealed class TenantServers
        {
            public RouterSocket Create(TenantInfo tenant, int port)
            {
                var router = new RouterSocket();
                router.{|CS0311:SetDisconnectMessage|}({|LFL0210:tenant|});
                router.Bind($"tcp://*:{port}");
                return router;
            }
        }
        """)]
    // R3M24: a broker whose backend is bound in Start before Configure sets its disconnect message.
    [InlineData("R3M24", """
        public sealed class Broker
        {
            private readonly RouterSocket _frontend = new();
            private readonly RouterSocket _backend = new();
            public void Start()
            {
                _frontend.SetDisconnectMessage(new Bye("client gone"));
                _frontend.Bind("tcp://*:5555");
                _backend.Bind("tcp://*:5556");
                Configure();
            }
            private void Configure() => {|LFL0205:_backend.SetDisconnectMessage(new Crash(1))|};
        }
        """)]
    // R3M25: a DEALER created connected by its connection-string constructor in a field initializer, hello set in Login.
    [InlineData("R3M25", """
        public sealed class ChatClient
        {
            private readonly DealerSocket _dealer = new(">tcp://chat.local:5555");
            public void Login(string user) => {|LFL0205:_dealer.SetHelloMessage(new Hi(user))|};
        }
        """)]
    // R3M26: a base-typed socket from a private factory that only makes PUSH sockets.
    [InlineData("R3M26", """
        public sealed class Telemetry
        {
            private static NetMQSocket CreateSocket() => new PushSocket();
            public void Start(byte[] hello)
            {
                var socket = CreateSocket();
                {|LFL0203:socket.Options.HelloMessage|} = hello;
                socket.Connect("tcp://collector:9000");
            }
        }
        """)]
    // R3M27: the hello replaced after the connect by a value that may be null (a settings switch).
    [InlineData("R3M27", """
        public sealed class Presence
        {
            private readonly DealerSocket _dealer = new();
            public void Run(bool announce, byte[] hello)
            {
                _dealer.Options.HelloMessage = hello;
                _dealer.Connect("tcp://presence:5555");
                {|LFL0204:_dealer.Options.HelloMessage|} = announce ? hello : null;
            }
        }
        """)]
    // R3M28: an empty disconnect message on a PEER held in a field.
    [InlineData("R3M28", """
        public sealed class Node
        {
            private readonly PeerSocket _peer = new();
            public void Start()
            {
                {|LFL0209:_peer.Options.DisconnectMessage|} = new byte[] { };
                _peer.Bind("tcp://*:6000");
            }
        }
        """)]
    // R3M29: a DEALER with a hello connecting over a udp constant from a constants class.
    [InlineData("R3M29", """
        public static class Endpoints { public const string Telemetry = "udp://127.0.0.1:9999"; }
        public static class Sender
        {
            public static void Run()
            {
                using var dealer = new DealerSocket();
                dealer.SetHelloMessage(new Hi("sensor"));
                dealer.Connect({|LFL0208:Endpoints.Telemetry|});
            }
        }
        """)]
    // R3M30: a REP status side channel next to the ROUTER, given a disconnect message.
    [InlineData("R3M30", """
        public sealed class Server
        {
            public void Start()
            {
                var router = new RouterSocket();
                var status = new ResponseSocket();
                var bye = System.Text.Encoding.UTF8.GetBytes("bye");
                router.Options.DisconnectMessage = bye;
                {|LFL0202:status.Options.DisconnectMessage|} = bye;
                router.Bind("tcp://*:5555");
                status.Bind("tcp://*:5560");
            }
        }
        """)]
    // R3M31: a worker pool whose hub declares a peer-disconnect handler, hosted on DEALERs only.
    [InlineData("R3M31", """
        public static class Pool
        {
            public static List<LifelineSocketHost> Start(int count)
            {
                var hosts = new List<LifelineSocketHost>();
                for (var i = 0; i < count; i++)
                {
                    var dealer = new DealerSocket();
                    dealer.SetHelloMessage(new Hi($"worker-{i}"));
                    dealer.Connect("tcp://localhost:5556");
                    hosts.Add(new LifelineSocketHost(dealer, new WorkerHub()));
                }
                return hosts;
            }
        }
        [LifelineHandler] public sealed partial class WorkerHub
        {
            void OnConnected(Hi server) { }
            void {|LFL0309:OnPeerDisconnected|}(PeerId peer, Bye bye) { }
        }
        """)]
    // R3M32: OnMessage without the peer.
    [InlineData("R3M32", """
        [LifelineHandler] public sealed partial class EchoHub
        {
            void OnMessage{|LFL0301:(NetMQMessage message)|} { }
        }
        """)]
    // R3M33: a static malformed-frame handler (logging helper style).
    [InlineData("R3M33", """
        [LifelineHandler] public sealed partial class AuditHub
        {
            void OnPeerConnected(PeerId peer, Hi hello) { }
            static void {|LFL0306:OnMalformedFrame|}(PeerId peer, MalformedFrame error) => Console.Error.WriteLine(error);
        }
        """)]
    // R3M34: a hub that is not partial.
    [InlineData("R3M34", """
        [LifelineHandler] public sealed class {|LFL0303:GameHub|}
        {
            void OnPeerConnected(PeerId peer, Hi hello) { }
        }
        """)]
    // R3M35: two handlers of one record struct hello, one nullable (the nullable one cannot be dispatched: LFL0301).
    [InlineData("R3M35", """
        [HelloMessage(Id = 0x3010)] public partial record struct Seat(int Row, int Column);
        [LifelineHandler] public sealed partial class TheatreHub
        {
            void OnPeerConnected(PeerId peer, Seat seat) { }
            void OnPeerConnected{|LFL0301:(PeerId peer, Seat? seat)|} { }
        }
        """)]
    // R3M36: ids taken from a constants class, one copied twice.
    [InlineData("R3M36", """
        public static class MessageIds { public const int Join = 0x4001; public const int Leave = 0x4001; }
        [HelloMessage(Id = MessageIds.Join)] public partial record Join(string Name);
        [DisconnectMessage(Id = MessageIds.Leave)] public partial record {|LFL0008:Leave|}(string Reason);
        """)]
    // R3M37: a hello record whose nested part is declared inside a non-partial class of the app.
    [InlineData("R3M37", """
        public static class {|LFL0004:Lobby|}
        {
            [MessagePart] public partial record Seat(int Row);
        }
        [HelloMessage(Id = 0x3020)] public partial record LobbyHello(string Name, {|LFL0101:Lobby.Seat|} Seat);
        """)]
    // R3M38: a hello set on a DEALER whose connect ran in the constructor.
    [InlineData("R3M38", """
        public sealed class Matchmaker
        {
            private readonly DealerSocket _dealer = new();
            public Matchmaker(string endpoint) => _dealer.Connect(endpoint);
            public void Announce(string player) => {|LFL0205:_dealer.SetHelloMessage(new Hi(player))|};
        }
        """)]
    // R3M39: BindRandomPort given a full endpoint, as the tutorial's Bind was.
    [InlineData("R3M39", """
        //toplevel
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new Bye("lost"));
        var port = router.BindRandomPort({|LFL0206:"tcp://127.0.0.1:5555"|});
        Console.WriteLine(port);
        """)]
    // R3M40: a CLIENT with its hello set after connect, in an async main.
    [InlineData("R3M40", """
        public static class Program
        {
            public static async Task Main(string[] args)
            {
                using var client = new ClientSocket();
                client.Connect(args.Length > 0 ? args[0] : "tcp://localhost:7777");
                {|LFL0205:client.SetHelloMessage(new Hi(Environment.UserName))|};
                await client.SendAsync("ready");
            }
        }
        """)]
    // R3M25b: the same with an explicit connection-string constructor.
    [InlineData("R3M25b", """
        public sealed class ChatClient
        {
            private readonly DealerSocket _dealer = new DealerSocket(">tcp://chat.local:5555");
            public void Login(string user) => {|LFL0205:_dealer.SetHelloMessage(new Hi(user))|};
        }
        """)]
    // R3M25c: the same in a top-level program.
    [InlineData("R3M25c", """
        //toplevel
        using var dealer = new DealerSocket(">tcp://chat.local:5555");
        {|LFL0205:dealer.SetHelloMessage(new Hi("me"))|};
        """)]
    // R3M25d: target-typed new with a connection string in a local.
    [InlineData("R3M25d", """
        public static class ChatClient
        {
            public static void Run()
            {
                DealerSocket dealer = new(">tcp://chat.local:5555");
                {|LFL0205:dealer.SetHelloMessage(new Hi("me"))|};
            }
        }
        """)]
    // R3M41: a hosted DEALER whose ConfigureSocket hook sets a raw disconnect message (NetMQ throws at start).
    [InlineData("R3M41", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineDealer<WorkerHub>(o =>
                {
                    o.Connect.Add("tcp://dispatcher:5555");
                    o.ConfigureSocket = s => {|LFL0201:s.Options.DisconnectMessage|} = new byte[] { 1 };
                });
        }
        [LifelineHandler] public sealed partial class WorkerHub { void OnConnected(Hi server) { } }
        """)]
    // R3M42: a handler returning ValueTask<bool>.
    [InlineData("R3M42", """
        [LifelineHandler] public sealed partial class EchoHub
        {
            {|LFL0304:ValueTask<bool>|} OnMessage(PeerId peer, NetMQMessage message) => new(true);
        }
        """)]
    // R3M43: a DEALER hub expecting the server's disconnect record in OnDisconnected.
    [InlineData("R3M43", """
        [LifelineHandler] public sealed partial class ClientHub
        {
            void OnConnected(Hi server) { }
            void OnDisconnected{|LFL0301:(Bye bye)|} { }
        }
        """)]
    // R3M44: a JSON payload in a hello.
    [InlineData("R3M44", """
        [HelloMessage(Id = 0x3030)] public partial record PluginHello(string Name, {|LFL0101:System.Text.Json.JsonElement|} Config);
        """)]
    // R3M45: a private INetMQSocket field only ever given a PAIR socket, given a hello.
    [InlineData("R3M45", """
        public sealed class Pipe
        {
            private readonly INetMQSocket _socket = new PairSocket();
            public void Open(byte[] hello)
            {
                {|LFL0203:_socket.Options.HelloMessage|} = hello;
                _socket.Connect("inproc://pipe");
            }
        }
        """)]
    // R3M46: a public field of tags in a hello.
    [InlineData("R3M46", """
        [HelloMessage(Id = 0x3031)] public partial record TaggedHello(string Name)
        {
            public string[] {|LFL0102:Tags|} = Array.Empty<string>();
        }
        """)]
    // R3M47: a top-level game client with upper-case transport from a constant.
    [InlineData("R3M47", """
        //toplevel
        const string Server = "TCP://game.local:7777";
        using var client = new ClientSocket();
        client.SetHelloMessage(new Hi("p1"));
        client.Connect({|LFL0206:Server|});
        """)]
    // R3M25e: the field-initializer connection string with an explicit constructor and a block-bodied method.
    [InlineData("R3M25e", """
        public sealed class ChatClient
        {
            private readonly DealerSocket _dealer = new DealerSocket(">tcp://chat.local:5555");
            public ChatClient() { }
            public void Login(string user)
            {
                {|LFL0205:_dealer.SetHelloMessage(new Hi(user))|};
            }
        }
        """)]
    // R3M25f: a field initializer that connects through a static helper-free Connect in the constructor body instead.
    [InlineData("R3M25f", """
        public sealed class ChatClient
        {
            private readonly DealerSocket _dealer = new DealerSocket();
            public ChatClient() { _dealer.Connect("tcp://chat.local:5555"); }
            public void Login(string user) => {|LFL0205:_dealer.SetHelloMessage(new Hi(user))|};
        }
        """)]
    // R3M25g: a ROUTER bound by its connection string in a field initializer, its disconnect set in Start.
    [InlineData("R3M25g", """
        public sealed class Server
        {
            private readonly RouterSocket _router = new RouterSocket("@tcp://*:5555");
            public void Start() => {|LFL0205:_router.SetDisconnectMessage(new Bye("lost"))|};
        }
        """)]
    public void Mistakes(string name, string code) => Check(name, code);

    // ---------------------------------------------------------------------------------------------------------------
    // Valid programs
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    // R3V01: a top-level lobby server with a random port and ValueTask handlers.
    [InlineData("R3V01", """
        //toplevel
        using var router = new RouterSocket();
        router.SetHelloMessage(new Hi("lobby"));
        router.SetDisconnectMessage(new Bye("connection lost"));
        var port = router.BindRandomPort("tcp://*");
        Console.WriteLine($"listening on {port}");
        using var host = new LifelineSocketHost(router, new LobbyHub());
        using var poller = new NetMQPoller { host };
        poller.Run();

        [LifelineHandler] public sealed partial class LobbyHub
        {
            async ValueTask OnPeerConnected(PeerId peer, Hi hello) { await Task.Yield(); Console.WriteLine(hello.Name); }
            ValueTask OnPeerDisconnected(PeerId peer, Hi hello, Bye bye) => default;
            void OnUnknownPeerDisconnected(PeerId peer, Bye bye) { }
            void OnMessage(PeerId peer, NetMQMessage message) { }
        }
        """)]
    // R3V02: a reconnect loop that creates a new DEALER after every failure.
    [InlineData("R3V02", """
        public static class Client
        {
            public static async Task RunAsync(string endpoint, string name, CancellationToken token)
            {
                while (!token.IsCancellationRequested)
                {
                    var dealer = new DealerSocket();
                    try
                    {
                        dealer.SetHelloMessage(new Hi(name));
                        dealer.Connect(endpoint);
                        dealer.SendFrame("ping");
                        if (!dealer.TryReceiveFrameString(TimeSpan.FromSeconds(3), out _)) throw new TimeoutException();
                    }
                    catch (Exception) { await Task.Delay(500, token); }
                    finally { dealer.Dispose(); }
                }
            }
        }
        """)]
    // R3V03: a worker pool on constant endpoints from a constants class.
    [InlineData("R3V03", """
        public static class Endpoints
        {
            public const string Host = "127.0.0.1";
            public const string Backend = $"tcp://{Host}:5556";
            public const string BackendBind = "tcp://*:5556";
        }
        public static class Pool
        {
            public static List<DealerSocket> Start(int count)
            {
                var workers = new List<DealerSocket>();
                for (var i = 0; i < count; i++)
                {
                    var dealer = new DealerSocket();
                    dealer.SetHelloMessage(new Hi($"worker-{i}"));
                    dealer.Connect(Endpoints.Backend);
                    workers.Add(dealer);
                }
                return workers;
            }
            public static RouterSocket Backend()
            {
                var router = new RouterSocket();
                router.SetDisconnectMessage(new Bye("worker died"));
                router.Bind(Endpoints.BackendBind);
                return router;
            }
        }
        """)]
    // R3V04: sockets in a dictionary keyed by endpoint, configured before their connect, re-used later.
    [InlineData("R3V04", """
        public sealed class Fanout : IDisposable
        {
            private readonly Dictionary<string, DealerSocket> _sockets = new();
            public void Open(IEnumerable<string> endpoints, Hi hello)
            {
                foreach (var ep in endpoints)
                {
                    var dealer = new DealerSocket();
                    dealer.SetHelloMessage(hello);
                    dealer.Connect(ep);
                    _sockets[ep] = dealer;
                }
            }
            public void Send(string ep, string text) => _sockets[ep].SendFrame(text);
            public void Dispose() { foreach (var s in _sockets.Values) s.Dispose(); }
        }
        """)]
    // R3V05: a hello built from configuration, with a nullable region and a list of capabilities.
    [InlineData("R3V05", """
        [HelloMessage(Id = 0x5001)] public partial record AgentHello(string Name, string? Region, IReadOnlyList<string> Capabilities);
        public sealed class AgentSettings { public string Name { get; set; } = ""; public string? Region { get; set; } public List<string> Capabilities { get; set; } = new(); public string Server { get; set; } = ""; }
        public sealed class Agent(AgentSettings settings)
        {
            public DealerSocket Connect()
            {
                var dealer = new DealerSocket();
                dealer.SetHelloMessage(new AgentHello(settings.Name, settings.Region, settings.Capabilities));
                dealer.Connect(settings.Server);
                return dealer;
            }
        }
        """)]
    // R3V06: one ROUTER per tenant, each with its own disconnect record struct, bound on an interpolated port.
    [InlineData("R3V06", """
        [DisconnectMessage(Id = 0x5002)] public readonly partial record struct TenantGone(Guid Tenant, string Reason);
        public sealed record Tenant(Guid Id, int Port);
        public sealed class TenantServers : IDisposable
        {
            private readonly Dictionary<Guid, RouterSocket> _routers = new();
            public void Start(IEnumerable<Tenant> tenants)
            {
                foreach (var tenant in tenants)
                {
                    var router = new RouterSocket();
                    router.SetDisconnectMessage(new TenantGone(tenant.Id, "connection lost"));
                    router.Bind($"tcp://*:{tenant.Port}");
                    _routers.Add(tenant.Id, router);
                }
            }
            public void Dispose() { foreach (var r in _routers.Values) r.Dispose(); }
        }
        """)]
    // R3V07: a PEER mesh node: configured, bound, then ConnectPeer to every neighbour; hosted.
    [InlineData("R3V07", """
        public sealed class MeshNode
        {
            public LifelineSocketHost Start(string me, IEnumerable<string> neighbours)
            {
                var peer = new PeerSocket();
                peer.SetHelloMessage(new Hi(me));
                peer.SetDisconnectMessage(new Bye(me));
                peer.Bind("tcp://*:6000");
                foreach (var n in neighbours) peer.ConnectPeer(n);
                return new LifelineSocketHost(peer, new MeshHub());
            }
        }
        [LifelineHandler] public sealed partial class MeshHub
        {
            void OnPeerConnected(PeerId peer, Hi hello) { }
            void OnPeerDisconnected(PeerId peer, Hi hello, Bye bye) { }
            void OnUnknownPeerDisconnected(PeerId peer, Bye bye) { }
        }
        """)]
    // R3V08: SERVER and CLIENT (thread-safe) read through LifelineEvents.
    [InlineData("R3V08", """
        public static class Game
        {
            public static async Task ServeAsync(CancellationToken token)
            {
                using var server = new ServerSocket();
                server.SetHelloMessage(new Hi("game"));
                server.SetDisconnectMessage(new Bye("dropped"));
                server.Bind("tcp://*:7777");
                await foreach (var e in LifelineEvents.ReadAllAsync(server, Lifeline.Generated.LifelineMessages.Catalog, cancellationToken: token))
                    Console.WriteLine(e);
            }
            public static ClientSocket Join(string name)
            {
                var client = new ClientSocket();
                client.SetHelloMessage(new Hi(name));
                client.Options.DisconnectMessage = null;
                client.Connect("tcp://localhost:7777");
                return client;
            }
        }
        """)]
    // R3V09: a PUB side channel beside a configured ROUTER, with plain options after its bind.
    [InlineData("R3V09", """
        public sealed class ChatServer : IDisposable
        {
            private readonly RouterSocket _router = new();
            private readonly PublisherSocket _announcements = new();
            public void Start()
            {
                _router.SetHelloMessage(new Hi("chat"));
                _router.SetDisconnectMessage(new Bye("lost"));
                _router.Bind("tcp://*:5555");
                _announcements.Bind("tcp://*:5556");
                _announcements.Options.SendHighWatermark = 10_000;
                _router.Options.RouterMandatory = true;
            }
            public void Announce(string text) => _announcements.SendMoreFrame("chat").SendFrame(text);
            public void Dispose() { _router.Dispose(); _announcements.Dispose(); }
        }
        """)]
    // R3V10: a records file with collections and nested parts, in a file-scoped namespace.
    [InlineData("R3V10", """
        public static class Unused { }
        //--- next file ---
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using Lifeline;
        namespace Lobby.Contracts;
        public enum Role { Player, Spectator }
        [MessagePart] public partial record Seat(int Row, string Label);
        [MessagePart] public partial record Team(string Name, List<Seat> Seats, Role Role = Role.Player);
        [HelloMessage(Id = 0x6001)] public partial record LobbyHello(string Player, List<Team> Teams, Dictionary<string, int> Scores, ImmutableArray<Guid> Friends, HashSet<Role> Roles, (int Wins, int Losses) Record, DateTimeOffset Since);
        [DisconnectMessage(Id = 0x6002)] public partial record LobbyGone(string Reason, TimeSpan Played, Seat? LastSeat = null);
        """)]
    // R3V11: a hosted ROUTER and a hosted DEALER registered in ConfigureServices, the hello from a service.
    [InlineData("R3V11", """
        public sealed class GameSettings { public string Name { get; set; } = "game"; }
        public static class Program
        {
            public static void ConfigureServices(IServiceCollection services)
            {
                services.AddSingleton(new GameSettings());
                services.AddLifelineRouter<GameHub>(o =>
                {
                    o.Bind.Add("tcp://*:7000");
                    o.SetHello(sp => new Hi(sp.GetRequiredService<GameSettings>().Name));
                    o.SetDisconnectMessage(new Bye("lost"));
                    o.HeartbeatInterval = TimeSpan.FromSeconds(1);
                }).ValidateOnStart();
                services.AddLifelineDealer<MatchmakerClient>(o => { o.Connect.Add("tcp://matchmaker:7100"); o.SetHello(new Hi("game-1")); });
            }
        }
        [LifelineHandler] public sealed partial class GameHub(ILifelineContext context)
        {
            void OnPeerConnected(PeerId peer, Hi hello) { }
            void OnPeerDisconnected(PeerId peer, Hi hello, Bye bye) { }
            async ValueTask OnMessage(PeerId peer, NetMQMessage message) => await context.ReplyAsync(message);
        }
        [LifelineHandler] public sealed partial class MatchmakerClient
        {
            void OnConnected(Hi server) { }
            ValueTask OnReconnected(Hi server) => default;
            void OnDisconnected() { }
            void OnMessage(PeerId peer, NetMQMessage message) { }
        }
        """)]
    // R3V12: a broker with two ROUTERs, each configured in its own private method before its bind.
    [InlineData("R3V12", """
        public sealed class Broker : IDisposable
        {
            private readonly RouterSocket _frontend = new();
            private readonly RouterSocket _backend = new();
            public void Start()
            {
                ConfigureFrontend();
                ConfigureBackend();
                _frontend.Bind("tcp://*:5555");
                _backend.Bind("tcp://*:5556");
            }
            private void ConfigureFrontend() => _frontend.SetDisconnectMessage(new Bye("client gone"));
            private void ConfigureBackend() { _backend.SetDisconnectMessage(new Crash(1)); _backend.SetHelloMessage(new Hi("broker")); }
            public void Dispose() { _frontend.Dispose(); _backend.Dispose(); }
        }
        """)]
    // R3V13: a socket recreated on failure in a field, configured after each creation.
    [InlineData("R3V13", """
        public sealed class ResilientClient : IDisposable
        {
            private DealerSocket? _dealer;
            private readonly string _endpoint;
            private readonly string _name;
            public ResilientClient(string endpoint, string name) { _endpoint = endpoint; _name = name; Reconnect(); }
            private void Reconnect()
            {
                _dealer?.Dispose();
                _dealer = new DealerSocket();
                _dealer.SetHelloMessage(new Hi(_name));
                _dealer.Connect(_endpoint);
            }
            public void Send(string text)
            {
                try { _dealer!.SendFrame(text); }
                catch (NetMQException) { Reconnect(); }
            }
            public void Dispose() => _dealer?.Dispose();
        }
        """)]
    // R3V14: a socket of either class chosen from settings, given a hello (both send it).
    [InlineData("R3V14", """
        public sealed class NodeSettings { public bool Listen { get; set; } public string Endpoint { get; set; } = ""; }
        public static class Node
        {
            public static NetMQSocket Open(NodeSettings settings, byte[] hello)
            {
                NetMQSocket socket = settings.Listen ? new RouterSocket() : new DealerSocket();
                socket.Options.HelloMessage = hello;
                if (settings.Listen) socket.Bind(settings.Endpoint); else socket.Connect(settings.Endpoint);
                return socket;
            }
        }
        """)]
    // R3V15: a hub with overloads for two hello kinds, hosted over a configured ROUTER.
    [InlineData("R3V15", """
        [HelloMessage(Id = 0x7001)] public partial record PlayerHello(string Name, int Level);
        [HelloMessage(Id = 0x7002)] public partial record SpectatorHello(string Name);
        [DisconnectMessage(Id = 0x7003)] public partial record Left(string Reason);
        public static class Server
        {
            public static void Run()
            {
                using var router = new RouterSocket();
                router.SetDisconnectMessage(new Left("lost"));
                router.Bind("tcp://*:5555");
                using var host = new LifelineSocketHost(router, new ArenaHub());
                using var poller = new NetMQPoller { host };
                poller.Run();
            }
        }
        [LifelineHandler] public sealed partial class ArenaHub
        {
            void OnPeerConnected(PeerId peer, PlayerHello hello) { }
            void OnPeerConnected(PeerId peer, SpectatorHello hello) { }
            void OnPeerDisconnected(PeerId peer, PlayerHello hello, Left left) { }
            void OnPeerDisconnected(PeerId peer, Left left) { }
            void OnUnknownPeerDisconnected(PeerId peer, Left left) { }
            void OnMalformedFrame(PeerId peer, MalformedFrame error) { }
            void OnMessage(PeerId peer, NetMQMessage message, NotLifecycleReason reason) { }
        }
        """)]
    // R3V16: a client that updates its hello after connecting (reconnects send the newest).
    [InlineData("R3V16", """
        public sealed class GameClient
        {
            private readonly DealerSocket _dealer = new();
            public void Start(string name)
            {
                _dealer.SetHelloMessage(new Hi(name));
                _dealer.Connect("tcp://game:7000");
            }
            public void LevelUp(string name, int level) => _dealer.SetHelloMessage(new Hi($"{name}@{level}"));
        }
        """)]
    // R3V17: ipc and inproc endpoints, the inproc connect after the bind.
    [InlineData("R3V17", """
        public static class Local
        {
            private const string Ipc = "ipc:///tmp/lobby.sock";
            private const string Inproc = "inproc://lobby";
            public static void Run()
            {
                using var router = new RouterSocket();
                router.SetDisconnectMessage(new Bye("gone"));
                router.Bind(Ipc);
                router.Bind(Inproc);
                using var dealer = new DealerSocket();
                dealer.SetHelloMessage(new Hi("local"));
                dealer.Connect(Inproc);
            }
        }
        """)]
    // R3V18: a plain command socket made with a connection-string constructor, no lifecycle options.
    [InlineData("R3V18", """
        public static class Admin
        {
            public static void Run()
            {
                using var commands = new RouterSocket("@tcp://*:5599");
                commands.Options.RouterMandatory = true;
                using var control = new DealerSocket(">tcp://127.0.0.1:5599");
                control.SendFrame("stop");
            }
        }
        """)]
    // R3V19: a hello with required init properties and a default.
    [InlineData("R3V19", """
        [HelloMessage(Id = 0x7101)] public partial record WorkerHello
        {
            public required string Name { get; init; }
            public IReadOnlyList<string> Capabilities { get; init; } = Array.Empty<string>();
            public int Slots { get; init; } = 1;
            public string Display => $"{Name} ({Slots})";
        }
        """)]
    // R3V20: a hub with helper methods whose names start like handlers but take the app's own types.
    [InlineData("R3V20", """
        [LifelineHandler] public sealed partial class ChatHub
        {
            void OnPeerConnected(PeerId peer, Hi hello) => OnConnect(hello.Name);
            void OnConnect(string reason) { }
            Task OnMessageReceivedAsync(string text) => Task.CompletedTask;
            void OnMessage(PeerId peer, NetMQMessage message) => _ = OnMessageReceivedAsync(message.First.ConvertToString());
        }
        """)]
    // R3V21: protected handlers inherited from a shared base hub.
    [InlineData("R3V21", """
        public abstract class LoggingHub
        {
            protected void OnMalformedFrame(PeerId peer, MalformedFrame error) => Console.Error.WriteLine(error);
            protected virtual void OnPeerConnected(PeerId peer, Hi hello) { }
        }
        [LifelineHandler] public sealed partial class ChatHub : LoggingHub
        {
            protected override void OnPeerConnected(PeerId peer, Hi hello) { }
            void OnMessage(PeerId peer, NetMQMessage message) { }
        }
        """)]
    // R3V22: a top-level client with a local function configuring the socket before its connect.
    [InlineData("R3V22", """
        //toplevel
        using var dealer = new DealerSocket();
        Configure(dealer, args.Length > 0 ? args[0] : "anon");
        dealer.Connect("tcp://localhost:5555");
        dealer.SendFrame("hello");
        static void Configure(DealerSocket socket, string name)
        {
            socket.Options.Linger = TimeSpan.FromSeconds(1);
            socket.SetHelloMessage(new Hi(name));
        }
        """)]
    // R3V23: a PEER node whose disconnect is set by a helper before its bind, hosted with a peer-disconnect handler.
    [InlineData("R3V23", """
        public sealed class Node
        {
            private readonly PeerSocket _peer = new();
            public LifelineSocketHost Start()
            {
                Prepare();
                _peer.Bind("tcp://*:6000");
                return new LifelineSocketHost(_peer, new NodeHub());
            }
            private void Prepare() { _peer.SetHelloMessage(new Hi("node")); _peer.SetDisconnectMessage(new Bye("node gone")); }
        }
        [LifelineHandler] public sealed partial class NodeHub { void OnPeerDisconnected(PeerId peer, Bye bye) { } }
        """)]
    // R3V24: heartbeats and plain options after the bind, lifecycle options before.
    [InlineData("R3V24", """
        public static class Server
        {
            public static RouterSocket Start()
            {
                var router = new RouterSocket();
                router.SetDisconnectMessage(new Bye("timed out"));
                router.Options.HeartbeatInterval = TimeSpan.FromSeconds(1);
                router.Bind("tcp://0.0.0.0:5555");
                router.Options.ReceiveHighWatermark = 5000;
                return router;
            }
        }
        """)]
    // R3V25: endpoints NetMQ accepts: IPv6 in brackets, a host name, a port with a leading zero, an interface bind.
    [InlineData("R3V25", """
        public static class Endpoints
        {
            public static void Run()
            {
                using var router = new RouterSocket();
                router.SetDisconnectMessage(new Bye("gone"));
                router.Bind("tcp://[::1]:5555");
                router.Bind("tcp://127.0.0.1:05556");
                using var dealer = new DealerSocket();
                dealer.SetHelloMessage(new Hi("d"));
                dealer.Connect("tcp://localhost:5555");
                dealer.Connect("tcp://[::1]:5555");
            }
        }
        """)]
    // R3V26: a game state hello with nested parts, arrays of arrays and enums keyed dictionaries.
    [InlineData("R3V26", """
        public enum Piece : byte { Empty, X, O }
        [MessagePart] public partial record struct Move(int Row, int Column, Piece Piece);
        [HelloMessage(Id = 0x7201)] public partial record BoardHello(Piece[][] Board, List<Move> History, Dictionary<Piece, int> Counts, Move? LastMove, byte[] Checksum);
        """)]
    // R3V27: a disconnect message as raw bytes built from the typed frame encoder, on a ROUTER.
    [InlineData("R3V27", """
        public static class Server
        {
            public static RouterSocket Start()
            {
                var router = new RouterSocket();
                router.Options.DisconnectMessage = LifelineFrame.Encode(new Bye("gone"));
                router.Options.HelloMessage = LifelineFrame.Encode(new Hi("srv"));
                router.Bind("tcp://*:5555");
                return router;
            }
        }
        """)]
    // R3V28: a hosted DEALER hub whose message handler takes the reason; connect endpoint from a constant.
    [InlineData("R3V28", """
        public static class Endpoints { public const string Dispatcher = "tcp://dispatcher:5555"; }
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineDealer<WorkerHub>(o => { o.Connect.Add(Endpoints.Dispatcher); o.SetHello(new Hi(Environment.MachineName)); });
        }
        [LifelineHandler] public sealed partial class WorkerHub
        {
            ValueTask OnConnected(Hi server) => default;
            void OnDisconnected() { }
            void OnMessage(PeerId peer, NetMQMessage message, NotLifecycleReason reason) { }
        }
        """)]
    // R3V29: a dealer's hello cleared after an inproc connect (no reconnect), then the socket disposed.
    [InlineData("R3V29", """
        public static class Test
        {
            public static void Run()
            {
                using var router = new RouterSocket();
                router.Bind("inproc://t");
                var dealer = new DealerSocket();
                dealer.SetHelloMessage(new Hi("t"));
                dealer.Connect("inproc://t");
                dealer.Options.HelloMessage = null;
                dealer.Dispose();
            }
        }
        """)]
    // R3V30: a handler class split across two files, hosted over a configured ROUTER in the second.
    [InlineData("R3V30", """
        [LifelineHandler] public sealed partial class ChatHub
        {
            void OnPeerConnected(PeerId peer, Hi hello) { }
        }
        //--- next file ---
        using Lifeline;
        using NetMQ;
        using NetMQ.Sockets;
        public sealed partial class ChatHub
        {
            void OnPeerDisconnected(PeerId peer, Hi hello, Bye bye) { }
            public static LifelineSocketHost Serve()
            {
                var router = new RouterSocket();
                router.SetDisconnectMessage(new Bye("lost"));
                router.Bind("tcp://*:5555");
                return new LifelineSocketHost(router, new ChatHub());
            }
        }
        """)]
    // R3V31: a connection-string constructor with two endpoints, options on another socket.
    [InlineData("R3V31", """
        public static class Relay
        {
            public static void Run()
            {
                using var upstream = new DealerSocket("tcp://a:5555,tcp://b:5555");
                var router = new RouterSocket();
                router.SetDisconnectMessage(new Bye("x"));
                router.Bind("@tcp://*:5556".TrimStart('@'));
            }
        }
        """)]
    // R3V32: a ServerSocket held as ThreadSafeSocket, given a raw disconnect message.
    [InlineData("R3V32", """
        public sealed class Chat
        {
            private readonly ThreadSafeSocket _socket = new ServerSocket();
            public void Start()
            {
                _socket.Options.DisconnectMessage = new byte[] { 0x01 };
                _socket.Bind("tcp://*:5555");
            }
        }
        """)]
    // R3V33: a hosted DEALER with a ConfigureSocket hook setting plain options.
    [InlineData("R3V33", """
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineDealer<WorkerHub>(o =>
                {
                    o.Connect.Add("tcp://dispatcher:5555");
                    o.SetHello(new Hi("w"));
                    o.ConfigureSocket = s => { s.Options.Linger = TimeSpan.Zero; s.Options.DisconnectMessage = null; };
                });
        }
        [LifelineHandler] public sealed partial class WorkerHub { void OnConnected(Hi server) { } void OnDisconnected() { } }
        """)]
    // R3V34: a raw DEALER host with server handlers, the hello from a record with a Uri and a Version.
    [InlineData("R3V34", """
        [HelloMessage(Id = 0x7301)] public partial record ClientHello(string Name, Uri Callback, Version Protocol);
        public static class Client
        {
            public static LifelineSocketHost Start(string endpoint)
            {
                var dealer = new DealerSocket();
                dealer.SetHelloMessage(new ClientHello("c", new Uri("http://localhost/cb"), new Version(1, 2)));
                dealer.Connect(endpoint);
                return new LifelineSocketHost(dealer, new ClientHub());
            }
        }
        [LifelineHandler] public sealed partial class ClientHub
        {
            async ValueTask OnConnected(Hi server) => await Task.Yield();
            void OnReconnected(Hi server) { }
            ValueTask OnDisconnected() => ValueTask.CompletedTask;
        }
        """)]
    // R3V35: a private INetMQSocket field holding a DEALER, given a hello before its connect.
    [InlineData("R3V35", """
        public sealed class Link
        {
            private readonly INetMQSocket _socket = new DealerSocket();
            public void Open(byte[] hello)
            {
                _socket.Options.HelloMessage = hello;
                _socket.Connect("tcp://hub:5555");
            }
        }
        """)]
    // R3V36: a top-level PEER hosted, connecting to endpoints given on the command line.
    [InlineData("R3V36", """
        //toplevel
        using var peer = new PeerSocket();
        peer.SetHelloMessage(new Hi(Environment.MachineName));
        peer.SetDisconnectMessage(new Bye("left"));
        peer.Bind("tcp://*:6000");
        foreach (var a in args) peer.ConnectPeer($"tcp://{a}:6000");
        using var host = new LifelineSocketHost(peer, new MeshHub());
        using var poller = new NetMQPoller { host };
        poller.Run();
        [LifelineHandler] public sealed partial class MeshHub { void OnPeerConnected(PeerId p, Hi h) { } void OnPeerDisconnected(PeerId p, Hi h, Bye b) { } }
        """)]
    // R3V37: the disconnect message written through an alias of the socket's Options, before the bind.
    [InlineData("R3V37", """
        public static class Server
        {
            public static RouterSocket Start(byte[] goodbye)
            {
                var router = new RouterSocket();
                var options = router.Options;
                options.DisconnectMessage = goodbye;
                options.Linger = TimeSpan.FromSeconds(1);
                router.Bind("tcp://*:5555");
                return router;
            }
        }
        """)]
    // R3V38: a client of a high-availability pair: one hello, two connects.
    [InlineData("R3V38", """
        public static class HaClient
        {
            public const string Primary = "tcp://primary:5555";
            public const string Backup = "tcp://backup:5555";
            public static DealerSocket Open(string name)
            {
                var dealer = new DealerSocket();
                dealer.SetHelloMessage(new Hi(name));
                dealer.Connect(Primary);
                dealer.Connect(Backup);
                return dealer;
            }
        }
        """)]
    // R3V39: a hello with optional collection parameters defaulting to null.
    [InlineData("R3V39", """
        [HelloMessage(Id = 0x7401)] public partial record FeatureHello(string Name, List<string>? Tags = null, Dictionary<Guid, int>? Quotas = null, int[]? Ports = null);
        """)]
    // R3V40: a hosted ROUTER whose disconnect record comes from a service factory; the hub takes it.
    [InlineData("R3V40", """
        public sealed class ServerInfo { public string Name { get; set; } = "srv"; }
        public static class Startup
        {
            public static void Register(IServiceCollection services) =>
                services.AddLifelineRouter<Hub>(o =>
                {
                    o.Bind.Add("tcp://*:5555");
                    o.SetDisconnectMessage(sp => new Bye(sp.GetRequiredService<ServerInfo>().Name + " lost you"));
                });
        }
        [LifelineHandler] public sealed partial class Hub { void OnPeerDisconnected(PeerId p, Hi h, Bye b) { } void OnUnknownPeerDisconnected(PeerId p, Bye b) { } }
        """)]
    // R3V41: a ROUTER moved to a new endpoint: unbind, then bind again, options set once before the first bind.
    [InlineData("R3V41", """
        public sealed class Server
        {
            private readonly RouterSocket _router = new();
            private string _endpoint = "tcp://*:5555";
            public Server() { _router.SetDisconnectMessage(new Bye("lost")); _router.Bind(_endpoint); }
            public void Move(string endpoint)
            {
                _router.Unbind(_endpoint);
                _router.Bind(endpoint);
                _endpoint = endpoint;
            }
        }
        """)]
    public void Valid_programs(string name, string code) => Check(name, code);

    // ---------------------------------------------------------------------------------------------------------------

    // Cases measured wrong, checked the other way round so that a fix makes the file fail: none at present.
    private static readonly HashSet<string> KnownWrong = new(System.StringComparer.Ordinal);

    private void Check(string name, string code) => new WholeProgramCorpus(output, KnownWrong).Check(name, code);
}
