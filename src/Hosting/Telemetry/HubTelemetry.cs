using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Lifeline.Hosting;

/// <summary>
/// Logs and measures what happens on one hosted socket. The per-message path stays in <see cref="ObservedHandler"/> (a
/// count it owns, and timing only when someone listens to the histogram); everything here happens per event.
/// </summary>
internal sealed class HubTelemetry
{
    private static readonly string[] SendResultNames = Enum.GetNames(typeof(LifelineSendResult)).Select(LifelineMetrics.SnakeCase).ToArray();
    private static readonly Dictionary<MalformedReason, string> ReasonNames =
        Enum.GetNames(typeof(MalformedReason)).ToDictionary(name => (MalformedReason)Enum.Parse(typeof(MalformedReason), name), LifelineMetrics.SnakeCase);

    private readonly LifelineMetrics _metrics;
    private readonly KeyValuePair<string, object?> _hubTag;
    private LogThrottle _throttle = new(10);
    private Func<long>? _queueSize;
    private Func<long>? _messages;

    public HubTelemetry(string hub, ILogger logger, LifelineMetrics metrics)
    {
        Hub = hub;
        Logger = logger;
        _metrics = metrics;
        _hubTag = new KeyValuePair<string, object?>(LifelineTelemetry.HubTag, hub);
        metrics.Register(this);
    }

    public string Hub { get; }

    public ILogger Logger { get; }

    public FaultWindow Faults { get; private set; } = new(10);

    /// <summary>Takes the bounds of the options the socket starts with.</summary>
    public void Apply(LifelineSocketOptions options)
    {
        _throttle = new LogThrottle(options.MaxWarningsPerSecond);
        Faults = new FaultWindow(options.HealthyFaultsPerMinute);
    }

    /// <summary>Application messages dispatched so far, counted by the socket's handler wrapper.</summary>
    public long MessagesReceived => _messages?.Invoke() ?? 0;

    public System.Diagnostics.Metrics.Histogram<double> DispatchDuration => _metrics.DispatchDuration;

    public long SendQueueSize => _queueSize?.Invoke() ?? 0;

    /// <summary>Whether handler calls are timed: only while something listens to the duration histogram.</summary>
    public bool TimingEnabled => _metrics.DispatchDuration.Enabled;

    public void WatchQueue(Func<long> size) => _queueSize = size;

    /// <summary>Counts on from <paramref name="count"/> (a new handler wrapper at each start) plus what earlier ones counted.</summary>
    public void WatchMessages(Func<long> count)
    {
        var before = MessagesReceived;
        _messages = () => before + count();
    }

    public void RecordDuration(string handler, long startTimestamp)
    {
        var seconds = (Stopwatch.GetTimestamp() - startTimestamp) / (double)Stopwatch.Frequency;
        _metrics.DispatchDuration.Record(seconds, _hubTag, new KeyValuePair<string, object?>(LifelineTelemetry.HandlerTag, handler));
    }

    public void PresenceChanged(LifelinePresenceChangedEventArgs change) =>
        _metrics.PeersConnected.Add(change.IsPresent ? 1 : -1, _hubTag, HelloTag(change.Hello));

    public void PeerConnected(PeerId peer, object hello)
    {
        _metrics.Hellos.Add(1, _hubTag, HelloTag(hello));
        HubLog.PeerConnected(Logger, Hub, peer, hello.GetType().Name);
    }

    public void PeerDisconnected(PeerId peer, object hello, object? gone)
    {
        _metrics.Disconnects.Add(1, _hubTag, HelloTag(hello));
        HubLog.PeerDisconnected(Logger, Hub, peer, hello.GetType().Name, gone?.GetType().Name ?? "no record");
    }

    public void UnknownPeerDisconnected(PeerId peer)
    {
        _metrics.UnknownPeerDisconnects.Add(1, _hubTag);
        HubLog.UnknownPeerDisconnected(Logger, Hub, peer);
    }

    public void ServerConnected(object hello, bool isReconnect)
    {
        _metrics.Hellos.Add(1, _hubTag, HelloTag(hello));
        if (isReconnect)
        {
            _metrics.Reconnects.Add(1, _hubTag);
            HubLog.ServerReconnected(Logger, Hub, hello.GetType().Name);
        }
        else
        {
            HubLog.ServerConnected(Logger, Hub, hello.GetType().Name);
        }
    }

    public void ServerDisconnected() => HubLog.ServerDisconnected(Logger, Hub);

    public void Malformed(PeerId peer, MalformedFrame error)
    {
        _metrics.MalformedFrames.Add(1, _hubTag, new KeyValuePair<string, object?>(LifelineTelemetry.MalformedReasonTag, ReasonNames[error.Reason]));
        if (Logger.IsEnabled(LogLevel.Warning) && Allowed())
        {
            // A peer's bytes are logged as a short prefix only, and the detail (which may quote them) is cut short.
            var frame = error.Frame.Span;
            var prefix = ToHex(frame.Slice(0, Math.Min(16, frame.Length)));
            var detail = error.Detail.Length > 200 ? error.Detail.Substring(0, 200) + "…" : error.Detail;
            HubLog.MalformedFrame(Logger, Hub, peer, error.Reason, error.Length, prefix, detail);
        }
    }

    public void HandlerFaulted(LifelineHandlerFaultedEventArgs fault) => HandlerFaulted(fault.Peer, fault.Handler, fault.Exception);

    public void HandlerFaulted(PeerId peer, string handler, Exception exception)
    {
        Faults.Add();
        _metrics.HandlerFaults.Add(1, _hubTag, new KeyValuePair<string, object?>(LifelineTelemetry.HandlerTag, handler));
        HubLog.HandlerFaulted(Logger, exception, Hub, handler, peer);
    }

    public void PollerFaulted(Exception exception)
    {
        Faults.Add();
        _metrics.HandlerFaults.Add(1, _hubTag, new KeyValuePair<string, object?>(LifelineTelemetry.HandlerTag, "NetMQ poll"));
        HubLog.PollerFaulted(Logger, exception, Hub);
    }

    public void Sent(PeerId peer, LifelineSendResult result)
    {
        _metrics.Sends.Add(1, _hubTag, new KeyValuePair<string, object?>(LifelineTelemetry.SendResultTag, SendResultNames[(int)result]));
        if (result is LifelineSendResult.QueueFull or LifelineSendResult.PeerBusy && Logger.IsEnabled(LogLevel.Warning) && Allowed())
        {
            HubLog.BoundHit(Logger, Hub, peer, result);
        }
    }

    public void ReportPresence(LifelinePresence presence)
    {
        if (!Logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var byType = presence.Peers.Values
            .GroupBy(hello => hello.GetType().Name, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => $"{group.Key}: {group.Count()}");
        HubLog.PresenceReport(Logger, Hub, presence.Count, string.Join(", ", byType));
    }

    private static KeyValuePair<string, object?> HelloTag(object hello) => new(LifelineTelemetry.HelloTypeTag, hello.GetType().Name);

    private static string ToHex(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = "0123456789ABCDEF"[bytes[i] >> 4];
            chars[(2 * i) + 1] = "0123456789ABCDEF"[bytes[i] & 0xF];
        }

        return new string(chars);
    }

    private bool Allowed()
    {
        var allowed = _throttle.TryTake(out var suppressed);
        if (suppressed > 0)
        {
            HubLog.WarningsSuppressed(Logger, Hub, suppressed);
        }

        return allowed;
    }
}
