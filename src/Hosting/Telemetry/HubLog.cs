using System;
using Microsoft.Extensions.Logging;

namespace Lifeline.Hosting;

/// <summary>What hosted sockets log, with the stable ids of <see cref="LifelineLogEvents"/>.</summary>
internal static partial class HubLog
{
    [LoggerMessage(EventId = LifelineLogEvents.Started, EventName = nameof(LifelineLogEvents.Started), Level = LogLevel.Information,
        Message = "Lifeline {Hub}: {SocketType} started on {Endpoints}")]
    public static partial void Started(ILogger logger, string hub, string socketType, string endpoints);

    [LoggerMessage(EventId = LifelineLogEvents.Stopping, EventName = nameof(LifelineLogEvents.Stopping), Level = LogLevel.Information,
        Message = "Lifeline {Hub}: stopping; no new message is taken")]
    public static partial void Stopping(ILogger logger, string hub);

    [LoggerMessage(EventId = LifelineLogEvents.Stopped, EventName = nameof(LifelineLogEvents.Stopped), Level = LogLevel.Information,
        Message = "Lifeline {Hub}: stopped")]
    public static partial void Stopped(ILogger logger, string hub);

    [LoggerMessage(EventId = LifelineLogEvents.ShutdownTimedOut, EventName = nameof(LifelineLogEvents.ShutdownTimedOut), Level = LogLevel.Warning,
        Message = "Lifeline {Hub}: a handler was still running when the shutdown timeout ran out; the socket closes without it")]
    public static partial void ShutdownTimedOut(ILogger logger, string hub);

    [LoggerMessage(EventId = LifelineLogEvents.StartFailed, EventName = nameof(LifelineLogEvents.StartFailed), Level = LogLevel.Error,
        Message = "Lifeline {Hub}: could not start on {Endpoints}")]
    public static partial void StartFailed(ILogger logger, Exception exception, string hub, string endpoints);

    [LoggerMessage(EventId = LifelineLogEvents.ThreadStuck, EventName = nameof(LifelineLogEvents.ThreadStuck), Level = LogLevel.Error,
        Message = "Lifeline {Hub}: the socket's thread did not end (a handler blocks it); the socket is left open rather than closed under it")]
    public static partial void ThreadStuck(ILogger logger, string hub);

    [LoggerMessage(EventId = LifelineLogEvents.PeerConnected, EventName = nameof(LifelineLogEvents.PeerConnected), Level = LogLevel.Information,
        Message = "Lifeline {Hub}: peer {Peer} connected with {HelloType}")]
    public static partial void PeerConnected(ILogger logger, string hub, PeerId peer, string helloType);

    [LoggerMessage(EventId = LifelineLogEvents.PeerDisconnected, EventName = nameof(LifelineLogEvents.PeerDisconnected), Level = LogLevel.Information,
        Message = "Lifeline {Hub}: peer {Peer} ({HelloType}) disconnected ({DisconnectType})")]
    public static partial void PeerDisconnected(ILogger logger, string hub, PeerId peer, string helloType, string disconnectType);

    [LoggerMessage(EventId = LifelineLogEvents.UnknownPeerDisconnected, EventName = nameof(LifelineLogEvents.UnknownPeerDisconnected), Level = LogLevel.Debug,
        Message = "Lifeline {Hub}: peer {Peer}, which never said hello, disconnected")]
    public static partial void UnknownPeerDisconnected(ILogger logger, string hub, PeerId peer);

    [LoggerMessage(EventId = LifelineLogEvents.MalformedFrame, EventName = nameof(LifelineLogEvents.MalformedFrame), Level = LogLevel.Warning,
        Message = "Lifeline {Hub}: skipped a hello from {Peer} that could not be read: {Reason}, {Length} bytes starting {Prefix}: {Detail}")]
    public static partial void MalformedFrame(ILogger logger, string hub, PeerId peer, MalformedReason reason, int length, string prefix, string detail);

    [LoggerMessage(EventId = LifelineLogEvents.HandlerFaulted, EventName = nameof(LifelineLogEvents.HandlerFaulted), Level = LogLevel.Error,
        Message = "Lifeline {Hub}: {Handler} for peer {Peer} threw; serving goes on")]
    public static partial void HandlerFaulted(ILogger logger, Exception exception, string hub, string handler, PeerId peer);

    [LoggerMessage(EventId = LifelineLogEvents.ServerConnected, EventName = nameof(LifelineLogEvents.ServerConnected), Level = LogLevel.Information,
        Message = "Lifeline {Hub}: connected; the server said {HelloType}")]
    public static partial void ServerConnected(ILogger logger, string hub, string helloType);

    [LoggerMessage(EventId = LifelineLogEvents.ServerReconnected, EventName = nameof(LifelineLogEvents.ServerReconnected), Level = LogLevel.Information,
        Message = "Lifeline {Hub}: reconnected; the server said {HelloType}")]
    public static partial void ServerReconnected(ILogger logger, string hub, string helloType);

    [LoggerMessage(EventId = LifelineLogEvents.ServerDisconnected, EventName = nameof(LifelineLogEvents.ServerDisconnected), Level = LogLevel.Warning,
        Message = "Lifeline {Hub}: the connection to the server dropped; reconnecting")]
    public static partial void ServerDisconnected(ILogger logger, string hub);

    [LoggerMessage(EventId = LifelineLogEvents.BoundHit, EventName = nameof(LifelineLogEvents.BoundHit), Level = LogLevel.Warning,
        Message = "Lifeline {Hub}: a send to {Peer} was refused: {Bound}")]
    public static partial void BoundHit(ILogger logger, string hub, PeerId peer, LifelineSendResult bound);

    [LoggerMessage(EventId = LifelineLogEvents.WarningsSuppressed, EventName = nameof(LifelineLogEvents.WarningsSuppressed), Level = LogLevel.Warning,
        Message = "Lifeline {Hub}: {Count} more warnings in the last second were not logged (see the metrics)")]
    public static partial void WarningsSuppressed(ILogger logger, string hub, long count);

    [LoggerMessage(EventId = LifelineLogEvents.PresenceReport, EventName = nameof(LifelineLogEvents.PresenceReport), Level = LogLevel.Information,
        Message = "Lifeline {Hub}: {Count} peers present ({ByHelloType})")]
    public static partial void PresenceReport(ILogger logger, string hub, int count, string byHelloType);

    [LoggerMessage(EventId = LifelineLogEvents.PollerFaulted, EventName = nameof(LifelineLogEvents.PollerFaulted), Level = LogLevel.Error,
        Message = "Lifeline {Hub}: NetMQ threw out of the poller; serving again with a new poller")]
    public static partial void PollerFaulted(ILogger logger, Exception exception, string hub);
}
