namespace Lifeline.Hosting;

/// <summary>
/// CURVE keys, Z85-encoded (40 characters), as NetMQ's <c>NetMQCertificate</c> prints them. A socket with
/// <see cref="SecretKey"/> and no <see cref="ServerPublicKey"/> is a CURVE server; one with
/// <see cref="ServerPublicKey"/> is a CURVE client (with its own key pair, or a new one when none is given).
/// Hellos are authenticated only with CURVE or another mechanism on: otherwise a hello is a claim, not an identity.
/// </summary>
public sealed class LifelineCurveOptions
{
    /// <summary>This socket's secret key. Keep it out of source control.</summary>
    public string? SecretKey { get; set; }

    /// <summary>This socket's public key (derived from <see cref="SecretKey"/> when omitted).</summary>
    public string? PublicKey { get; set; }

    /// <summary>The server's public key, for a socket that connects as a CURVE client.</summary>
    public string? ServerPublicKey { get; set; }

    /// <summary>True when any key is set.</summary>
    public bool IsEnabled => SecretKey is not null || ServerPublicKey is not null;
}
