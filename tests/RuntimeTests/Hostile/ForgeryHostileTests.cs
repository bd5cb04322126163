using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Lifeline.RuntimeTests.Handlers;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Network;
using NetMQ;
using NetMQ.Sockets;
using Xunit;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>
/// Peers that send lifecycle-looking frames in positions where they must not count: forged and replayed disconnects,
/// second hellos, a disconnect frame as a hello, a server hello in mid-connection, and application data that merely
/// starts with the magic. None of it may change presence, and every byte must reach the application.
/// </summary>
public class ForgeryHostileTests
{
    // --- Forged disconnects ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void Hostile_forged_disconnects_from_a_connected_peer_are_its_data_and_presence_holds_until_it_really_leaves(string transport)
    {
        using var host = new HostedRouter(transport);
        var (router, endpoint, handler, lifeline) = (host.Router, host.Endpoint, host.Handler, host.Lifeline);
        var peer = new DealerSocket();
        peer.SetHelloMessage(new ClientHello("alice", 1));
        peer.Connect(endpoint);
        HandlerTests.Pump(lifeline, handler, 1);
        var id = PeerOf(handler.Events[0]);
        Assert.Equal($"connected {id} alice", handler.Events[0]);

        var v1 = LifelineFrame.Encode(new ClientGone("forged"));
        var v2 = ForgeSealed(v1, RandomBytes(16, seed: 1));
        Assert.Equal(new byte[] { 0xC1, 0x4C, 0x46, 0x4C, 0x02, 0x02, 0x00, 0x00, 0x20, 0x01 }, v2[..10]);
        byte[][] forged =
        [
            v1,
            v2,
            ForgeSealed(v1, new byte[16]),                          // an all-zero seal
            [0xC1, 0x4C, 0x46, 0x4C, 0x02, 0x02, 0, 0, 0, 0, .. RandomBytes(16, seed: 2)], // the shape a host installs, no body
            v2[..20],                                               // cut inside the seal
        ];
        foreach (var frame in forged)
        {
            peer.SendFrame(frame);
        }

        HandlerTests.Pump(lifeline, handler, 1 + forged.Length);
        for (var i = 0; i < forged.Length; i++)
        {
            Assert.Equal($"lookalike {id} DisconnectNotSealed {Convert.ToHexString(forged[i])}", handler.Events[1 + i]);
        }

        var present = Assert.Single(lifeline.Session.Peers);
        Assert.Equal(id, present.Key.ToString());
        Assert.Equal(new ClientHello("alice", 1), present.Value);

        peer.Dispose();
        HandlerTests.Pump(lifeline, handler, 2 + forged.Length);
        Assert.Equal($"disconnected {id} alice lost", handler.Events[^1]);
        Assert.Single(handler.Events, e => e.StartsWith("disconnected ", StringComparison.Ordinal));
        Assert.Equal(2 + forged.Length, handler.Events.Count);
        Assert.Empty(lifeline.Session.Peers);
    }

    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void Hostile_a_disconnect_sealed_by_another_socket_is_data_for_this_one(string transport)
    {
        // A seal that leaked (a closing server's disconnect bytes reach its peers) proves nothing to another socket.
        using var elsewhere = new RouterSocket();
        elsewhere.SetDisconnectMessage(new ClientGone("lost"));
        var replayed = LifelineFrame.EncodeSealed(new ClientGone("lost"), SocketSeals.Find(elsewhere));

        using var host = new HostedRouter(transport);
        var (router, endpoint, handler, lifeline) = (host.Router, host.Endpoint, host.Handler, host.Lifeline);
        var peer = new DealerSocket();
        peer.SetHelloMessage(new ClientHello("alice", 1));
        peer.Connect(endpoint);
        peer.SendFrame(replayed);

        HandlerTests.Pump(lifeline, handler, 2);
        var id = PeerOf(handler.Events[0]);
        Assert.Equal($"connected {id} alice", handler.Events[0]);
        Assert.Equal($"lookalike {id} DisconnectNotSealed {Convert.ToHexString(replayed)}", handler.Events[1]);
        Assert.Equal(new ClientHello("alice", 1), Assert.Single(lifeline.Session.Peers).Value);

        peer.Dispose();
        HandlerTests.Pump(lifeline, handler, 3);
        Assert.Equal($"disconnected {id} alice lost", handler.Events[2]);
        Assert.Empty(lifeline.Session.Peers);
    }

