using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Lifeline.Generator.Analyzers;

/// <summary>One analysable body: a method, constructor, accessor, initializer, local function or lambda.</summary>
internal sealed class Body
{
    public Body(ISymbol member, ControlFlowGraph graph, SemanticModel? model, bool isLambda)
    {
        Member = member;
        Graph = graph;
        Model = model;
        IsLambda = isLambda;
    }

    /// <summary>The model of the original operations, for nullable flow state (graph operations may not carry one).</summary>
    public SemanticModel? Model { get; }

    /// <summary>The method (or field, for an initializer) the body belongs to; for a lambda, the method it is in.</summary>
    public ISymbol Member { get; }

    public ControlFlowGraph Graph { get; }

    public bool IsLambda { get; }

    private Dictionary<CaptureId, IOperation>? _captured;

    /// <summary>
    /// What a capture of the graph holds, when one operation is captured under it: the graph captures the target of an
    /// assignment whose value branches (<c>d.Options.HelloMessage = c ? null : h</c>), and the assignment then names the
    /// capture.
    /// </summary>
    public IOperation? Captured(CaptureId id)
    {
        if (_captured is null)
        {
            _captured = new Dictionary<CaptureId, IOperation>();
            var ambiguous = new HashSet<CaptureId>();
            foreach (var capture in Operations().OfType<IFlowCaptureOperation>())
            {
                if (!_captured.ContainsKey(capture.Id))
                {
                    _captured[capture.Id] = capture.Value;
                }
                else
                {
                    ambiguous.Add(capture.Id);
                }
            }

            foreach (var twice in ambiguous)
            {
                _captured.Remove(twice);
            }
        }

        return _captured.TryGetValue(id, out var value) ? value : null;
    }

    public IEnumerable<IOperation> Operations()
    {
        foreach (var block in Graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    yield return descendant;
                }
            }

            if (block.BranchValue is { } branch)
            {
                foreach (var descendant in branch.DescendantsAndSelf())
                {
                    yield return descendant;
                }
            }
        }
    }
}

/// <summary>
/// The bodies of one type and what holds across them: which methods other methods call, which socket fields are
/// only ever given one concrete socket class, which are connected with a hello somewhere.
/// </summary>
internal sealed class TypeBodies
{
    private readonly Dictionary<ISymbol, Body> _methods = new(SymbolEqualityComparer.Default);
    private readonly List<Body> _all = new();
    private readonly List<(ISymbol Owner, IOperation Root)> _roots = new();
    private bool _mentionsSockets;
    private readonly List<(Location Location, Body Body, bool IsStatic)> _initializers = new();
    private readonly HashSet<ISymbol> _calledWithinType = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, ImmutableHashSet<SocketCapability>?> _memberTypes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, Witness> _connectedMembers = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _helloMembers = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, string> _constants = new(SymbolEqualityComparer.Default);

    public TypeBodies(INamedTypeSymbol type, NetMQSymbols symbols)
    {
        Type = type;
        Symbols = symbols;
    }

    public INamedTypeSymbol Type { get; }

    public NetMQSymbols Symbols { get; }

    public IReadOnlyList<Body> All => _all;

    /// <summary>
    /// Adds the body one operation block belongs to (on the analyzer's threads; call <see cref="Seal"/> once all are
    /// in). Graphs are only built, in <see cref="Seal"/>, for a type that mentions NetMQ sockets somewhere.
    /// </summary>
    public void Add(ISymbol owner, IOperation block)
    {
        var root = block;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var mentionsSockets = block.DescendantsAndSelf().Any(o => Symbols.IsSocket(o.Type) || Symbols.IsOptionsType(o.Type));
        lock (_roots)
        {
            // A constructor's body and its initializer are two blocks of one root.
            if (!_roots.Any(r => ReferenceEquals(r.Root, root)))
            {
                _roots.Add((owner, root));
            }

            _mentionsSockets |= mentionsSockets;
        }
    }

    /// <summary>The body of a method or local function of this type that the analysis may follow into.</summary>
    public Body? Find(IMethodSymbol method) => _methods.TryGetValue(method.OriginalDefinition, out var body) ? body : null;

