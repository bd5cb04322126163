using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lifeline.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lifeline.Generator.Analyzers;

/// <summary>
/// Where the compilation hosts each handler class (<c>new LifelineSocketHost(socket, handler)</c>,
/// <c>AddLifelineRouter&lt;THub&gt;</c>, <c>AddLifelineDealer&lt;THub&gt;</c>), gathered over the whole compilation:
/// a handler kind that no host of its class calls (LFL0309), a hosted ROUTER whose options give it no disconnect
/// record its hub takes (LFL0308), and the endpoints given to hosted sockets (LFL0206, LFL0207).
/// </summary>
internal sealed class HandlerHosting
{
    private static readonly ImmutableHashSet<string> Unconfiguring = ImmutableHashSet.Create("BindConfiguration", "Bind", "Validate", "ValidateDataAnnotations", "ValidateOnStart");

    private readonly NetMQSymbols _symbols;
    private readonly INamedTypeSymbol? _extensions;
    private readonly ConcurrentBag<Site> _sites = new();
    private readonly ConcurrentBag<(SyntaxTree Tree, Microsoft.CodeAnalysis.Text.TextSpan Span, ITypeSymbol? Record)> _disconnects = new();

    private HandlerHosting(Compilation compilation, NetMQSymbols symbols)
    {
        _symbols = symbols;
        _extensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.LifelineServiceCollectionExtensions");
    }

    public static void Register(CompilationStartAnalysisContext start, NetMQSymbols symbols)
    {
        if (symbols.LifelineExtensions is null)
        {
            return;
        }

        var hosting = new HandlerHosting(start.Compilation, symbols);
        start.RegisterOperationAction(hosting.OnCreation, OperationKind.ObjectCreation);
        start.RegisterOperationAction(hosting.OnInvocation, OperationKind.Invocation);
        start.RegisterCompilationEndAction(hosting.Report);
    }