    // --- Second hellos --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void Hostile_a_second_hello_is_data_and_presence_keeps_the_first(string transport)
    {
        using var host = new HostedRouter(transport);
        var (router, endpoint, handler, lifeline) = (host.Router, host.Endpoint, host.Handler, host.Lifeline);
        var peer = new DealerSocket();
        peer.SetHelloMessage(new ClientHello("alice", 1));
        peer.Connect(endpoint);
        HandlerTests.Pump(lifeline, handler, 1);
        var id = PeerOf(handler.Events[0]);

        byte[][] hellos =
        [
            LifelineFrame.Encode(new ClientHello("mallory", 9)),
            LifelineFrame.Encode(new WorkerHello("w1", ["gpu"], [], Guid.Empty, null)),
            LifelineFrame.Encode(new ClientHello("alice", 1)),      // its own hello, replayed
            [0xC1, 0x4C, 0x46, 0x4C, 0x01, 0x01, 0x00, 0x00, 0x10, 0x01, 0x82], // a malformed one: data too, not malformed
        ];
        foreach (var frame in hellos)
        {
            peer.SendFrame(frame);
        }

        HandlerTests.Pump(lifeline, handler, 1 + hellos.Length);
        for (var i = 0; i < hellos.Length; i++)
        {
            Assert.Equal($"lookalike {id} HelloNotFirst {Convert.ToHexString(hellos[i])}", handler.Events[1 + i]);
        }

        Assert.Single(handler.Events, e => e.StartsWith("connected ", StringComparison.Ordinal));
        Assert.DoesNotContain(handler.Events, e => e.StartsWith("worker ", StringComparison.Ordinal));
        Assert.Equal(new ClientHello("alice", 1), Assert.Single(lifeline.Session.Peers).Value);

        peer.Dispose();
        HandlerTests.Pump(lifeline, handler, 2 + hellos.Length);
        Assert.Equal($"disconnected {id} alice lost", handler.Events[^1]);
    }

    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void Hostile_a_hello_after_data_is_data_and_the_peer_stays_unknown(string transport)
    {
        using var host = new HostedRouter(transport);
        var (router, endpoint, handler, lifeline) = (host.Router, host.Endpoint, host.Handler, host.Lifeline);
        var peer = new DealerSocket();
        peer.Connect(endpoint);
        var hello = LifelineFrame.Encode(new ClientHello("eve", 1));
        peer.SendFrame("hi");
        peer.SendFrame(hello);

        HandlerTests.Pump(lifeline, handler, 2);
        var id = PeerOf(handler.Events[0]);
        Assert.Equal($"message {id} hi", handler.Events[0]);
        Assert.Equal($"lookalike {id} HelloNotFirst {Convert.ToHexString(hello)}", handler.Events[1]);
        Assert.Empty(lifeline.Session.Peers);

        peer.Dispose();
        HandlerTests.Pump(lifeline, handler, 3);
        Assert.Equal($"unknown-gone {id} lost", handler.Events[2]);
    }

    // --- A disconnect frame as a peer's hello ---------------------------------------------------------------------

