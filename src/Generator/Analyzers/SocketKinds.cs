using Microsoft.CodeAnalysis;

namespace Lifeline.Generator.Analyzers;

/// <summary>What NetMQ 4.0.4.5 does with each lifecycle option, per socket class (docs: conformance notes in the README).</summary>
internal static class SocketKinds
{
    public static bool SendsHello(string socketType) =>
        socketType is "DealerSocket" or "RouterSocket" or "ClientSocket" or "ServerSocket" or "PeerSocket";

    public static bool GeneratesDisconnect(string socketType) =>
        socketType is "RouterSocket" or "ServerSocket" or "PeerSocket";

    /// <summary>REP inherits ROUTER's flag, so NetMQ accepts the option and then never delivers anything.</summary>
    public static bool AcceptsDisconnectSilently(string socketType) => socketType == "ResponseSocket";

    /// <summary>The concrete NetMQ socket class of an expression's static type, or null when it is not known statically.</summary>
    public static string? ConcreteSocket(ITypeSymbol? type) =>
        type is INamedTypeSymbol { ContainingNamespace: { } ns } named && ns.ToDisplayString() == "NetMQ.Sockets"
            ? named.Name
            : null;

    public static bool IsSocketBase(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var name = current.ToDisplayString();
            if (name is "NetMQ.NetMQSocket" or "NetMQ.ThreadSafeSocket")
            {
                return true;
            }
        }

        return false;
    }
}
