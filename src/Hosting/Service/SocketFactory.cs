using System;
using System.Collections.Generic;
using NetMQ;
using NetMQ.Sockets;

namespace Lifeline.Hosting;

/// <summary>Makes the socket a hosted hub runs on, with every option applied before it is bound or connected.</summary>
internal static class SocketFactory
{
    public static NetMQSocket Create(LifelineSocketOptions options, IServiceProvider services)
    {
        NetMQSocket socket = options is LifelineRouterOptions ? new RouterSocket() : new DealerSocket();
        try
        {
            Configure(socket, options, services);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Binds and connects; returns the endpoints as bound (a tcp port 0 resolved to the port chosen) and connected.</summary>
    public static IReadOnlyList<string> Attach(NetMQSocket socket, LifelineSocketOptions options)
    {
        var endpoints = new List<string>();
        foreach (var endpoint in options.Bind)
        {
            socket.Bind(endpoint);
            endpoints.Add(socket.Options.LastEndpoint ?? endpoint);
        }

        foreach (var endpoint in options.Connect)
        {
            socket.Connect(endpoint);
            endpoints.Add(endpoint);
        }

        return endpoints;
    }

    /// <summary>The endpoints for logs.</summary>
    public static string Describe(IEnumerable<string> endpoints)
    {
        var text = string.Join(", ", endpoints);
        return text.Length == 0 ? "no endpoint" : text;
    }

    private static void Configure(NetMQSocket socket, LifelineSocketOptions options, IServiceProvider services)
    {
        var socketOptions = socket.Options;
        socketOptions.SendHighWatermark = options.SendHighWatermark;
        socketOptions.ReceiveHighWatermark = options.ReceiveHighWatermark;
        socketOptions.Linger = options.Linger;
        if (options.MaxMessageSize is { } maxMessageSize)
        {
            // Set before the socket host exists, so the host leaves it as the application's.
            socketOptions.MaxMsgSize = maxMessageSize;
        }

        if (options.HeartbeatInterval is { } interval)
        {
            socket.UseHeartbeats(interval, options.HeartbeatTimeout);
        }

        if (options.HelloFrame is { } hello)
        {
            socketOptions.HelloMessage = hello(services);
        }

        if (socket is RouterSocket router)
        {
            // A send to an unknown routing id is then an error the sender reports, instead of a silent drop.
            socketOptions.RouterMandatory = true;
            ((LifelineRouterOptions)options).DisconnectMessage?.Invoke(router, services);
        }

        ConfigureCurve(socket, options.Curve);
        options.ConfigureSocket?.Invoke(socket);
    }

    private static void ConfigureCurve(NetMQSocket socket, LifelineCurveOptions curve)
    {
        if (!curve.IsEnabled)
        {
            return;
        }

        var certificate = curve.SecretKey is { } secret
            ? curve.PublicKey is { } publicKey ? new NetMQCertificate(secret, publicKey) : NetMQCertificate.CreateFromSecretKey(secret)
            : new NetMQCertificate();
        if (curve.ServerPublicKey is { } serverKey)
        {
            socket.Options.CurveServerKey = NetMQCertificate.FromPublicKey(serverKey).PublicKey;
            socket.Options.CurveCertificate = certificate;
        }
        else
        {
            socket.Options.CurveServer = true;
            socket.Options.CurveCertificate = certificate;
        }
    }
}