    /// <summary>Field and property initializers, in the order the runtime runs them.</summary>
    public IEnumerable<Body> Initializers(bool isStatic) =>
        _initializers.Where(i => i.IsStatic == isStatic)
            .OrderBy(i => i.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(i => i.Location.SourceSpan.Start)
            .Select(i => i.Body);

    /// <summary>Whether a root analysis of <paramref name="body"/> starts with nothing known of the type's sockets: it may run at any time.</summary>
    public bool IsEntryPoint(Body body) =>
        body.IsLambda || body.Member is IMethodSymbol { MethodKind: not (MethodKind.Constructor or MethodKind.StaticConstructor) } method && !_calledWithinType.Contains(method.OriginalDefinition);

    /// <summary>The socket classes a field or property of this type may hold, from every assignment in the type; null when not known.</summary>
    public ImmutableHashSet<SocketCapability>? TypesOf(ISymbol member) =>
        _memberTypes.TryGetValue(member.OriginalDefinition, out var types) ? types : null;

    /// <summary>
    /// For a socket field or property that this type both gives a hello and connects (tcp, ipc or unknown transport):
    /// the connect. A method that may run after it must not clear the hello.
    /// </summary>
    public Witness? ConnectedWithHello(ISymbol member) =>
        _helloMembers.Contains(member.OriginalDefinition) && _connectedMembers.TryGetValue(member.OriginalDefinition, out var witness) ? witness : null;

    /// <summary>The string a read-only field of this type always holds, when every assignment gives it the same constant.</summary>
    public string? ConstantOf(ISymbol member) => _constants.TryGetValue(member.OriginalDefinition, out var value) ? value : null;

    /// <summary>Builds the graphs and computes the type-wide facts; called once every body has been added.</summary>
    public void Seal()
    {
        if (!_mentionsSockets)
        {
            return;
        }

        foreach (var (owner, root) in _roots)
        {
            if (Graph(root) is not { } graph)
            {
                continue;
            }

            var body = new Body(owner, graph, root.SemanticModel, isLambda: false);
            if (root is IFieldInitializerOperation or IPropertyInitializerOperation)
            {
                _initializers.Add((root.Syntax.GetLocation(), body, owner.IsStatic));
            }
            else
            {
                _methods[owner.OriginalDefinition] = body;
            }

            AddWithNested(body);
        }

        var assigned = new Dictionary<ISymbol, List<SocketCapability?>>(SymbolEqualityComparer.Default);
        var strings = new List<(ISymbol Member, string? Value)>();
        foreach (var body in _all)
        {
            foreach (var operation in body.Operations())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        CollectCall(body, invocation);
                        break;
                    case ISimpleAssignmentOperation assignment when TypeMemberOf(assignment.Target) is { } member:
                        var created = Unwrap(assignment.Value) as IObjectCreationOperation;
                        if (!assigned.TryGetValue(member, out var list))
                        {
                            assigned[member] = list = new List<SocketCapability?>();
                        }

                        list.Add(created is null ? null : Symbols.CapabilityOf(created.Type));
                        if (member is IFieldSymbol { IsReadOnly: true, Type.SpecialType: SpecialType.System_String })
                        {
                            strings.Add((member, assignment.Value.ConstantValue is { HasValue: true, Value: string text } ? text : null));
                        }

                        if (created is not null && ConnectsAtCreation(created))
                        {
                            AddConnect(member, new Witness($"'{Short(created.Syntax)}'", body.Member, created.Syntax.SpanStart));
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation option } assignment
                        when Symbols.OptionOf(option.Property) == LifecycleOption.Hello && !IsNullConstant(assignment.Value)
                             && option.Instance is IPropertyReferenceOperation { Instance: { } socket } && TypeMemberOf(socket) is { } helloMember:
                        _helloMembers.Add(helloMember);
                        break;
                }
            }
        }

        foreach (var field in strings.GroupBy(s => s.Member, SymbolEqualityComparer.Default))
        {
            var values = field.Select(f => f.Value).Distinct().ToList();
            if (values.Count == 1 && values[0] is { } only)
            {
                _constants[field.Key!] = only;
            }
        }

