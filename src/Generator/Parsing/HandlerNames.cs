using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Lifeline.Generator.Parsing;

/// <summary>
/// Finds methods of a handler class that were meant as handlers but are never called: the .NET <c>Async</c> suffix on a
/// handler name (<c>OnPeerConnectedAsync</c>), or a misspelled name (<c>OnPeerConected</c>) on a method whose parameters
/// are a handler's. A method with a similar name but unrelated parameters is the user's own and stays silent.
/// </summary>
internal static class HandlerNames
{
    public static string? Suggest(IMethodSymbol method)
    {
        var name = method.Name;
        if (!name.StartsWith("On", StringComparison.OrdinalIgnoreCase) || method.MethodKind != MethodKind.Ordinary)
        {
            return null;
        }

        if (name.EndsWith("Async", StringComparison.Ordinal) && HandlerParser.Known.ContainsKey(name.Substring(0, name.Length - 5)))
        {
            return name.Substring(0, name.Length - 5);
        }

        if (!LooksLikeHandler(method))
        {
            return null;
        }

        // Up to one edit per six letters of the intended name (three for OnPeerDisconnected), compared ignoring case, so
        // a name that differs only in case is caught too (known names themselves never get here).
        return HandlerParser.Known.Keys
            .Select(known => (Known: known, Distance: Distance(name.ToLowerInvariant(), known.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, c.Known.Length / 6))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Known, StringComparer.Ordinal)
            .Select(c => c.Known)
            .FirstOrDefault();
    }

    // A handler's parameters: a PeerId, a lifecycle record, a NetMQMessage or MalformedFrame; or none (OnDisconnected).
    private static bool LooksLikeHandler(IMethodSymbol method) =>
        method.Parameters.Length == 0
        || method.Parameters.Any(p => p.Type is INamedTypeSymbol type
            && (SymbolNames.Is(type, "Lifeline", "PeerId") || SymbolNames.Is(type, "Lifeline", "MalformedFrame")
                || SymbolNames.Is(type, "NetMQ", "NetMQMessage") || MessageParser.RoleOf(type) is not null));

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
