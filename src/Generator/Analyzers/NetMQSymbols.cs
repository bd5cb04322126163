using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Lifeline.Generator.Analyzers;

/// <summary>What a call does to a socket's connections.</summary>
internal enum AttachMethod
{
    Connect,
    ConnectPeer,
    Bind,
    BindRandomPort,
}

/// <summary>The lifecycle option an assignment or typed call sets.</summary>
internal enum LifecycleOption
{
    Hello,
    Disconnect,
}

/// <summary>
/// NetMQ's and Lifeline's symbols, resolved once per compilation, so that the analysis compares symbols and not
/// names: a user type or method that happens to be called <c>Connect</c> or <c>HelloMessage</c> is not NetMQ's.
/// </summary>
internal sealed class NetMQSymbols
{
    private readonly Dictionary<INamedTypeSymbol, SocketCapability> _sockets = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _socketBases = new(SymbolEqualityComparer.Default);
    private readonly HashSet<IPropertySymbol> _optionsProperties = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _optionsTypes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IPropertySymbol, LifecycleOption> _options = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, AttachMethod> _attach = new(SymbolEqualityComparer.Default);
    private readonly HashSet<IMethodSymbol> _close = new(SymbolEqualityComparer.Default);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, bool> _isSocket = new(SymbolEqualityComparer.Default);

    private NetMQSymbols(Compilation compilation)
    {
        foreach (var capability in SocketCapabilities.All)
        {
            if (compilation.GetTypeByMetadataName("NetMQ.Sockets." + capability.ClassName) is { } type)
            {
                _sockets[type] = capability;
            }
        }

        foreach (var (baseName, optionsName) in new[] { ("NetMQ.NetMQSocket", "NetMQ.SocketOptions"), ("NetMQ.ThreadSafeSocket", "NetMQ.ThreadSafeSocketOptions"), ("NetMQ.INetMQSocket", "NetMQ.SocketOptions") })
        {
            if (compilation.GetTypeByMetadataName(baseName) is not { } socketBase)
            {
                continue;
            }

            _socketBases.Add(socketBase);
            foreach (var member in socketBase.GetMembers())
            {
                switch (member)
                {
                    case IPropertySymbol { Name: "Options" } options:
                        _optionsProperties.Add(options);
                        break;
                    case IMethodSymbol { Name: "Connect", Parameters.Length: 1 } method:
                        _attach[method] = AttachMethod.Connect;
                        break;
                    case IMethodSymbol { Name: "Bind", Parameters.Length: 1 } method:
                        _attach[method] = AttachMethod.Bind;
                        break;
                    case IMethodSymbol { Name: "BindRandomPort", Parameters.Length: 1 } method:
                        _attach[method] = AttachMethod.BindRandomPort;
                        break;
                    case IMethodSymbol { Name: "Close" or "Dispose", Parameters.Length: 0 } method:
                        _close.Add(method);
                        break;
                }
            }

            if (compilation.GetTypeByMetadataName(optionsName) is { } optionsType && _optionsTypes.Add(optionsType))
            {
                foreach (var property in optionsType.GetMembers().OfType<IPropertySymbol>())
                {
                    if (property.Name == "HelloMessage")
                    {
                        _options[property] = LifecycleOption.Hello;
                    }
                    else if (property.Name == "DisconnectMessage")
                    {
                        _options[property] = LifecycleOption.Disconnect;
                    }
                }
            }
        }

        if (compilation.GetTypeByMetadataName("NetMQ.Sockets.PeerSocket") is { } peer)
        {
            foreach (var method in peer.GetMembers("ConnectPeer").OfType<IMethodSymbol>())
            {
                _attach[method] = AttachMethod.ConnectPeer;
            }
        }

        LifelineExtensions = compilation.GetTypeByMetadataName("Lifeline.LifelineSocketExtensions");
        _host = compilation.GetTypeByMetadataName("Lifeline.LifelineSocketHost");
        HostingRouterOptions = compilation.GetTypeByMetadataName("Lifeline.Hosting.LifelineRouterOptions");
        HostingSocketOptions = compilation.GetTypeByMetadataName("Lifeline.Hosting.LifelineSocketOptions");
        _hostingDealerOptions = compilation.GetTypeByMetadataName("Lifeline.Hosting.LifelineDealerOptions");
        _netMQ = compilation.GetTypeByMetadataName("NetMQ.NetMQSocket")?.ContainingAssembly;
        _lifeline = LifelineExtensions?.ContainingAssembly;
    }

    private readonly INamedTypeSymbol? _host;
    private readonly INamedTypeSymbol? _hostingDealerOptions;

    /// <summary>Lifeline.Hosting's options of a hosted ROUTER, when the compilation references it.</summary>
    public INamedTypeSymbol? HostingRouterOptions { get; }

