using System;

namespace Lifeline.Generator.Analyzers;

/// <summary>The endpoint syntax NetMQ accepts in Bind and Connect, checked on string literals.</summary>
internal static class EndpointRules
{
    private static readonly string[] Transports = ["tcp", "inproc", "ipc", "pgm", "epgm"];

    /// <summary>Returns why <paramref name="endpoint"/> is invalid, or null; <paramref name="transport"/> is its transport when known.</summary>
    public static string? Validate(string endpoint, bool isBind, bool portOptional, out string? transport)
    {
        transport = null;
        var separator = endpoint.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return "it has no transport prefix such as 'tcp://' or 'inproc://'";
        }

        transport = endpoint.Substring(0, separator);
        if (Array.IndexOf(Transports, transport) < 0)
        {
            var unknown = transport;
            transport = null;
            return $"NetMQ has no '{unknown}' transport (it supports tcp, inproc, ipc, pgm and epgm)";
        }

        var address = endpoint.Substring(separator + 3);
        if (address.Length == 0)
        {
            return "the address after '://' is empty";
        }

        return transport is "tcp" or "pgm" or "epgm" ? ValidateHostPort(address, isBind, portOptional) : null;
    }

    private static string? ValidateHostPort(string address, bool isBind, bool portOptional)
    {
        var colon = address.LastIndexOf(':');
        if (colon < 0 || address.EndsWith("]", StringComparison.Ordinal))
        {
            return portOptional ? null : "the address has no ':port'";
        }

        if (colon == 0)
        {
            return "the address has no host before ':port'";
        }

        var port = address.Substring(colon + 1);
        if (port == "*" || port == "0")
        {
            return isBind ? null : "a connect needs a port number, not a wildcard";
        }

        return int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535
            ? null
            : $"'{port}' is not a port number from 1 to 65535";
    }
}
