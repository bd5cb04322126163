using System;
using System.Collections.Generic;
using System.Globalization;

namespace Lifeline.Generator.Analyzers;

/// <summary>The endpoint syntax NetMQ 4.0.4.5 accepts in Bind, Connect, BindRandomPort and connection strings, checked on constants.</summary>
internal static class EndpointRules
{
    private static readonly string[] Transports = ["tcp", "inproc", "ipc", "pgm", "epgm", "udp"];

    /// <summary>
    /// Returns why <paramref name="endpoint"/> is invalid for <paramref name="method"/>, or null;
    /// <paramref name="transport"/> is its transport when known.
    /// </summary>
    public static string? Validate(string endpoint, AttachMethod method, out string? transport)
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
            return $"NetMQ has no '{unknown}' transport (it supports tcp, inproc, ipc, pgm, epgm and udp; names are lower case)";
        }

        var address = endpoint.Substring(separator + 3);
        if (address.Length == 0)
        {
            return "the address after '://' is empty";
        }

        if (method == AttachMethod.BindRandomPort)
        {
            return transport != "tcp"
                ? $"BindRandomPort binds tcp only; NetMQ throws ProtocolNotSupportedException for '{transport}://'"
                : HasPort(address) ? "BindRandomPort appends its own ':0', so an address that already has a port makes NetMQ fail to resolve it; pass 'tcp://host' alone" : null;
        }

        return transport is "tcp" or "pgm" or "epgm" or "udp" ? ValidateHostPort(address, method is AttachMethod.Bind) : null;
    }

    /// <summary>Why <paramref name="transport"/> cannot be used on <paramref name="socket"/> (NetMQ throws ProtocolNotSupportedException), or null.</summary>
    public static string? RejectedTransport(string transport, SocketCapability socket) => transport switch
    {
        "pgm" or "epgm" when !socket.Multicast => $"multicast works only on {SocketCapabilities.MulticastTypes}, none of which carries lifecycle messages",
        "udp" when !socket.Udp => $"NetMQ accepts udp on none of the thread-safe, STREAM or PEER sockets",
        _ => null,
    };

    /// <summary>
    /// The endpoints a socket's connection-string constructor attaches to, as NetMQ splits them: comma-separated,
    /// trimmed, '@' to bind and '>' to connect, the socket type's default otherwise.
    /// </summary>
    public static List<(string Endpoint, AttachMethod Method)> SplitConnectionString(string connectionString, ConnectionStringDefault defaultAction)
    {
        var endpoints = new List<(string, AttachMethod)>();
        foreach (var part in connectionString.Split([','], StringSplitOptions.RemoveEmptyEntries))
        {
            var endpoint = part.Trim();
            if (endpoint.Length == 0)
            {
                continue;
            }

            endpoints.Add(endpoint[0] switch
            {
                '@' => (endpoint.Substring(1), AttachMethod.Bind),
                '>' => (endpoint.Substring(1), AttachMethod.Connect),
                _ => (endpoint, defaultAction == ConnectionStringDefault.Bind ? AttachMethod.Bind : AttachMethod.Connect),
            });
        }

        return endpoints;
    }

    /// <summary>
    /// Whether a connect over <paramref name="transport"/> (null: not known) reconnects, re-reading the hello each time:
    /// tcp and ipc do; inproc, udp and multicast connections are never re-made.
    /// </summary>
    public static bool Reconnects(string? transport) => transport is null or "tcp" or "ipc";

    /// <summary>The transport of an endpoint, or null when it has none.</summary>
    public static string? TransportOf(string endpoint)
    {
        var separator = endpoint.IndexOf("://", StringComparison.Ordinal);
        return separator > 0 ? endpoint.Substring(0, separator) : null;
    }

    private static bool HasPort(string address)
    {
        if (address.StartsWith("[", StringComparison.Ordinal))
        {
            return !address.EndsWith("]", StringComparison.Ordinal);
        }

        // One colon is host:port; more than one is a bare IPv6 address, which NetMQ resolves with ':0' appended.
        var first = address.IndexOf(':');
        return first >= 0 && first == address.LastIndexOf(':');
    }

    private static string? ValidateHostPort(string address, bool isBind)
    {
        var colon = address.LastIndexOf(':');
        if (colon < 0 || address.EndsWith("]", StringComparison.Ordinal))
        {
            return "the address has no ':port'";
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

        // NetMQ parses the port with Convert.ToInt32: surrounding white space and a sign are accepted.
        return int.TryParse(port, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535
            ? null
            : $"'{port}' is not a port number from 1 to 65535";
    }
}