    [Theory]
    [InlineData(Transports.Inproc, false)]
    [InlineData(Transports.Inproc, true)]
    [InlineData(Transports.Tcp, false)]
    [InlineData(Transports.Tcp, true)]
    public void Hostile_a_peer_whose_hello_option_is_a_disconnect_frame_sends_data_and_is_never_present(string transport, bool sealedWithForgery)
    {
        var v1 = LifelineFrame.Encode(new ClientGone("forged"));
        var frame = sealedWithForgery ? ForgeSealed(v1, RandomBytes(16, seed: 3)) : v1;
        using var host = new HostedRouter(transport);
        var (router, endpoint, handler, lifeline) = (host.Router, host.Endpoint, host.Handler, host.Lifeline);
        var peer = new DealerSocket();
        peer.Options.HelloMessage = frame;
        peer.Connect(endpoint);

        HandlerTests.Pump(lifeline, handler, 1);
        var id = PeerOf(handler.Events[0]);
        Assert.Equal($"lookalike {id} DisconnectNotSealed {Convert.ToHexString(frame)}", handler.Events[0]);
        Assert.Empty(lifeline.Session.Peers);

        peer.SendFrame("after");
        HandlerTests.Pump(lifeline, handler, 2);
        Assert.Equal($"message {id} after", handler.Events[1]);
        Assert.Empty(lifeline.Session.Peers);

        // Its real departure is the socket's own disconnect, for a peer that never said hello: once.
        peer.Dispose();
        HandlerTests.Pump(lifeline, handler, 3);
        Assert.Equal($"unknown-gone {id} lost", handler.Events[2]);
        Assert.Equal(3, handler.Events.Count);
    }

    // --- Application data that starts with the magic --------------------------------------------------------------

    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void Hostile_magic_prefixed_application_data_reaches_the_application_byte_for_byte_exactly_once(string transport)
    {
        var payloads = MagicPayloads();
        using var router = new RouterSocket();
        var endpoint = Transports.Bind(router, transport);
        var handler = new PresenceOnlyHandler();
        var calls = new HostCalls(handler);
        using var lifeline = new LifelineSocketHost(router, calls);
        using var poller = new NetMQPoller { lifeline };
        poller.RunAsync();

        // Later positions: one connection that opens with plain data, then sends every payload.
        using var steady = new DealerSocket();
        steady.Connect(endpoint);
        steady.SendFrame("open");
        foreach (var payload in payloads)
        {
            steady.SendMultipartBytes(payload);
        }

        // First position: a new connection for each payload (kept open until its payload arrived).
        var expected = 1 + payloads.Count;
        foreach (var batch in payloads.Chunk(50))
        {
            var dealers = batch.Select(payload =>
            {
                var dealer = new DealerSocket();
                dealer.Connect(endpoint);
                dealer.SendMultipartBytes(payload);
                return dealer;
            }).ToList();
            expected += batch.Length;
            calls.WaitUntil(c => c.Deliveries >= expected);
            dealers.ForEach(d => d.Dispose());
        }

        // The steady peer's departure follows all its data: once it is seen, nothing of it is still on the way.
        steady.Dispose();
        calls.WaitUntil(c => c.DisconnectCount >= payloads.Count + 1 && c.Deliveries >= expected);
        poller.Stop();

        var deliveries = calls.AllDeliveries();
        Assert.Equal(1 + (2 * payloads.Count), deliveries.Count);
        Assert.Empty(handler.Connected);
        var open = Assert.Single(deliveries, d => d.Frames.Length == 1 && d.Frames[0].AsSpan().SequenceEqual("open"u8));
        Assert.False(open.Malformed);
        Assert.Equal(NotLifecycleReason.None, open.Reason);

        // Later positions: every payload, in order, whole, as data with the reason its shape gives.
        var later = deliveries.Where(d => d.Peer == open.Peer).Skip(1).ToList();
        Assert.Equal(payloads.Count, later.Count);
        for (var i = 0; i < payloads.Count; i++)
        {
            Assert.False(later[i].Malformed, $"payload {i} ({Key(payloads[i])}) reported malformed in a later position");
            Assert.Equal(Key(payloads[i]), Key(later[i].Frames));
            Assert.Equal(ReasonFor(payloads[i]), later[i].Reason);
        }

        // First positions: one delivery per connection; a hello-shaped frame of one frame is a malformed hello whose
        // bytes travel in MalformedFrame.Frame, anything else is data.
        var first = deliveries.Where(d => d.Peer != open.Peer).ToList();
        Assert.Equal(payloads.Count, first.Count);
        Assert.Equal(payloads.Count, first.Select(d => d.Peer).Distinct().Count());
        Assert.Equal(payloads.Select(Key).Order(StringComparer.Ordinal), first.Select(d => Key(d.Frames)).Order(StringComparer.Ordinal));
        foreach (var delivery in first)
        {
            var isHello = delivery.Frames.Length == 1 && IsHelloShaped(delivery.Frames[0]);
            Assert.True(isHello == delivery.Malformed, $"{Key(delivery.Frames)}: malformed {delivery.Malformed}, reason {delivery.Reason}");
            if (!isHello)
            {
                Assert.Equal(ReasonFor(delivery.Frames), delivery.Reason);
            }
        }

        Assert.Contains(first, d => d.Malformed);
    }

