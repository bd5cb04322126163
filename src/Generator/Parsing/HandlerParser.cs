using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Lifeline.Generator.Diagnostics;
using Lifeline.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lifeline.Generator.Parsing;

/// <summary>Turns a class marked [LifelineHandler] into a <see cref="HandlerSpec"/>: its recognised methods and the records they name.</summary>
internal static class HandlerParser
{
    public const string HandlerAttribute = "Lifeline.LifelineHandlerAttribute";

    /// <summary>The handler method names and the parameter lists each takes.</summary>
    public static readonly Dictionary<string, (HandlerKind Kind, string Expected)> Known = new()
    {
        ["OnPeerConnected"] = (HandlerKind.PeerConnected, "(PeerId peer, <hello record> hello)"),
        ["OnPeerDisconnected"] = (HandlerKind.PeerDisconnected, "(PeerId peer, <disconnect record> gone) or (PeerId peer, <hello record> hello, <disconnect record> gone)"),
        ["OnUnknownPeerDisconnected"] = (HandlerKind.UnknownPeerDisconnected, "(PeerId peer, <disconnect record> gone)"),
        ["OnConnected"] = (HandlerKind.Connected, "(<hello record> hello)"),
        ["OnReconnected"] = (HandlerKind.Reconnected, "(<hello record> hello)"),
        ["OnDisconnected"] = (HandlerKind.Disconnected, "()"),
        ["OnMessage"] = (HandlerKind.Message, "(PeerId peer, NetMQMessage message) or (PeerId peer, NetMQMessage message, NotLifecycleReason reason)"),
        ["OnMalformedFrame"] = (HandlerKind.MalformedFrame, "(PeerId peer, MalformedFrame error)"),
    };

