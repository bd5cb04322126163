using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lifeline.Hosting;

/// <summary>
/// The health of the socket hosting <typeparamref name="THub"/>: Unhealthy when it is not served (not started, stopped,
/// or its poller thread gone); Degraded when a DEALER is not connected to its server, or when handlers faulted more
/// than <see cref="LifelineSocketOptions.HealthyFaultsPerMinute"/> times in the last minute; Healthy otherwise.
/// Register it with <c>services.AddHealthChecks().AddCheck&lt;LifelineHealthCheck&lt;THub&gt;&gt;("name")</c>.
/// </summary>
/// <typeparam name="THub">The handler class registered with <c>AddLifelineRouter</c> or <c>AddLifelineDealer</c>.</typeparam>
public sealed class LifelineHealthCheck<THub> : IHealthCheck
    where THub : class
{
    private readonly SocketService _service;

    internal LifelineHealthCheck(SocketService<THub> service) => _service = service.Socket;

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check());

    private HealthCheckResult Check()
    {
        var running = _service.Running;
        var telemetry = _service.Telemetry;
        if (running is null || !running.IsServing)
        {
            return HealthCheckResult.Unhealthy($"the {_service.Hub.SocketType} of {_service.Hub.Name} is not being served");
        }

        var faults = telemetry.Faults.InLastMinute();
        var presence = running.Session.GetSnapshot();
        var data = new Dictionary<string, object>
        {
            ["peers"] = presence.Count,
            ["handler_faults_last_minute"] = faults,
            ["handler_faults_total"] = telemetry.Faults.Total,
            ["send_queue"] = _service.Sends.Count,
            ["endpoints"] = string.Join(", ", running.Endpoints),
        };
        if (!running.Session.IsRouted && presence.Count == 0)
        {
            return HealthCheckResult.Degraded($"{_service.Hub.Name} is not connected to its server", data: data);
        }

        if (faults > running.Options.HealthyFaultsPerMinute)
        {
            return HealthCheckResult.Degraded($"{_service.Hub.Name}: more than {running.Options.HealthyFaultsPerMinute} handler faults in the last minute", data: data);
        }

        return HealthCheckResult.Healthy($"{_service.Hub.Name} serving {presence.Count} peers", data);
    }
}