    // --- Presence with handlers that lack methods -----------------------------------------------------------------

    [Theory]
    [InlineData(Transports.Inproc, false)]
    [InlineData(Transports.Inproc, true)]
    [InlineData(Transports.Tcp, false)]
    [InlineData(Transports.Tcp, true)]
    public void Presence_empties_when_peers_leave_with_no_disconnect_method_and_with_or_without_a_disconnect_message(string transport, bool setDisconnectMessage)
    {
        using var router = new RouterSocket();
        if (setDisconnectMessage)
        {
            router.SetDisconnectMessage(new ClientGone("lost"));
        }

        var endpoint = Transports.Bind(router, transport);
        var handler = new PresenceOnlyHandler();
        var calls = new HostCalls(handler);
        using var lifeline = new LifelineSocketHost(router, calls);
        var peers = Enumerable.Range(0, 3).Select(i =>
        {
            var dealer = new DealerSocket();
            dealer.SetHelloMessage(new ClientHello($"p{i}", i));
            dealer.Connect(endpoint);
            return dealer;
        }).ToList();

        PumpUntil(lifeline, () => lifeline.Session.Peers.Count == 3, calls);
        Assert.Equal(["p0", "p1", "p2"], handler.Connected.Select(c => c.Name).Order(StringComparer.Ordinal));

        peers.ForEach(p => p.Dispose());
        PumpUntil(lifeline, () => lifeline.Session.Peers.Count == 0, calls);

        Assert.Empty(calls.MalformedReports());
        Assert.Empty(handler.Messages);
        var gone = calls.Disconnects();
        Assert.Equal(3, gone.Count);
        Assert.Equal(handler.Connected.Select(c => c.Peer.ToString()).Order(StringComparer.Ordinal), gone.Select(g => g.Peer.ToString()).Order(StringComparer.Ordinal));
        foreach (var (peer, hello, record) in gone)
        {
            Assert.Equal(handler.Connected.Single(c => c.Peer == peer).Name, Assert.IsType<ClientHello>(hello).Name);
            if (setDisconnectMessage)
            {
                Assert.Equal(new ClientGone("lost"), record);
            }
            else
            {
                Assert.Null(record);
            }
        }
    }

    // --- A DEALER told of a reconnect that did not happen ---------------------------------------------------------

    [Theory]
    [InlineData(Transports.Inproc)]
    [InlineData(Transports.Tcp)]
    public void Hostile_a_server_hello_in_mid_connection_is_data_for_a_dealer_and_no_reconnect(string transport)
    {
        using var server = new RouterSocket();
        server.SetHelloMessage(new ServerHello("hub", 1));
        var endpoint = Transports.Bind(server, transport);
        using var dealer = new DealerSocket();
        var handler = new RecordingHandler();
        using var lifeline = new LifelineSocketHost(dealer, handler);
        dealer.Connect(endpoint);
        HandlerTests.Pump(lifeline, handler, 1);
        Assert.Equal("server hub", handler.Events[0]);

        dealer.SendFrame("ping");
        NetMQMessage? received = null;
        Assert.True(server.TryReceiveMultipartMessage(Transports.Timeout, ref received));
        var routingId = received![0].ToByteArray();
        byte[][] fakes =
        [
            LifelineFrame.Encode(new ServerHello("hub", 2)),
            LifelineFrame.Encode(new ServerHello("impostor", 3)),
        ];
        foreach (var fake in fakes)
        {
            server.SendMoreFrame(routingId).SendFrame(fake);
        }

        HandlerTests.Pump(lifeline, handler, 1 + fakes.Length);
        for (var i = 0; i < fakes.Length; i++)
        {
            Assert.Equal($"lookalike none HelloNotFirst {Convert.ToHexString(fakes[i])}", handler.Events[1 + i]);
        }

        Assert.Equal(1 + fakes.Length, handler.Events.Count);
        Assert.Equal(1, lifeline.Session.ServerHellos);
        Assert.False(lifeline.Session.ServerGone);
    }

