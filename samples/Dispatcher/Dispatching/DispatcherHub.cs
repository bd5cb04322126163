using System;
using System.Globalization;
using Lifeline;
using Microsoft.Extensions.Logging;
using NetMQ;

namespace Dispatcher.Dispatching;

/// <summary>The dispatcher's handlers, activated from DI by the host: workers come, report results and go.</summary>
[LifelineHandler]
public sealed partial class DispatcherHub(JobBoard board, JobDispatcher dispatcher, ILogger<DispatcherHub> logger)
{
    private void OnPeerConnected(PeerId peer, WorkerHello hello)
    {
        board.WorkerJoined(peer, hello);
        _ = dispatcher.PumpAsync();
    }

    private void OnPeerDisconnected(PeerId peer, WorkerHello hello, WorkerGone gone)
    {
        if (board.WorkerLeft(peer) is { } job)
        {
            LogRequeued(logger, job.Id, hello.Name, gone.Reason);
        }

        _ = dispatcher.PumpAsync();
    }

    private void OnMessage(PeerId peer, NetMQMessage message)
    {
        if (message.FrameCount == 3 && message[0].ConvertToString() == "done")
        {
            board.Completed(peer, int.Parse(message[1].ConvertToString(), CultureInfo.InvariantCulture), int.Parse(message[2].ConvertToString(), CultureInfo.InvariantCulture));
            _ = dispatcher.PumpAsync();
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "job {JobId} was running on {Worker}, which left ({Reason}): it waits for another worker")]
    private static partial void LogRequeued(ILogger logger, int jobId, string worker, string reason);
}
