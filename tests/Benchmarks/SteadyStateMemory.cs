using System;
using System.Collections.Generic;
using System.Diagnostics;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline.Benchmarks;

/// <summary>
/// Presence and dispatch in steady state: 100,000 connect/disconnect cycles, memory measured after a full
/// collection every 10,000. Two runs: straight through the generated dispatch, and over real inproc sockets.
/// </summary>
public static class SteadyStateMemory
{
    public static void Run(int cycles)
    {
        Console.WriteLine($"## Dispatch and presence only: {cycles:N0} cycles");
        Dispatch(cycles);
        Console.WriteLine();
        Console.WriteLine($"## Real inproc ROUTER and DEALERs: {cycles:N0} cycles");
        Sockets(cycles);
    }

    private static void Dispatch(int cycles)
    {
        var handler = new CountingHandler();
        var seal = SocketSeals.For(new object());
        var core = new LifecycleCore(isRouted: true, ((ILifelineHandler)handler).Catalog, seal, LifelineFrame.DefaultMaxFrameSize);
        var session = core.Session;
        var hello = Single(LifelineFrame.Encode(Samples.Hello()));
        var gone = Single(LifelineFrame.EncodeSealed(new WorkerGone("lost"), seal));
        var id = new byte[5];
        Header();
        Report(0, 0);
        for (var i = 1; i <= cycles; i++)
        {
            BitConverter.TryWriteBytes(id.AsSpan(1), i);
            var peer = PeerId.FromBytes(id);
            HandlerCalls.Invoke(handler, core.Classify(peer, hello), hello);
            HandlerCalls.Invoke(handler, core.Classify(peer, gone), gone);
            if (i % (cycles / 10) == 0)
            {
                Report(i, session.Peers.Count);
            }
        }

        Check(handler.Connected == cycles && handler.Disconnected == cycles && session.Peers.Count == 0, "every event once, nobody left");
    }

    private static NetMQMessage Single(byte[] frame)
    {
        var message = new NetMQMessage();
        message.Append(frame);
        return message;
    }

    private static void Sockets(int cycles)
    {
        const int batch = 100;
        using var router = new RouterSocket();
        router.SetDisconnectMessage(new WorkerGone("lost"));
        router.Bind("inproc://steady-state");
        var handler = new CountingHandler();
        using var host = new LifelineSocketHost(router, handler);
        var hello = Samples.Hello();
        var clock = Stopwatch.StartNew();
        Header();
        Report(0, 0);
        for (var done = 0; done < cycles; done += batch)
        {
            var dealers = new List<DealerSocket>(batch);
            for (var i = 0; i < batch; i++)
            {
                var dealer = new DealerSocket();
                dealer.SetHelloMessage(hello);
                dealer.Connect("inproc://steady-state");
                dealers.Add(dealer);
            }

            Pump(host, () => handler.Connected < done + batch);
            dealers.ForEach(d => d.Dispose());
            Pump(host, () => handler.Disconnected < done + batch);
            if ((done + batch) % (cycles / 10) == 0)
            {
                Report(done + batch, host.Session.Peers.Count);
            }
        }

        Console.WriteLine($"{cycles:N0} cycles in {clock.Elapsed.TotalSeconds:F1} s");
        Check(handler.Connected == cycles && handler.Disconnected == cycles && host.Session.Peers.Count == 0, "every event once, nobody left");
    }

    private static void Pump(LifelineSocketHost host, Func<bool> pending)
    {
        var clock = Stopwatch.StartNew();
        while (pending())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("events did not arrive");
            }

            host.TryProcess(TimeSpan.FromSeconds(1));
        }
    }

    private static void Header()
    {
        Console.WriteLine("|    cycles | present | managed heap after full GC (KiB) |");
        Console.WriteLine("|----------:|--------:|-------------:|");
    }

    private static void Report(int cycles, int present)
    {
        var bytes = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"| {cycles,9:N0} | {present,7} | {bytes / 1024.0,12:N1} |");
    }

    private static void Check(bool ok, string what)
    {
        Console.WriteLine(ok ? $"check: {what}: yes" : $"CHECK FAILED: {what}");
        if (!ok)
        {
            Environment.ExitCode = 1;
        }
    }
}