    // --- Seals -----------------------------------------------------------------------------------------------------

    [Fact]
    public void A_host_installs_a_sealed_disconnect_of_its_own_when_the_application_set_none()
    {
        using var router = new RouterSocket();
        Assert.Null(SocketSeals.Find(router));
        var endpoint = Transports.Bind(router, Transports.Inproc);
        var handler = new PresenceOnlyHandler();
        var calls = new HostCalls(handler);

        using var lifeline = new LifelineSocketHost(router, calls);

        var seal = SocketSeals.Find(router);
        Assert.NotNull(seal);
        Assert.Equal(LifelineFrame.SealLength, seal.Length);
        Assert.NotEqual(new byte[LifelineFrame.SealLength], seal);
        Assert.True(SocketSeals.Carries(LifelineFrame.EncodeSealedEmpty(seal), seal));

        // What the host installed is what ends presence: a sealed frame with no record in it.
        var peer = new DealerSocket();
        peer.SetHelloMessage(new ClientHello("alice", 1));
        peer.Connect(endpoint);
        PumpUntil(lifeline, () => lifeline.Session.Peers.Count == 1, calls);
        peer.Dispose();
        PumpUntil(lifeline, () => lifeline.Session.Peers.Count == 0, calls);
        var gone = Assert.Single(calls.Disconnects());
        Assert.Equal(new ClientHello("alice", 1), gone.Hello);
        Assert.Null(gone.Gone);
        Assert.Empty(calls.MalformedReports());
        Assert.Empty(handler.Messages);
    }

    [Fact]
    public void SetDisconnectMessage_seals_each_socket_with_its_own_secret_and_a_host_keeps_it()
    {
        using var first = new RouterSocket();
        using var second = new RouterSocket();
        first.SetDisconnectMessage(new ClientGone("lost"));
        second.SetDisconnectMessage(new ClientGone("lost"));
        var firstSeal = SocketSeals.Find(first);
        var secondSeal = SocketSeals.Find(second);
        Assert.NotNull(firstSeal);
        Assert.NotNull(secondSeal);
        Assert.NotEqual(firstSeal, secondSeal);
        Assert.NotEqual(new byte[LifelineFrame.SealLength], firstSeal);

        var frame = LifelineFrame.EncodeSealed(new ClientGone("lost"), firstSeal);
        Assert.True(SocketSeals.Carries(frame, firstSeal));
        Assert.False(SocketSeals.Carries(frame, secondSeal));
        Assert.False(SocketSeals.Carries(frame, null));

        // Hosting the socket keeps the application's seal, and its disconnect message is the one that arrives.
        var endpoint = Transports.Bind(first, Transports.Inproc);
        var calls = new HostCalls(new PresenceOnlyHandler());
        using var lifeline = new LifelineSocketHost(first, calls);
        Assert.Same(firstSeal, SocketSeals.Find(first));
        var peer = new DealerSocket();
        peer.SetHelloMessage(new ClientHello("alice", 1));
        peer.Connect(endpoint);
        PumpUntil(lifeline, () => lifeline.Session.Peers.Count == 1, calls);
        peer.Dispose();
        PumpUntil(lifeline, () => lifeline.Session.Peers.Count == 0, calls);
        Assert.Equal(new ClientGone("lost"), Assert.Single(calls.Disconnects()).Gone);
    }

    // --- Helpers ---------------------------------------------------------------------------------------------------