    public static HandlerParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();
        if (!SymbolNames.IsFirstApplication(type, context.Attributes[0]))
        {
            return new HandlerParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var display = type.ToDisplayString();
        var classProblem = type.IsRecord ? "a record"
            : type.TypeKind != TypeKind.Class ? $"a {type.TypeKind.ToString().ToLowerInvariant()}"
            : type.IsStatic ? "static"
            : type.TypeParameters.Length > 0 ? "generic"
            : type.IsGenericType ? $"nested in the generic type '{GenericContainer(type)}'"
            : !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) ? "not partial"
            : GeneratedPartConflict(type);
        if (classProblem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HandlerClass, LocationInfo.From(syntax.Identifier), display, classProblem));
        }

        var containing = MessageParser.ParseContainingTypes(type, display, diagnostics, cancellationToken);
        var methods = new List<HandlerMethodSpec>();
        var messages = new Dictionary<string, MessageRef>();
        var seen = new HashSet<(HandlerKind, string?, string?)>();
        var suppressed = new SortedSet<string>(System.StringComparer.Ordinal);
        var compilation = context.SemanticModel.Compilation;
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (method.MethodKind != MethodKind.Ordinary)
            {
                continue;
            }

            var declaration = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as MethodDeclarationSyntax;
            if (!Known.TryGetValue(method.Name, out var known))
            {
                if (HandlerNames.Suggest(method) is { } suggestion)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAHandler, LocationInfo.From(declaration?.Identifier ?? default), method.ToDisplayString(), suggestion));
                }

                continue;
            }

            if (method.IsStatic)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StaticHandler, LocationInfo.From(declaration?.Identifier ?? default), method.ToDisplayString()));
                continue;
            }

            if (method.IsAsync && method.ReturnsVoid)
            {
                var asyncKeyword = declaration?.Modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.AsyncKeyword)) ?? default;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AsyncVoidHandler, LocationInfo.From(asyncKeyword == default ? declaration?.Identifier ?? default : asyncKeyword), method.ToDisplayString()));
                continue;
            }

            if (Uncallable(method) is { } why)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HandlerNotAlwaysCalled, LocationInfo.From(declaration?.Identifier ?? default), method.ToDisplayString(), why.Reason));
                if (why.Skipped)
                {
                    continue;
                }
            }

            var spec = ParseMethod(method, known.Kind, known.Expected, declaration, compilation, diagnostics, messages);
            if (spec is null)
            {
                continue;
            }

            if (!seen.Add((spec.Kind, spec.Hello, spec.Disconnect)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateHandler, LocationInfo.From(declaration?.Identifier ?? default), method.ToDisplayString(), method.Name, display));
                continue;
            }

            methods.Add(spec);
            Dispatched(method, suppressed);
        }

        AddInherited(type, syntax, compilation, methods, seen, messages, diagnostics, suppressed);

        // A warning (a method that looks like a handler) leaves the class's dispatch intact; an error leaves none.
        if (diagnostics.Any(d => d.IsError))
        {
            return new HandlerParseResult(null, diagnostics.ToEquatableArray());
        }

        var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var spec2 = new HandlerSpec(
            ns,
            type.Name,
            containing.ToEquatableArray(),
            methods.ToEquatableArray(),
            messages.Values.OrderBy(m => m.FullName, System.StringComparer.Ordinal).ToEquatableArray(),
            suppressed.ToEquatableArray());
        return new HandlerParseResult(spec2, diagnostics.ToEquatableArray());
    }

    // Names the generated part of a handler class declares besides the ILifelineHandler members.
    private static readonly string[] ReservedNames = ["__LifelineCatalog", "__LifelineRecords"];

    /// <summary>
    /// What keeps the generated part of the class from being added to it: a file-local class (or one nested in such a
    /// class) cannot be continued in a generated file, and the class must leave the generated names and the
    /// ILifelineHandler members to the generated part. Null when nothing does.
    /// </summary>
    private static string? GeneratedPartConflict(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                return SymbolEqualityComparer.Default.Equals(current, type) ? "file-local" : $"nested in the file-local '{current.ToDisplayString()}'";
            }
        }

        foreach (var member in type.GetMembers())
        {
            if (!member.IsImplicitlyDeclared && System.Array.IndexOf(ReservedNames, member.Name) >= 0)
            {
                return $"declaring '{member.Name}', a name its generated part uses";
            }

            var implemented = member switch
            {
                IMethodSymbol method => method.ExplicitInterfaceImplementations.Select(i => i.ContainingType),
                IPropertySymbol property => property.ExplicitInterfaceImplementations.Select(i => i.ContainingType),
                _ => Enumerable.Empty<INamedTypeSymbol>(),
            };
            if (implemented.Any(i => SymbolNames.Is(i, "Lifeline", "ILifelineHandler")))
            {
                return $"implementing '{member.ToDisplayString()}' itself, which its generated part implements";
            }
        }

        return null;
    }

    /// <summary>
    /// Handlers inherited from base classes: dispatched when the class can call them and it declares no handler for the
    /// same event itself; one it cannot call (private to the base) is reported, since it would never run. Their own
    /// mistakes are the base's to report.
    /// </summary>
    private static void AddInherited(INamedTypeSymbol type, TypeDeclarationSyntax syntax, Compilation compilation, List<HandlerMethodSpec> methods, HashSet<(HandlerKind, string?, string?)> seen, Dictionary<string, MessageRef> messages, List<DiagnosticInfo> diagnostics, ISet<string> suppressed)
    {
        foreach (var (method, kind) in Inherited(type))
        {
            var problems = new List<DiagnosticInfo>();
            var named = new Dictionary<string, MessageRef>();
            var spec = method.IsStatic || method.IsAsync && method.ReturnsVoid ? null : ParseMethod(method, kind, Known[method.Name].Expected, null, compilation, problems, named);
            if (spec is not null && seen.Contains((spec.Kind, spec.Hello, spec.Disconnect)))
            {
                continue;
            }

            // A base that is a handler class reports its own methods' mistakes; a plain base class is told of nowhere.
            var baseIsHandler = method.ContainingType.GetAttributes().Any(a => SymbolNames.Is(a.AttributeClass, "Lifeline", "LifelineHandlerAttribute"));
            var why = !compilation.IsSymbolAccessibleWithin(method, type) ? "is private to its class"
                : baseIsHandler ? null
                : method.IsStatic ? "is static"
                : method.IsAsync && method.ReturnsVoid ? "is 'async void'"
                : spec is null ? NotAHandlerSignature(problems.FirstOrDefault())
                : null;
            if (why is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InheritedHandlerNotCalled, LocationInfo.From(syntax.Identifier), method.ToDisplayString(), type.Name, why));
                continue;
            }

            if (spec is null)
            {
                continue;
            }

            // Its attributes keep the inherited call from running as they do a handler of the class's own; the base's
            // declaration may not be the user's to see, so the class that dispatches it is told.
            if (Uncallable(method) is { } attributes)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HandlerNotAlwaysCalled, LocationInfo.From(syntax.Identifier), method.ToDisplayString(), attributes.Reason));
                if (attributes.Skipped)
                {
                    continue;
                }
            }

            seen.Add((spec.Kind, spec.Hello, spec.Disconnect));
            methods.Add(spec);
            Dispatched(method, suppressed);
            foreach (var pair in named)
            {
                messages[pair.Key] = pair.Value;
            }
        }
    }

    /// <summary>
    /// The ids under which the generated call to a handler, and the record types its dispatch names, are reported
    /// ([Obsolete] with a DiagnosticId, [Experimental]): the generated file suppresses them.
    /// </summary>
    private static void Dispatched(IMethodSymbol method, ISet<string> suppressed)
    {
        UsageAttributes.CollectIds(method, suppressed);
        foreach (var parameter in method.Parameters)
        {
            UsageAttributes.CollectTypeIds(parameter.Type, suppressed);
        }
    }

    private static string GenericContainer(INamedTypeSymbol type)
    {
        var current = type.ContainingType;
        while (current is not null && current.TypeParameters.Length == 0)
        {
            current = current.ContainingType;
        }

        return current?.ToDisplayString() ?? type.ToDisplayString();
    }

    /// <summary>
    /// Attributes that keep the generated call from running: [Obsolete(error: true)] makes it a compile error, so the
    /// handler is left out; [Conditional] drops the call from builds without the symbol.
    /// </summary>
    private static (string Reason, bool Skipped)? Uncallable(IMethodSymbol method)
    {
        if (UsageAttributes.IsObsoleteError(method))
        {
            return ("is [Obsolete] as an error, so no code may call it and it is left out of the dispatch; remove the attribute, or the method", true);
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolNames.Is(attribute.AttributeClass, "System.Diagnostics", "ConditionalAttribute") && attribute.ConstructorArguments is { Length: 1 } condition)
            {
                return ($"is [Conditional(\"{condition[0].Value}\")], so builds without that symbol drop the call to it and it never runs there; remove the attribute and test the symbol inside", false);
            }
        }

        return null;
    }

    private static string NotAHandlerSignature(DiagnosticInfo? problem) => problem switch
    {
        { Id: "LFL0301", Arguments: { Count: 3 } a } => $"its parameters are not a handler's ({a[1]}; expected {a[2]})",
        { Id: "LFL0304", Arguments: { Count: 2 } a } => $"returns '{a[1]}', where a handler returns void or ValueTask",
        _ => "its signature is not a handler's",
    };

    /// <summary>Handler-named methods of the base classes that no more derived class overrides or hides.</summary>
    public static IEnumerable<(IMethodSymbol Method, HandlerKind Kind)> Inherited(INamedTypeSymbol type)
    {
        var shadowed = new HashSet<string>(type.GetMembers().OfType<IMethodSymbol>().Select(Signature));
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var method in current.GetMembers().OfType<IMethodSymbol>())
            {
                if (method.MethodKind == MethodKind.Ordinary && Known.TryGetValue(method.Name, out var known) && shadowed.Add(Signature(method)))
                {
                    yield return (method, known.Kind);
                }
            }
        }
    }

    private static string Signature(IMethodSymbol method) =>
        method.Name + "(" + string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString())) + ")";

    private static HandlerMethodSpec? ParseMethod(IMethodSymbol method, HandlerKind kind, string expected, MethodDeclarationSyntax? declaration, Compilation compilation, List<DiagnosticInfo> diagnostics, Dictionary<string, MessageRef> messages)
    {
        var display = method.ToDisplayString();
        var returnsValueTask = method.ReturnType.ToDisplayString() == "System.Threading.Tasks.ValueTask";
        if (!method.ReturnsVoid && !returnsValueTask)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HandlerReturnType, LocationInfo.From(declaration?.ReturnType), display, method.ReturnType.ToDisplayString()));
            return null;
        }

        var parameters = method.Parameters;
        var byReference = parameters.FirstOrDefault(p => p.RefKind != RefKind.None);
        INamedTypeSymbol? hello = null;
        INamedTypeSymbol? disconnect = null;
        var problem = byReference is not null
            ? $"parameter '{byReference.Name}' is passed by reference ({byReference.RefKind.ToString().ToLowerInvariant()}); handlers take their parameters by value"
            : Match(kind, parameters, compilation, out hello, out disconnect);
        if (problem is not null || method.IsGenericMethod)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HandlerSignature, LocationInfo.From(declaration?.ParameterList), display, problem ?? "generic handlers are not supported", expected));
            return null;
        }

        foreach (var (record, role) in new[] { (hello, MessageRole.Hello), (disconnect, MessageRole.Disconnect) })
        {
            if (record is not null)
            {
                var name = record.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                messages[name] = new MessageRef(name, MessageParser.IdOf(record), role);
            }
        }

        return new HandlerMethodSpec(
            kind,
            method.Name,
            hello?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            disconnect?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            returnsValueTask,
            kind == HandlerKind.Message && parameters.Length == 3);
    }

    /// <summary>Checks the parameter list of one handler kind; returns what is wrong, or null.</summary>
    private static string? Match(HandlerKind kind, System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, Compilation compilation, out INamedTypeSymbol? hello, out INamedTypeSymbol? disconnect)
    {
        hello = null;
        disconnect = null;
        var types = parameters.Select(p => p.Type).ToList();
        switch (kind)
        {
            case HandlerKind.PeerConnected:
                return Count(types, 2) ?? Peer(types[0]) ?? Record(types[1], MessageRole.Hello, compilation, out hello);
            case HandlerKind.PeerDisconnected when types.Count == 3:
                return Peer(types[0]) ?? Record(types[1], MessageRole.Hello, compilation, out hello) ?? Record(types[2], MessageRole.Disconnect, compilation, out disconnect);
            case HandlerKind.PeerDisconnected:
            case HandlerKind.UnknownPeerDisconnected:
                return Count(types, 2) ?? Peer(types[0]) ?? Record(types[1], MessageRole.Disconnect, compilation, out disconnect);
            case HandlerKind.Connected:
            case HandlerKind.Reconnected:
                return Count(types, 1) ?? Record(types[0], MessageRole.Hello, compilation, out hello);
            case HandlerKind.Disconnected:
                return Count(types, 0);
            case HandlerKind.Message when types.Count == 3:
                return Peer(types[0]) ?? Exact(types[1], "NetMQ.NetMQMessage") ?? Exact(types[2], "Lifeline.NotLifecycleReason");
            case HandlerKind.Message:
                return Count(types, 2) ?? Peer(types[0]) ?? Exact(types[1], "NetMQ.NetMQMessage");
            default:
                return Count(types, 2) ?? Peer(types[0]) ?? Exact(types[1], "Lifeline.MalformedFrame");
        }
    }

    private static string? Count(List<ITypeSymbol> types, int count) =>
        types.Count == count ? null : $"it has {types.Count} parameter(s)";

    private static string? Peer(ITypeSymbol type) => Exact(type, "Lifeline.PeerId");

    // By namespace and name, so that a nullable annotation ('NetMQMessage? message', 'MalformedFrame? error') is no
    // mismatch, as the host always passes one; 'PeerId?' is a Nullable<PeerId>, still not a PeerId.
    private static string? Exact(ITypeSymbol type, string name)
    {
        var dot = name.LastIndexOf('.');
        return type is INamedTypeSymbol named && SymbolNames.Is(named, name.Substring(0, dot), name.Substring(dot + 1)) ? null
            : $"'{type.ToDisplayString()}' is not {name.Substring(dot + 1)}";
    }

    private static string? Record(ITypeSymbol type, MessageRole role, Compilation compilation, out INamedTypeSymbol? record)
    {
        record = null;
        var actual = type is INamedTypeSymbol named ? MessageParser.RoleOf(named) : null;
        if (actual == role)
        {
            record = (INamedTypeSymbol)type;
            return MessageParser.IsGenerated(record, compilation, default) ? null : $"'{type.ToDisplayString()}' has errors of its own (reported on it), so it has no generated code to dispatch to yet";
        }

        var wanted = role == MessageRole.Hello ? "a [HelloMessage] record" : "a [DisconnectMessage] record";
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable
            && nullable.TypeArguments[0] is INamedTypeSymbol inner && MessageParser.RoleOf(inner) == role)
        {
            return $"'{type.ToDisplayString()}' is a nullable struct; take '{inner.ToDisplayString()}', which is always there when the handler runs";
        }

        return actual switch
        {
            MessageRole.Hello => $"'{type.ToDisplayString()}' is a hello message where {wanted} is needed",
            MessageRole.Disconnect => $"'{type.ToDisplayString()}' is a disconnect message where {wanted} is needed",
            _ => $"'{type.ToDisplayString()}' is not {wanted}",
        };
    }
}
