using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lifeline.Generator.Diagnostics;
using Lifeline.Generator.Model;
using Lifeline.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace Lifeline.Generator.Analyzers;

/// <summary>
/// A <c>[LifelineHandler]</c> class as a host sees it: its handler methods, which of them a ROUTER or PEER host calls
/// and which a DEALER host calls, and the disconnect records its peer-disconnect handlers take.
/// </summary>
internal sealed class HostedHandler
{
    private HostedHandler(INamedTypeSymbol type, ImmutableArray<(IMethodSymbol Method, HandlerKind Kind)> handlers)
    {
        Type = type;
        Handlers = handlers;
        DisconnectHandlers = handlers.Where(h => h.Kind is HandlerKind.PeerDisconnected or HandlerKind.UnknownPeerDisconnected).Select(h => h.Method).ToImmutableArray();
        DisconnectRecords = DisconnectHandlers
            .Select(m => m.Parameters.LastOrDefault()?.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => MessageParser.RoleOf(t) == MessageRole.Disconnect)
            .ToImmutableHashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The methods the generated dispatch may call, by the name that makes them handlers.</summary>
    public ImmutableArray<(IMethodSymbol Method, HandlerKind Kind)> Handlers { get; }

    /// <summary><c>OnPeerDisconnected</c> and <c>OnUnknownPeerDisconnected</c>: they run only for a disconnect record.</summary>
    public ImmutableArray<IMethodSymbol> DisconnectHandlers { get; }

    /// <summary>The disconnect records those handlers take.</summary>
    public ImmutableHashSet<ITypeSymbol> DisconnectRecords { get; }

    /// <summary>The handler class <paramref name="type"/> is, when it is one declared in this compilation.</summary>
    public static HostedHandler? Of(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class } named || named.Locations.All(l => !l.IsInSource)
            || !named.GetAttributes().Any(a => SymbolNames.Is(a.AttributeClass, "Lifeline", "LifelineHandlerAttribute")))
        {
            return null;
        }

        var handlers = new List<(IMethodSymbol, HandlerKind)>();
        foreach (var method in named.GetMembers().OfType<IMethodSymbol>())
        {
            if (method is { MethodKind: MethodKind.Ordinary, IsStatic: false } && HandlerParser.Known.TryGetValue(method.Name, out var known))
            {
                handlers.Add((method, known.Kind));
            }
        }

        // Inherited handlers the class can call are dispatched too (LFL0310 reports the others).
        handlers.AddRange(HandlerParser.Inherited(named).Where(h => !h.Method.IsStatic && h.Method.DeclaredAccessibility != Accessibility.Private));

        return new HostedHandler(named, handlers.ToImmutableArray());
    }

    /// <summary>
    /// Whether a host calls handlers of <paramref name="kind"/>: a ROUTER or PEER host (<paramref name="routed"/>) tells
    /// of its peers, a DEALER host of the one server it connects to.
    /// </summary>
    public static bool RunsOn(HandlerKind kind, bool routed) => kind switch
    {
        HandlerKind.PeerConnected or HandlerKind.PeerDisconnected or HandlerKind.UnknownPeerDisconnected => routed,
        HandlerKind.Connected or HandlerKind.Reconnected or HandlerKind.Disconnected => !routed,
        _ => true,
    };

    /// <summary>
    /// LFL0308 for a host of this class over a ROUTER or PEER that gets exactly <paramref name="records"/> as disconnect
    /// records; null when one of them is one its peer-disconnect handlers take, or it has none.
    /// </summary>
    /// <param name="none">Why no record arrives, when there is none: "'router' never gets a disconnect message".</param>
    /// <param name="given">How the records are given, before their names: "the disconnect message of 'router' is".</param>
    /// <param name="fix">What to call, given the record to make: "router.SetDisconnectMessage(new Gone(...))".</param>
    public Diagnostic? CheckDisconnects(IReadOnlyCollection<ITypeSymbol> records, Location location, string none, string given, System.Func<string, string> fix)
    {
        if (DisconnectHandlers.IsEmpty || records.Any(DisconnectRecords.Contains))
        {
            return null;
        }

        var handlers = string.Join(", ", DisconnectHandlers.Select(Describe));
        var wanted = DisconnectRecords.FirstOrDefault()?.Name ?? "<disconnect record>";
        if (records.Count == 0)
        {
            return Diagnostic.Create(DiagnosticDescriptors.DisconnectHandlerNeverRuns, location, Type.Name, handlers, none, fix($"new {wanted}(...)"));
        }

        var names = string.Join(" or ", records.Select(r => $"'{r.Name}'").OrderBy(n => n, System.StringComparer.Ordinal));
        return Diagnostic.Create(DiagnosticDescriptors.DisconnectHandlerNeverRuns, location, Type.Name, handlers, $"{given} {names}, which none of them takes", $"give a '{wanted}' instead, or handle {names}");
    }

    /// <summary>"'OnPeerDisconnected(PeerId, Gone)'" for messages.</summary>
    public static string Describe(IMethodSymbol method) =>
        $"'{method.Name}({string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)))})'";
}
