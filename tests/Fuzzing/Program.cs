using System;
using System.IO;
using Lifeline;
using Lifeline.Fuzzing;
using Lifeline.Generated;
using NetMQ;

// Reads one input per run from AFL++ (through SharpFuzz's out-of-process loop) and feeds it to the frame reader and
// to the generated dispatch. Any exception that escapes is a crash AFL++ records. 'seeds <dir>' writes valid frames
// as the starting corpus.
if (args is ["seeds", var directory])
{
    Directory.CreateDirectory(directory);
    var seeds = new (string Name, byte[] Frame)[]
    {
        ("hello", LifelineFrame.Encode(new FuzzHello("alice", 3, ["a", "b"], new() { ["k"] = 1 }, new FuzzPart(1.5, null)))),
        ("gone", LifelineFrame.Encode(new FuzzGone("timeout", Guid.Empty, DateTimeOffset.UnixEpoch))),
        ("data", "plain application data"u8.ToArray()),
    };
    foreach (var (name, frame) in seeds)
    {
        File.WriteAllBytes(Path.Combine(directory, name), frame);
    }

    return 0;
}

// Instrumented code may only run inside the fuzzing loop, once SharpFuzz has mapped AFL's coverage memory.
LifelineReader? reader = null;
FuzzHandler? handler = null;
LifecycleCore? core = null;
byte[]? seal = null;
uint peers = 0;
SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
{
    reader ??= new LifelineReader(LifelineMessages.Catalog);
    handler ??= new FuzzHandler();
    seal ??= SocketSeals.For(new object());
    core ??= new LifecycleCore(isRouted: true, LifelineMessages.Catalog, seal, LifelineFrame.DefaultMaxFrameSize);
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    var input = buffer.ToArray();
    var result = reader.Read(input);
    if (result.Kind == ReadKind.ApplicationData && LifelineFrame.HasMagic(input))
    {
        throw new InvalidOperationException("a frame with the magic was passed on as application data");
    }

    // The path a LifelineSocketHost takes once it has received the routing id on its own: the input as the first message
    // of a new peer (where a hello counts; a sealed-disconnect shape gets the socket's seal), then as a later message.
    var peer = PeerId.FromRoutingId(++peers);
    var first = (byte[])input.Clone();
    if (first.Length >= LifelineFrame.SealedHeaderLength && first[4] == LifelineFrame.SealedFormatVersion)
    {
        seal.CopyTo(first, LifelineFrame.HeaderLength);
    }

    foreach (var frame in new[] { first, input })
    {
        var message = new NetMQMessage();
        message.Append(frame);
        HandlerCalls.Invoke(handler, core.Classify(peer, message), message).GetAwaiter().GetResult();
    }
});
return 0;