    /// <summary>A version 2 disconnect frame with <paramref name="seal"/>: the v1 header, version 2, the seal, the v1 body.</summary>
    /// <summary>The set-up most tests here share: a ROUTER with a sealed disconnect message, hosted with a recording handler.</summary>
    private sealed class HostedRouter : IDisposable
    {
        public HostedRouter(string transport)
        {
            Router.SetDisconnectMessage(new ClientGone("lost"));
            Endpoint = Transports.Bind(Router, transport);
            Lifeline = new LifelineSocketHost(Router, Handler);
        }

        public RouterSocket Router { get; } = new();

        public string Endpoint { get; }

        public RecordingHandler Handler { get; } = new();

        public LifelineSocketHost Lifeline { get; }

        public void Dispose()
        {
            Lifeline.Dispose();
            Router.Dispose();
        }
    }

    private static byte[] ForgeSealed(byte[] v1, ReadOnlySpan<byte> seal)
    {
        var frame = new byte[v1.Length + LifelineFrame.SealLength];
        v1.AsSpan(0, LifelineFrame.HeaderLength).CopyTo(frame);
        frame[4] = LifelineFrame.SealedFormatVersion;
        seal.CopyTo(frame.AsSpan(LifelineFrame.HeaderLength));
        v1.AsSpan(LifelineFrame.HeaderLength).CopyTo(frame.AsSpan(LifelineFrame.SealedHeaderLength));
        return frame;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string PeerOf(string recordedEvent) => recordedEvent.Split(' ')[1];

    /// <summary>A float sample that happens to start with the magic, then a few hundred random magic-prefixed messages.</summary>
    private static List<byte[][]> MagicPayloads()
    {
        // -12.767f itself is C1 4C 45 A2; the float sample the magic spells is -12.767162f (C1 4C 46 4C).
        var sample = new byte[12];
        BinaryPrimitives.WriteSingleBigEndian(sample, -12.767162f);
        BinaryPrimitives.WriteSingleBigEndian(sample.AsSpan(4), 21.5f);
        BinaryPrimitives.WriteSingleBigEndian(sample.AsSpan(8), 1013.25f);
        Assert.Equal(new byte[] { 0xC1, 0x4C, 0x46, 0x4C }, sample[..4]);
        var payloads = new List<byte[][]> { new[] { sample } };

        var random = new Random(20260417);
        int[] edges = [4, 5, 6, 9, 10, 11, 25, 26, 27];
        for (var i = 0; i < 300; i++)
        {
            var length = i % 3 == 0 ? edges[random.Next(edges.Length)] : random.Next(4, 600);
            var frame = new byte[length];
            random.NextBytes(frame);
            LifelineFrame.Magic.CopyTo(frame);
            if (length >= 6)
            {
                // Mostly the headers that mean something (hello, sealed and unsealed disconnect), some left random.
                (frame[4], frame[5]) = (i % 5) switch
                {
                    0 or 1 => ((byte)1, (byte)1),
                    2 => ((byte)2, (byte)2),
                    3 => ((byte)1, (byte)2),
                    _ => (frame[4], frame[5]),
                };
            }

            if (length >= 10 && i % 5 == 1)
            {
                // Ids the catalog knows: decoding reaches the body (or the kind check) and fails there.
                BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(6), random.Next(2) == 0 ? 0x1001u : 0x2001u);
            }

            var frames = new List<byte[]> { frame };
            if (i % 7 == 0)
            {
                frames.Add(random.Next(2) == 0 ? [] : RandomBytes(random.Next(1, 40), random.Next()));
            }

            payloads.Add([.. frames]);
        }

        return payloads;
    }

    private static bool IsHelloShaped(byte[] frame) => frame.Length >= 6 && frame[4] == 1 && frame[5] == 1;

