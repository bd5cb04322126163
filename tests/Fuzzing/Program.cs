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
LifelineSession? session = null;
byte[] routingId = [0, 0x80, 0, 0, 1];
SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
{
    reader ??= new LifelineReader(LifelineMessages.Catalog);
    handler ??= new FuzzHandler();
    session ??= new LifelineSession(isRouted: true);
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    var input = buffer.ToArray();
    var result = reader.Read(input);
    if (result.Kind == ReadKind.ApplicationData && LifelineFrame.HasMagic(input))
    {
        throw new InvalidOperationException("a frame with the magic was passed on as application data");
    }

    // The same path a LifelineSocket takes, behind a fixed routing id, completing synchronously.
    var message = new NetMQMessage();
    message.Append(routingId);
    message.Append(input);
    LifelineDispatcher.DispatchAsync(handler, session, message).GetAwaiter().GetResult();
});
return 0;