        foreach (var pair in assigned)
        {
            if (pair.Key is IFieldSymbol or IPropertySymbol && IsOnlyAssignedHere(pair.Key) && pair.Value.All(c => c is not null))
            {
                _memberTypes[pair.Key] = pair.Value.Select(c => c!).ToImmutableHashSet();
            }
        }
    }

    private static ControlFlowGraph? Graph(IOperation root) => root switch
    {
        IMethodBodyOperation method => ControlFlowGraph.Create(method),
        IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
        IFieldInitializerOperation field => ControlFlowGraph.Create(field),
        IPropertyInitializerOperation property => ControlFlowGraph.Create(property),
        IBlockOperation block => ControlFlowGraph.Create(block),
        _ => null,
    };

    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    public static bool IsNullConstant(IOperation value)
    {
        value = Unwrap(value);
        return value is IDefaultValueOperation || value.ConstantValue is { HasValue: true, Value: null };
    }

    public static string Short(SyntaxNode syntax)
    {
        // Operations leave out the parentheses: '(primary ? a : b).Connect' must not read 'primary ? a : b.Connect'.
        while (syntax.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            syntax = parenthesized;
        }

        var text = syntax.ToString();
        return text.Length <= 80 ? text : text.Substring(0, 77) + "...";
    }

    /// <summary>The field or property of this type that an operation reads or writes as this.X or a static X.</summary>
    public ISymbol? TypeMemberOf(IOperation operation)
    {
        operation = Unwrap(operation);
        var (member, instance) = operation switch
        {
            IFieldReferenceOperation field => ((ISymbol)field.Field, field.Instance),
            IPropertyReferenceOperation { Arguments.Length: 0 } property => (property.Property, property.Instance),
            _ => (null, null),
        };

        return member is not null && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, Type.OriginalDefinition)
               && (instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            ? member.OriginalDefinition
            : null;
    }

    private static bool IsOnlyAssignedHere(ISymbol member) => member switch
    {
        IFieldSymbol field => field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private,
        IPropertySymbol property => !property.IsVirtual && !property.IsAbstract && !property.IsOverride
                                    && (property.SetMethod is null || property.SetMethod.DeclaredAccessibility == Accessibility.Private || property.DeclaredAccessibility == Accessibility.Private),
        _ => false,
    };

    private void AddWithNested(Body body)
    {
        _all.Add(body);
        foreach (var function in body.Graph.LocalFunctions)
        {
            var nested = new Body(function, body.Graph.GetLocalFunctionControlFlowGraph(function), body.Model, isLambda: false);
            _methods[function.OriginalDefinition] = nested;
            AddWithNested(nested);
        }

        foreach (var block in body.Graph.Blocks)
        {
            foreach (var lambda in block.Operations.Concat(block.BranchValue is null ? [] : [block.BranchValue])
                         .SelectMany(o => o.DescendantsAndSelf()).OfType<IFlowAnonymousFunctionOperation>())
            {
                AddWithNested(new Body(body.Member, body.Graph.GetAnonymousFunctionControlFlowGraph(lambda), body.Model, isLambda: true));
            }
        }
    }

    private void CollectCall(Body body, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, Type.OriginalDefinition) || method.MethodKind == MethodKind.LocalFunction)
        {
            _calledWithinType.Add(method);
        }

        ISymbol? connected = null;
        if (Symbols.AttachOf(invocation.TargetMethod) is AttachMethod.Connect or AttachMethod.ConnectPeer && invocation.Instance is { } socket)
        {
            var endpoint = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.ConstantValue : default;
            var transport = endpoint.HasValue && endpoint.Value is string text ? EndpointRules.TransportOf(text) : null;
            if (EndpointRules.Reconnects(transport))
            {
                connected = TypeMemberOf(socket);
            }
        }

        if (connected is not null)
        {
            AddConnect(connected, new Witness($"'{Short(invocation.Instance!.Syntax)}.{invocation.TargetMethod.Name}'", body.Member, invocation.Syntax.SpanStart));
        }

        if (Symbols.TypedSetterOf(invocation.TargetMethod) == LifecycleOption.Hello && invocation.Arguments.Length > 0 && TypeMemberOf(invocation.Arguments[0].Value) is { } hello)
        {
            _helloMembers.Add(hello);
        }
    }

    private void AddConnect(ISymbol member, Witness witness)
    {
        _connectedMembers[member] = _connectedMembers.TryGetValue(member, out var existing) ? Witness.Join(existing, witness)! : witness;
    }

    private bool ConnectsAtCreation(IObjectCreationOperation creation)
    {
        if (Symbols.CapabilityOf(creation.Type) is not { ConnectionString: not ConnectionStringDefault.None } capability || creation.Arguments.Length == 0)
        {
            return false;
        }

        var value = creation.Arguments[0].Value.ConstantValue;
        if (!value.HasValue)
        {
            return capability.ConnectionString == ConnectionStringDefault.Connect;
        }

        return value.Value is string text && EndpointRules.SplitConnectionString(text, capability.ConnectionString)
            .Any(e => e.Method == AttachMethod.Connect && EndpointRules.Reconnects(EndpointRules.TransportOf(e.Endpoint)));
    }
}