    /// <summary>Lifeline.Hosting's options base class, which declares Bind, Connect and ConfigureSocket.</summary>
    public INamedTypeSymbol? HostingSocketOptions { get; }

    /// <summary>The socket class Lifeline.Hosting creates for options of <paramref name="optionsType"/>: ROUTER or DEALER.</summary>
    public SocketCapability? HostedSocketOf(ITypeSymbol? optionsType) =>
        optionsType is null ? null
        : SymbolEqualityComparer.Default.Equals(optionsType, HostingRouterOptions) ? SocketCapabilities.Find("RouterSocket")
        : SymbolEqualityComparer.Default.Equals(optionsType, _hostingDealerOptions) ? SocketCapabilities.Find("DealerSocket")
        : null;
    private readonly IAssemblySymbol? _netMQ;
    private readonly IAssemblySymbol? _lifeline;

    /// <summary>A constructor of <c>LifelineSocketHost</c>, whose first parameter is the socket and second the handler.</summary>
    public bool IsHost(IMethodSymbol? constructor) =>
        constructor is not null && _host is not null && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, _host) && constructor.Parameters.Length >= 2;

    /// <summary>
    /// A member of NetMQ or of Lifeline's runtime: neither sets a lifecycle option on a socket it is given, except through
    /// the setters the analysis follows (a poller's Add, a monitor, a send, Lifeline's readers).
    /// </summary>
    public bool IsLibrary(IMethodSymbol? method) =>
        method?.ContainingAssembly is { } assembly
        && (SymbolEqualityComparer.Default.Equals(assembly, _netMQ) || SymbolEqualityComparer.Default.Equals(assembly, _lifeline));

    /// <summary>Lifeline's typed option setters, when the compilation references the runtime.</summary>
    public INamedTypeSymbol? LifelineExtensions { get; }

    /// <summary>Null when the compilation does not reference NetMQ: then there is nothing to check.</summary>
    public static NetMQSymbols? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName("NetMQ.NetMQSocket") is null ? null : new NetMQSymbols(compilation);

    /// <summary>
    /// The NetMQ socket class <paramref name="type"/> is or derives from (for a type parameter, the one its constraints
    /// name), or null (a base type, an interface, not a socket).
    /// </summary>
    public SocketCapability? CapabilityOf(ITypeSymbol? type)
    {
        // A type parameter constrained to a socket class (T : PushSocket) is that class or one derived from it.
        if (type is ITypeParameterSymbol parameter)
        {
            return parameter.ConstraintTypes.Select(CapabilityOf).FirstOrDefault(c => c is not null);
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (_sockets.TryGetValue(current.OriginalDefinition, out var capability))
            {
                return capability;
            }
        }

        return null;
    }

    /// <summary>The capability of a NetMQ socket class itself (not a class derived from one), or null.</summary>
    public SocketCapability? ExactCapabilityOf(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && _sockets.TryGetValue(named.OriginalDefinition, out var capability) ? capability : null;

    /// <summary>Whether values of <paramref name="type"/> are NetMQ sockets (a socket class, a base class or INetMQSocket).</summary>
    public bool IsSocket(ITypeSymbol? type) => type is not null && _isSocket.GetOrAdd(type, ComputeIsSocket);

    private bool ComputeIsSocket(ITypeSymbol type)
    {
        if (type is ITypeParameterSymbol parameter)
        {
            return parameter.ConstraintTypes.Any(IsSocket);
        }

        if (_socketBases.Contains(type.OriginalDefinition) || type.AllInterfaces.Any(i => _socketBases.Contains(i.OriginalDefinition)))
        {
            return true;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (_socketBases.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsOptionsProperty(IPropertySymbol property) => _optionsProperties.Contains(property.OriginalDefinition);

    public bool IsOptionsType(ITypeSymbol? type) => type is not null && _optionsTypes.Contains(type.OriginalDefinition);

    public LifecycleOption? OptionOf(IPropertySymbol property) =>
        _options.TryGetValue(property.OriginalDefinition, out var option) ? option : null;

    public AttachMethod? AttachOf(IMethodSymbol method) =>
        _attach.TryGetValue(method.OriginalDefinition, out var attach) ? attach : null;

    public bool IsClose(IMethodSymbol method) => _close.Contains(method.OriginalDefinition);

    /// <summary>Lifeline's SetHelloMessage/SetDisconnectMessage, or null for any other method.</summary>
    public LifecycleOption? TypedSetterOf(IMethodSymbol method)
    {
        if (LifelineExtensions is null || !SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, LifelineExtensions))
        {
            return null;
        }

        return method.Name switch
        {
            "SetHelloMessage" => LifecycleOption.Hello,
            "SetDisconnectMessage" => LifecycleOption.Disconnect,
            _ => null,
        };
    }
}
