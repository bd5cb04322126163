using System;
using System.Globalization;
using System.Threading.Tasks;
using Lifeline;
using Lifeline.Hosting;
using Microsoft.Extensions.Hosting;
using NetMQ;

namespace Dispatcher.Working;

/// <summary>
/// A worker's handlers: the dispatcher's hello opens each connection (again after the dispatcher restarts); a job is
/// run and answered through the context; "shutdown" ends the process.
/// </summary>
[LifelineHandler]
public sealed partial class WorkerHub(WorkerSettings settings, ILifelineContext context, IHostApplicationLifetime lifetime)
{
    private void OnConnected(DispatcherHello hello) =>
        Console.WriteLine($"[{settings.Name}] connected to {hello.Dispatcher} generation {hello.Generation}");

    private void OnReconnected(DispatcherHello hello) =>
        Console.WriteLine($"[{settings.Name}] reconnected to {hello.Dispatcher} generation {hello.Generation}");

    private void OnDisconnected() => Console.WriteLine($"[{settings.Name}] lost the dispatcher; NetMQ reconnects");

    // One job at a time: the handler holds the socket until its reply is sent.
    private async ValueTask OnMessage(PeerId peer, NetMQMessage message)
    {
        switch (message.First.ConvertToString())
        {
            case "job" when message.FrameCount == 3:
                var id = message[1].ConvertToString();
                var input = int.Parse(message[2].ConvertToString(), CultureInfo.InvariantCulture);
                Console.WriteLine($"[{settings.Name}] running job {id}");
                await Task.Delay(settings.JobTime);
                var reply = new NetMQMessage(3);
                reply.Append("done");
                reply.Append(id);
                reply.Append((input * input).ToString(CultureInfo.InvariantCulture));
                await context.ReplyAsync(reply);
                break;
            case "shutdown":
                lifetime.StopApplication();
                break;
        }
    }
}
