using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace Lifeline.Hosting;

/// <summary>
/// The <c>Lifeline</c> meter and its instruments, one set per service provider (from its <see cref="IMeterFactory"/>
/// when it has one, so that tests and hosts in one process do not see each other's measurements).
/// </summary>
internal sealed class LifelineMetrics : IDisposable
{
    private readonly List<HubTelemetry> _hubs = [];

    public LifelineMetrics(IMeterFactory? factory)
    {
        var version = typeof(LifelineMetrics).Assembly.GetName().Version?.ToString();
        Meter = factory?.Create(new MeterOptions(LifelineTelemetry.MeterName) { Version = version }) ?? new Meter(LifelineTelemetry.MeterName, version);
        OwnsMeter = factory is null;
        PeersConnected = Meter.CreateUpDownCounter<long>(LifelineTelemetry.PeersConnected, "{peer}", "Peers present now: said hello and not yet left.");
        Hellos = Meter.CreateCounter<long>(LifelineTelemetry.Hellos, "{hello}", "Hellos taken as connections.");
        Disconnects = Meter.CreateCounter<long>(LifelineTelemetry.Disconnects, "{disconnect}", "Departures of peers that had said hello.");
        UnknownPeerDisconnects = Meter.CreateCounter<long>(LifelineTelemetry.UnknownPeerDisconnects, "{disconnect}", "Departures of peers that never said hello.");
        MalformedFrames = Meter.CreateCounter<long>(LifelineTelemetry.MalformedFrames, "{frame}", "Hellos that could not be read, by reason.");
        HandlerFaults = Meter.CreateCounter<long>(LifelineTelemetry.HandlerFaults, "{fault}", "Handler exceptions and contained NetMQ faults.");
        Sends = Meter.CreateCounter<long>(LifelineTelemetry.Sends, "{message}", "Sends through the sender or a context, by result.");
        DispatchDuration = Meter.CreateHistogram<double>(LifelineTelemetry.DispatchDuration, "s", "How long handler calls took.");
        Reconnects = Meter.CreateCounter<long>(LifelineTelemetry.Reconnects, "{connection}", "A DEALER's connections to its server after the first.");
        Meter.CreateObservableCounter(LifelineTelemetry.MessagesReceived, () => Observe(static hub => hub.MessagesReceived), "{message}", "Application messages received and dispatched.");
        Meter.CreateObservableUpDownCounter(LifelineTelemetry.SendQueueSize, () => Observe(static hub => hub.SendQueueSize), "{message}", "Sends waiting for the socket's thread.");
    }

    public Meter Meter { get; }

    public UpDownCounter<long> PeersConnected { get; }

    public Counter<long> Hellos { get; }

    public Counter<long> Disconnects { get; }

    public Counter<long> UnknownPeerDisconnects { get; }

    public Counter<long> MalformedFrames { get; }

    public Counter<long> HandlerFaults { get; }

    public Counter<long> Sends { get; }

    public Histogram<double> DispatchDuration { get; }

    public Counter<long> Reconnects { get; }

    private bool OwnsMeter { get; }

    public void Register(HubTelemetry hub)
    {
        lock (_hubs)
        {
            _hubs.Add(hub);
        }
    }

    public void Dispose()
    {
        // A factory's meters are disposed with the factory.
        if (OwnsMeter)
        {
            Meter.Dispose();
        }
    }

    private List<Measurement<long>> Observe(Func<HubTelemetry, long> read)
    {
        lock (_hubs)
        {
            var measurements = new List<Measurement<long>>(_hubs.Count);
            foreach (var hub in _hubs)
            {
                measurements.Add(new Measurement<long>(read(hub), new KeyValuePair<string, object?>(LifelineTelemetry.HubTag, hub.Hub)));
            }

            return measurements;
        }
    }

    /// <summary>Snake case for enum tag values, as OpenTelemetry attribute values usually are.</summary>
    public static string SnakeCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