    private void OnCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!_symbols.IsHost(creation.Constructor) || creation.Arguments.Length < 2 || _symbols.CapabilityOf(creation.Constructor!.Parameters[0].Type) is not { } socket)
        {
            return;
        }

        var handler = TypeBodies.Unwrap(creation.Arguments[1].Value).Type;
        _sites.Add(new Site(HostedHandler.Of(handler), IsOpen(handler), socket.CarriesRoutingId, "a " + socket.ClassName, creation.Syntax.GetLocation()));
    }

    private void OnInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (_symbols.HostingRouterOptions is not null && method.Name == "SetDisconnectMessage" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.HostingRouterOptions))
        {
            var record = method.TypeArguments.FirstOrDefault();
            _disconnects.Add((invocation.Syntax.SyntaxTree, invocation.Syntax.Span, record is ITypeParameterSymbol ? null : record));
            return;
        }

        if (EndpointOf(invocation) is { } endpoint)
        {
            CheckEndpoint(context, endpoint.Value, endpoint.Method, endpoint.Socket);
            return;
        }

        if (_extensions is null || !SymbolEqualityComparer.Default.Equals(method.ContainingType, _extensions) || method.TypeArguments.Length != 1
            || method.Name is not ("AddLifelineRouter" or "AddLifelineDealer"))
        {
            return;
        }

        var hub = method.TypeArguments[0];
        var routed = method.Name == "AddLifelineRouter";
        var location = (invocation.Syntax as InvocationExpressionSyntax)?.Expression is MemberAccessExpressionSyntax access ? access.Name.GetLocation() : invocation.Syntax.GetLocation();
        var site = new Site(HostedHandler.Of(hub), IsOpen(hub), routed, routed ? "a RouterSocket (AddLifelineRouter)" : "a DealerSocket (AddLifelineDealer)", location);
        if (routed)
        {
            (site.Configure, site.Configured) = Configuration(invocation);
        }

        _sites.Add(site);
    }

    /// <summary>
    /// An endpoint added to a hosted socket's <c>Bind</c> or <c>Connect</c> list (<c>o.Bind.Add("tcp://*:5555")</c>, or
    /// a collection initializer), with what the host will do with it and on which socket class.
    /// </summary>
    private (IOperation Value, AttachMethod Method, SocketCapability Socket)? EndpointOf(IInvocationOperation invocation)
    {
        if (_symbols.HostingSocketOptions is null || invocation.TargetMethod.Name != "Add" || invocation.Arguments.Length != 1
            || invocation.Instance is not IPropertyReferenceOperation { Property.Name: "Bind" or "Connect" } list
            || !SymbolEqualityComparer.Default.Equals(list.Property.ContainingType, _symbols.HostingSocketOptions))
        {
            return null;
        }

        var socket = _symbols.HostedSocketOf(list.Instance?.Type);
        return socket is null ? null : (invocation.Arguments[0].Value, list.Property.Name == "Bind" ? AttachMethod.Bind : AttachMethod.Connect, socket);
    }

    private static void CheckEndpoint(OperationAnalysisContext context, IOperation value, AttachMethod method, SocketCapability socket)
    {
        if (value.ConstantValue is not { HasValue: true, Value: string endpoint })
        {
            return;
        }

        var location = value.Syntax.GetLocation();
        if (EndpointRules.Validate(endpoint, method, out var transport) is { } problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidEndpoint, location, endpoint, problem));
        }
        else if (transport is not null && EndpointRules.RejectedTransport(transport, socket) is { } rejected)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TransportNotSupported, location, endpoint, transport, "a " + socket.ClassName, rejected));
        }
    }

    /// <summary>
    /// The configure lambda of an <c>AddLifelineRouter</c> call, and whether it is all of the configuration: the options
    /// object stays in the lambda, and the returned builder is not configured further. Null lambda and true: none given.
    /// </summary>
    private static (SyntaxNode? Lambda, bool Known) Configuration(IInvocationOperation invocation)
    {
        for (IOperation current = invocation; ;)
        {
            var parent = current.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation or IArgumentOperation)
            {
                parent = parent.Parent;
            }

            if (parent is IInvocationOperation chained && ReferenceEquals(TypeBodies.Unwrap(chained.Instance ?? chained.Arguments.FirstOrDefault()?.Value!), current)
                && Unconfiguring.Contains(chained.TargetMethod.Name))
            {
                current = chained;
                continue;
            }

            if (parent is not IExpressionStatementOperation)
            {
                return (null, false);
            }

            break;
        }

        var configure = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "configure");
        if (configure is null || configure.ArgumentKind == ArgumentKind.DefaultValue || configure.Value.ConstantValue is { HasValue: true, Value: null })
        {
            return (null, true);
        }

        if (TypeBodies.Unwrap(configure.Value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } || lambda.Symbol.Parameters.Length != 1)
        {
            return (null, false);
        }

        var options = lambda.Symbol.Parameters[0];
        foreach (var reference in lambda.Body.DescendantsAndSelf().OfType<IParameterReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Parameter, options))
            {
                continue;
            }

            var used = reference.Parent is IInvocationOperation call && ReferenceEquals(call.Instance, reference)
                       || reference.Parent is IPropertyReferenceOperation property && ReferenceEquals(property.Instance, reference);
            if (!used)
            {
                return (null, false);
            }
        }

        return (lambda.Syntax, true);
    }

    /// <summary>A handler value whose class is not known from its type: an interface, a type parameter, a base class.</summary>
    private static bool IsOpen(ITypeSymbol? type) =>
        type is null or ITypeParameterSymbol || type.TypeKind == TypeKind.Interface || type is INamedTypeSymbol { IsSealed: false } named && HostedHandler.Of(named) is null;

    private void Report(CompilationAnalysisContext context)
    {
        var sites = _sites.ToList();
        ReportHandlersThatNeverRun(context, sites);
        ReportHostedRoutersWithoutDisconnect(context, sites);
    }

    private static void ReportHandlersThatNeverRun(CompilationAnalysisContext context, List<Site> sites)
    {
        var openRouted = sites.Any(s => s.Open && s.Routed);
        var openDealer = sites.Any(s => s.Open && !s.Routed);
        foreach (var group in sites.Where(s => s.Handler is not null).GroupBy(s => s.Handler!.Type, SymbolEqualityComparer.Default))
        {
            var handler = group.First().Handler!;
            var routed = group.Any(s => s.Routed) || openRouted;
            var dealer = group.Any(s => !s.Routed) || openDealer;
            foreach (var (method, kind) in handler.Handlers)
            {
                if (routed && HostedHandler.RunsOn(kind, routed: true) || dealer && HostedHandler.RunsOn(kind, routed: false))
                {
                    continue;
                }

                var on = string.Join(" and ", group.Select(s => s.Socket).Distinct().OrderBy(s => s, System.StringComparer.Ordinal));
                var why = routed
                    ? "whose host tells of its peers (OnPeerConnected, OnPeerDisconnected, OnUnknownPeerDisconnected); OnConnected, OnReconnected and OnDisconnected run on a DealerSocket host"
                    : "whose host tells of the one server it connects to (OnConnected, OnReconnected, OnDisconnected); peer handlers run on a RouterSocket or PeerSocket host";
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HandlerNeverRunsOnSocket, method.Locations.FirstOrDefault(), handler.Type.Name + "." + method.Name, handler.Type.Name, on, why));
            }
        }
    }

    private void ReportHostedRoutersWithoutDisconnect(CompilationAnalysisContext context, List<Site> sites)
    {
        var disconnects = _disconnects.ToList();
        var lambdas = sites.Where(s => s.Configure is not null).Select(s => s.Configure!).ToList();

        // A disconnect set anywhere else (services.Configure<LifelineRouterOptions>, a helper) may be any router's.
        if (disconnects.Any(d => !lambdas.Any(l => Contains(l, d.Tree, d.Span))))
        {
            return;
        }

        foreach (var site in sites)
        {
            if (!site.Routed || !site.Configured || site.Handler is not { DisconnectHandlers.IsEmpty: false } handler)
            {
                continue;
            }

            var given = disconnects.Where(d => site.Configure is { } lambda && Contains(lambda, d.Tree, d.Span)).ToList();
            if (given.Any(d => d.Record is null))
            {
                continue;
            }

            var records = given.Select(d => d.Record!).Distinct(SymbolEqualityComparer.Default).Cast<ITypeSymbol>().ToList();
            var none = "its options set no disconnect message (the host then installs an empty one, which ends presence and carries no record)";
            if (handler.CheckDisconnects(records, site.Location, none, "its options set as the disconnect message", record => $"call options.SetDisconnectMessage({record}) in the configure delegate") is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    private static bool Contains(SyntaxNode lambda, SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        lambda.SyntaxTree == tree && lambda.Span.Contains(span);

    private sealed class Site
    {
        public Site(HostedHandler? handler, bool open, bool routed, string socket, Location location)
        {
            Handler = handler;
            Open = open;
            Routed = routed;
            Socket = socket;
            Location = location;
        }

        /// <summary>The handler class, when the value's type names one declared in the compilation.</summary>
        public HostedHandler? Handler { get; }

        /// <summary>The value may be of a handler class its type does not name.</summary>
        public bool Open { get; }

        /// <summary>A ROUTER or PEER host, which calls peer handlers; otherwise a DEALER host.</summary>
        public bool Routed { get; }

        /// <summary>"a RouterSocket", for messages.</summary>
        public string Socket { get; }

        public Location Location { get; }

        /// <summary>The configure lambda of a hosted ROUTER.</summary>
        public SyntaxNode? Configure { get; set; }

        /// <summary>Whether <see cref="Configure"/> is all of a hosted ROUTER's configuration.</summary>
        public bool Configured { get; set; }
    }
}