    /// <summary>The reason a magic-prefixed message is data, from its bytes (the test's own reading of the rules).</summary>
    private static NotLifecycleReason ReasonFor(byte[][] frames)
    {
        var frame = frames[0];
        if (frame.Length < 6)
        {
            return NotLifecycleReason.UnknownHeader;
        }

        return (frame[4], frame[5]) switch
        {
            (1, 1) => frames.Length > 1 ? NotLifecycleReason.UnexpectedFrames : NotLifecycleReason.HelloNotFirst,
            (2, 2) or (1, 2) => NotLifecycleReason.DisconnectNotSealed,
            _ => NotLifecycleReason.UnknownHeader,
        };
    }

    private static string Key(byte[][] frames) => string.Join('|', frames.Select(Convert.ToHexString));

    /// <summary>Processes messages on the test thread until <paramref name="done"/> holds, failing after the timeout.</summary>
    private static void PumpUntil(LifelineSocketHost lifeline, Func<bool> done, HostCalls calls)
    {
        var deadline = DateTime.UtcNow + Transports.Timeout;
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out with {lifeline.Session.Peers.Count} peers present; {calls}");
            lifeline.TryProcess(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>
    /// Sits between a host and a generated handler and records every call the host makes, with copies of the bytes it
    /// hands over (the message is reused after the call), then forwards the call.
    /// </summary>
    private sealed class HostCalls(ILifelineHandler inner) : ILifelineHandler
    {
        private readonly object _gate = new();
        private readonly SemaphoreSlim _arrived = new(0);
        private readonly List<Delivery> _deliveries = [];
        private readonly List<(PeerId Peer, object? Hello, object? Gone)> _disconnects = [];
        private readonly List<MalformedFrame> _malformed = [];

        public ILifelineCatalog Catalog => inner.Catalog;

        public int Deliveries
        {
            get
            {
                lock (_gate)
                {
                    return _deliveries.Count;
                }
            }
        }

        public int DisconnectCount
        {
            get
            {
                lock (_gate)
                {
                    return _disconnects.Count;
                }
            }
        }

        public List<Delivery> AllDeliveries()
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }

        public List<(PeerId Peer, object? Hello, object? Gone)> Disconnects()
        {
            lock (_gate)
            {
                return [.. _disconnects];
            }
        }

        public List<MalformedFrame> MalformedReports()
        {
            lock (_gate)
            {
                return [.. _malformed];
            }
        }

        public void WaitUntil(Func<HostCalls, bool> done)
        {
            while (!done(this))
            {
                Assert.True(_arrived.Wait(Transports.Timeout), $"timed out; {this}");
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return $"{_deliveries.Count} deliveries, {_malformed.Count} malformed, {_disconnects.Count} disconnects";
            }
        }

        public ValueTask OnPeerConnectedAsync(PeerId peer, object hello) => inner.OnPeerConnectedAsync(peer, hello);

        public ValueTask OnPeerDisconnectedAsync(PeerId peer, object? hello, object? gone)
        {
            Record(() => _disconnects.Add((peer, hello, gone)));
            return inner.OnPeerDisconnectedAsync(peer, hello, gone);
        }

        public ValueTask OnConnectedAsync(object hello, bool isReconnect) => inner.OnConnectedAsync(hello, isReconnect);

        public ValueTask OnDisconnectedAsync() => inner.OnDisconnectedAsync();

        public ValueTask OnMessageAsync(PeerId peer, NetMQMessage message, NotLifecycleReason reason)
        {
            var frames = message.Select(f => f.ToByteArray()).ToArray();
            Record(() => _deliveries.Add(new Delivery(peer, frames, reason, Malformed: false)));
            return inner.OnMessageAsync(peer, message, reason);
        }

        public ValueTask OnMalformedFrameAsync(PeerId peer, MalformedFrame error)
        {
            Record(() =>
            {
                _malformed.Add(error);
                _deliveries.Add(new Delivery(peer, [error.Frame.ToArray()], NotLifecycleReason.None, Malformed: true));
            });
            return inner.OnMalformedFrameAsync(peer, error);
        }

        private void Record(Action add)
        {
            lock (_gate)
            {
                add();
            }

            _arrived.Release();
        }
    }

    private sealed record Delivery(PeerId Peer, byte[][] Frames, NotLifecycleReason Reason, bool Malformed);
}
