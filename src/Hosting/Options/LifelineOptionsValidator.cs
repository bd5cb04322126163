using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Lifeline.Hosting;

/// <summary>Checks a hub's options when its socket starts: every bound set, and set to something bounded.</summary>
/// <typeparam name="TOptions">Router or dealer options.</typeparam>
internal sealed class LifelineOptionsValidator<TOptions>(string name) : IValidateOptions<TOptions>
    where TOptions : LifelineSocketOptions
{
    public ValidateOptionsResult Validate(string? optionsName, TOptions options)
    {
        if (optionsName != name)
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = new List<string>();
        var endpoints = options.Bind.Count + options.Connect.Count;
        if (endpoints == 0)
        {
            errors.Add("set at least one endpoint in Bind or Connect");
        }

        if (options is LifelineDealerOptions && endpoints > 1)
        {
            errors.Add("a hosted DEALER serves one server: give it one endpoint (messages do not say which connection they came from)");
        }

        Positive(errors, options.MaxFrameSize, nameof(options.MaxFrameSize));
        Positive(errors, options.SendQueueCapacity, nameof(options.SendQueueCapacity));
        Positive(errors, options.MaxWarningsPerSecond, nameof(options.MaxWarningsPerSecond));
        if (options.MaxMessageSize is <= 0)
        {
            errors.Add("MaxMessageSize must be positive: NetMQ's unlimited size lets one peer make the process allocate 2 GiB");
        }

        if (options.SendHighWatermark < 0 || options.ReceiveHighWatermark < 0 || options.HealthyFaultsPerMinute < 0)
        {
            errors.Add("SendHighWatermark, ReceiveHighWatermark and HealthyFaultsPerMinute must not be negative");
        }

        if (options.Linger < TimeSpan.Zero)
        {
            errors.Add("Linger must be zero or positive: an infinite linger can hold a stopping host for ever");
        }

        if (options.HeartbeatInterval is { } interval && (interval <= TimeSpan.Zero || options.HeartbeatTimeout is { } timeout && timeout < interval))
        {
            errors.Add("HeartbeatInterval must be positive and HeartbeatTimeout at least the interval");
        }

        if (options.PresenceLogInterval is { } every && every <= TimeSpan.Zero)
        {
            errors.Add("PresenceLogInterval must be positive");
        }

        foreach (var (key, value) in new[] { (nameof(LifelineCurveOptions.SecretKey), options.Curve.SecretKey), (nameof(LifelineCurveOptions.PublicKey), options.Curve.PublicKey), (nameof(LifelineCurveOptions.ServerPublicKey), options.Curve.ServerPublicKey) })
        {
            if (value is not null && value.Length != 40)
            {
                errors.Add($"Curve.{key} must be a Z85-encoded key of 40 characters");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, int value, string option)
    {
        if (value <= 0)
        {
            errors.Add($"{option} must be positive");
        }
    }
}
