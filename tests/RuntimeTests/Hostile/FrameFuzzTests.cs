using System;
using System.Linq;
using CsCheck;
using Lifeline.Generated;
using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Serialization;
using NetMQ;
using Xunit;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>
/// Property-based fuzzing of the frame reader and the generated dispatch: random bytes, and mutations of valid
/// frames. No input may throw; every one ends as a typed message, application data or a reported malformed frame;
/// a valid frame after a bad one is still dispatched. LIFELINE_FUZZ_ITERATIONS sets the count (docs/reliability.md).
/// </summary>
public class FrameFuzzTests
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("LIFELINE_FUZZ_ITERATIONS"), out var n) ? n : 20_000;
    private static readonly LifelineReader Reader = new(LifelineMessages.Catalog);

    private static readonly byte[][] Valid =
    [
        LifelineFrame.Encode(new ClientHello("alice", 3)),
        LifelineFrame.Encode(new ClientGone("timeout")),
        LifelineFrame.Encode(EverythingSamples.Maximum()),
        LifelineFrame.Encode(new WorkerHello("w", ["a", "b"], new() { ["k"] = 1 }, Guid.NewGuid(), 5)),
        LifelineFrame.Encode(new ChainHello(new Node(1, new Node(2, null)), new() { ["x"] = "y" })),
    ];

    private static readonly Gen<byte[]> Mutated =
        Gen.Select(Gen.Int[0, Valid.Length - 1], Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Byte, (which, how, where, value) => Mutate(Valid[which], how, where, value));

    private static readonly Gen<byte[]> RandomWithMagic =
        Gen.Byte.Array[0, 300].Select(tail => LifelineFrame.Magic.ToArray().Concat(tail).ToArray());

    [Fact]
    public void Fuzz_random_bytes_never_throw_and_are_classified()
    {
        Gen.Byte.Array[0, 300].Sample(AssertClassified, iter: Iterations);
        RandomWithMagic.Sample(AssertClassified, iter: Iterations);
    }

    [Fact]
    public void Fuzz_mutated_frames_never_throw_and_are_classified()
    {
        Mutated.Sample(AssertClassified, iter: Iterations);
    }

    [Fact]
    public void Fuzz_dispatch_survives_bad_frames_and_still_delivers_the_next_valid_one()
    {
        var handler = new FuzzCountingHandler();
        var core = new LifecycleCore(isRouted: true, LifelineMessages.Catalog, Seal, LifelineFrame.DefaultMaxFrameSize);
        var peers = 0;
        Mutated.Array[1, 4].Sample(
            bad =>
            {
                // Each input arrives as the first message of a new peer's connection (where a hello counts) and again
                // as a later one (where it never does); sealed-disconnect shapes carry the socket's seal.
                var peer = PeerId.FromRoutingId((uint)++peers);
                foreach (var frame in bad)
                {
                    Dispatch(handler, core, peer, SealIfDisconnect(frame));
                    Dispatch(handler, core, peer, frame);
                }

                var before = handler.Count;
                Dispatch(handler, core, peer, System.Text.Encoding.UTF8.GetBytes("still here"));
                Assert.Equal(before + 1, handler.Count);
                Assert.Equal("message still here", handler.Last);
            },
            iter: Math.Max(1, Iterations / 10),
            threads: 1); // one handler and one session, as on a socket's thread
    }

    private static void AssertClassified(byte[] frame)
    {
        var result = Reader.Read(frame);
        switch (result.Kind)
        {
            case ReadKind.ApplicationData:
                Assert.False(LifelineFrame.HasMagic(frame));
                break;
            case ReadKind.Hello:
            case ReadKind.Disconnect:
                Assert.NotNull(result.Message);
                break;
            default:
                Assert.NotNull(result.Error);
                Assert.False(string.IsNullOrEmpty(result.Error!.Detail));
                break;
        }
    }

    private static readonly byte[] Seal = SocketSeals.For(new object());

    // The path a LifelineSocketHost takes once it has received the routing id on its own: classify, then call the
    // generated handler. The recording handler completes synchronously; a fault would surface here as an exception.
    private static void Dispatch(FuzzCountingHandler handler, LifecycleCore core, PeerId peer, byte[] frame)
    {
        var message = new NetMQMessage();
        message.Append(frame);
        HandlerCalls.Invoke(handler, core.Classify(peer, message), message).GetAwaiter().GetResult();
    }

    private static byte[] SealIfDisconnect(byte[] frame)
    {
        if (frame.Length < LifelineFrame.SealedHeaderLength || FrameShapes.Of(frame, out _) != FrameShape.SealedDisconnect)
        {
            return frame;
        }

        var sealedFrame = (byte[])frame.Clone();
        Seal.CopyTo(sealedFrame, LifelineFrame.HeaderLength);
        return sealedFrame;
    }

    // Bit flips, truncation, inflated length fields, swapped ids, wrong kinds, and bytes spliced in.
    private static byte[] Mutate(byte[] valid, int how, int where, byte value)
    {
        var frame = (byte[])valid.Clone();
        var at = where % frame.Length;
        switch (how)
        {
            case 0:
                frame[at] ^= (byte)(1 << (value % 8));
                return frame;
            case 1:
                return frame[..at];
            case 2:
                // A length-carrying MessagePack header (str32, bin32, array32, map32) claiming far too much.
                var header = new byte[] { 0xDB, 0xC6, 0xDD, 0xDF }[value % 4];
                var inflated = frame[..Math.Max(at, LifelineFrame.HeaderLength)].Concat(new byte[] { header, 0x7F, 0xFF, 0xFF, value }).Concat(frame[Math.Max(at, LifelineFrame.HeaderLength)..]).ToArray();
                return inflated;
            case 3:
                frame[6 + (at % 4)] = value;
                return frame;
            case 4:
                frame[5] = value;
                return frame;
            default:
                frame[at] = value;
                return frame;
        }
    }
}
