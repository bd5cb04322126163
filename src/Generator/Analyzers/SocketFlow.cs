using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lifeline.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Lifeline.Generator.Analyzers;

/// <summary>Whether a byte array assigned to an option is null.</summary>
internal enum Nullness
{
    NotNull,
    Null,
    MaybeNull,
}

/// <summary>The diagnostics of one type's analysis, one per id and location however many paths reach it.</summary>
internal sealed class Reports
{
    private readonly Dictionary<(string, Location), Diagnostic> _diagnostics = new();

    public IEnumerable<Diagnostic> All => _diagnostics.Values;

    public void Add(DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
    {
        if (!_diagnostics.ContainsKey((descriptor.Id, location)))
        {
            Add(Diagnostic.Create(descriptor, location, arguments));
        }
    }

    public void Add(Diagnostic diagnostic)
    {
        var key = (diagnostic.Id, diagnostic.Location);
        if (!_diagnostics.ContainsKey(key))
        {
            _diagnostics[key] = diagnostic;
        }
    }
}

/// <summary>
/// Follows each socket through a method's control-flow graph, and through the methods of the same type (and local
/// functions) it calls, from its creation or from what the method was given: which socket classes it may be,
/// whether it may have connected or bound before a lifecycle option was set, whether a hello was armed when it
/// connected. Loops, branches, early returns and handlers are followed; what a socket goes through in methods of
/// other types, in lambdas run later, or in calls deeper than <see cref="MaxDepth"/> is not.
/// </summary>
internal sealed class SocketFlow
{
    /// <summary>How deep calls into other methods of the type are followed.</summary>
    public const int MaxDepth = 4;

    // Bounds the work on one type, so that a pathological type cannot stall a build; past it, nothing more is reported.
    private const int Budget = 250_000;

    private readonly TypeBodies _type;
    private readonly NetMQSymbols _symbols;
    private readonly Reports _reports;
    private readonly HostedSockets _hosted;
    private readonly bool _rootIsEntryPoint;
    private readonly List<ISymbol> _following = new();
    private readonly Dictionary<int, List<Memo>> _memos;
    private readonly int[] _budget;

    private SocketFlow(TypeBodies type, Reports reports, HostedSockets hosted, bool rootIsEntryPoint, Dictionary<int, List<Memo>> memos, int[] budget)
    {
        _type = type;
        _symbols = type.Symbols;
        _reports = reports;
        _hosted = hosted;
        _rootIsEntryPoint = rootIsEntryPoint;
        _memos = memos;
        _budget = budget;
    }

    /// <summary>Analyses every body of the type as a root.</summary>
    public static void Analyze(TypeBodies type, Reports reports)
    {
        // Constructors first: every instance method runs after one of them, with the sockets they left in fields,
        // and every method after the static initialization, with the sockets it left in static fields.
        FlowState? afterConstruction = null;
        FlowState? afterStaticConstruction = null;
        var memos = new Dictionary<int, List<Memo>>();
        var budget = new[] { Budget };
        var hosted = new HostedSockets();
        if (!type.All.Any(b => IsConstructor(b) && b.Member.IsStatic) && type.Initializers(isStatic: true).Any())
        {
            var flow = new SocketFlow(type, reports, hosted, rootIsEntryPoint: false, memos, budget);
            afterStaticConstruction = new FlowState();
            foreach (var initializer in type.Initializers(isStatic: true))
            {
                afterStaticConstruction = flow.Run(initializer, afterStaticConstruction, report: false).Exit;
            }
        }

        // A type without a constructor of its own gets the implicit one, which runs the instance initializers (a
        // connection-string constructor there connects before any method runs).
        if (!type.All.Any(b => IsConstructor(b) && !b.Member.IsStatic) && type.Initializers(isStatic: false).Any())
        {
            var flow = new SocketFlow(type, reports, hosted, rootIsEntryPoint: false, memos, budget);
            afterConstruction = afterStaticConstruction is null ? new FlowState() : flow.Constructed(null, afterStaticConstruction);
            foreach (var initializer in type.Initializers(isStatic: false))
            {
                afterConstruction = flow.Run(initializer, afterConstruction, report: false).Exit;
            }
        }

        foreach (var body in type.All.Where(IsConstructor).OrderBy(b => b.Member.IsStatic ? 0 : 1).Concat(type.All.Where(b => !IsConstructor(b))))
        {
            var flow = new SocketFlow(type, reports, hosted, type.IsEntryPoint(body), memos, budget);
            var entry = IsConstructor(body) && !body.Member.IsStatic && afterStaticConstruction is not null
                ? flow.Constructed(null, afterStaticConstruction)
                : new FlowState();
            if (IsConstructor(body) && !ChainsToThis(body, type))
            {
                // Field and property initializers run before the constructor body.
                foreach (var initializer in type.Initializers(body.Member.IsStatic))
                {
                    entry = flow.Run(initializer, entry, report: false).Exit;
                }
            }
            else if (!IsConstructor(body) && !body.IsLambda && body.Member is IMethodSymbol method && flow._rootIsEntryPoint)
            {
                entry = flow.Constructed(method.IsStatic ? null : afterConstruction, afterStaticConstruction);
            }

            var exit = flow.Run(body, entry, report: true).Exit;
            if (IsConstructor(body))
            {
                var fields = exit.Clone();
                fields.Leave(body.Member, body.Graph);
                if (body.Member.IsStatic)
                {
                    afterStaticConstruction = fields;
                }
                else if (afterConstruction is null)
                {
                    afterConstruction = fields;
                }
                else
                {
                    afterConstruction.JoinWith(fields);
                }
            }
        }

        if (budget[0] > 0)
        {
            hosted.Report(reports);
        }
    }

    private static bool IsConstructor(Body body) =>
        !body.IsLambda && body.Member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor };

    /// <summary>
    /// The state a method that may run at any time starts in: the sockets the constructors left in instance fields
    /// and the static initialization in static fields, with the witnesses of what they did, but options unknown,
    /// since any other method may have run in between.
    /// </summary>
    private FlowState Constructed(FlowState? afterConstruction, FlowState? afterStaticConstruction)
    {
        var entry = new FlowState();
        Take(afterConstruction, isStatic: false);
        Take(afterStaticConstruction, isStatic: true);
        return entry;

        void Take(FlowState? constructed, bool isStatic)
        {
            if (constructed is null)
            {
                return;
            }

            foreach (var pair in constructed.Slots.Where(p => p.Key.IsMemberOfType && (p.Key.Root is null) != isStatic))
            {
                entry.Slots[pair.Key] = pair.Value;
                var armed = pair.Key.TypeMember is { } member ? _type.ConnectedWithHello(member) : null;
                foreach (var value in pair.Value)
                {
                    if (constructed.Sockets.TryGetValue(value.Socket, out var state))
                    {
                        entry.Sockets[value.Socket] = new SocketState(state.Types, OptionState.Unknown, OptionState.Unknown, state.AttachedWithoutHello, state.AttachedWithoutDisconnect, state.ArmedConnect ?? armed);
                    }
                }
            }
        }
    }

    private static bool ChainsToThis(Body body, TypeBodies type) =>
        body.Graph.OriginalOperation is IConstructorBodyOperation { Initializer: { } initializer }
        && initializer.DescendantsAndSelf().OfType<IInvocationOperation>().Any(i => i.TargetMethod.MethodKind == MethodKind.Constructor && SymbolEqualityComparer.Default.Equals(i.TargetMethod.ContainingType, type.Type));

    private (FlowState Exit, ImmutableHashSet<SocketValue>? Returned) Run(Body body, FlowState entry, bool report)
    {
        var blocks = body.Graph.Blocks;
        var entries = new FlowState?[blocks.Length];
        var exits = new FlowState?[blocks.Length];
        var visits = new int[blocks.Length];
        var pending = new SortedSet<int>();
        entries[0] = entry;
        pending.Add(0);

        do
        {
            while (pending.Count > 0 && _budget[0] > 0)
            {
                var ordinal = pending.Min;
                pending.Remove(ordinal);
                if (++visits[ordinal] > 50)
                {
                    continue;
                }

                var block = blocks[ordinal];
                var state = entries[ordinal]!.Clone();
                new Visitor(this, body, state, report: false).Transfer(block);
                exits[ordinal] = state;
                foreach (var branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
                {
                    if (branch?.Destination is { } destination && Merge(entries, destination.Ordinal, Narrow(body.Graph, block, branch, state)))
                    {
                        pending.Add(destination.Ordinal);
                    }
                }
            }
        }
        while (_budget[0] > 0 && SeedHandlers(body.Graph, entries, exits, pending));

        // The last pass reports, with the states the fixed point settled on.
        ImmutableHashSet<SocketValue>? returned = null;
        for (var ordinal = 0; ordinal < blocks.Length && _budget[0] > 0; ordinal++)
        {
            if (entries[ordinal] is not { } start)
            {
                continue;
            }

            var visitor = new Visitor(this, body, start.Clone(), report);
            visitor.Transfer(blocks[ordinal]);
            returned = Union(returned, visitor.Returned);
        }

        return (entries[blocks.Length - 1] ?? entry.Clone(), returned);
    }

    /// <summary>One run of a followed method: from which state, along which call path, to which state.</summary>
    private sealed class Memo
    {
        private readonly List<ISymbol> _path;
        private readonly bool _rootIsEntryPoint;

        public Memo(Body callee, FlowState entry, List<ISymbol> path, bool rootIsEntryPoint, FlowState exit, ImmutableHashSet<SocketValue>? returned, bool reported)
        {
            Callee = callee;
            Entry = entry;
            _path = path;
            _rootIsEntryPoint = rootIsEntryPoint;
            Exit = exit;
            Returned = returned;
            Reported = reported;
        }

        public Body Callee { get; }

        public FlowState Entry { get; }

        public FlowState Exit { get; }

        public ImmutableHashSet<SocketValue>? Returned { get; }

        /// <summary>Whether the run reported what it found; a run that did not is redone when reports are wanted.</summary>
        public bool Reported { get; }

        public bool Matches(Body callee, FlowState entry, List<ISymbol> path, bool rootIsEntryPoint) =>
            ReferenceEquals(Callee, callee) && _rootIsEntryPoint == rootIsEntryPoint
            && _path.SequenceEqual(path, SymbolEqualityComparer.Default) && Entry.SameAs(entry);
    }

    /// <summary>
    /// Along the edge where <c>socket is RouterSocket</c> holds, the socket is a ROUTER; along the other, it is not.
    /// Without this, a helper that guards an option with a type test would be blamed for the sockets it skips.
    /// </summary>
    private FlowState Narrow(ControlFlowGraph graph, BasicBlock block, ControlFlowBranch branch, FlowState state)
    {
        if (block.ConditionKind == ControlFlowConditionKind.None || block.BranchValue is not { } condition)
        {
            return state;
        }

        var holds = ReferenceEquals(branch, block.ConditionalSuccessor) == (block.ConditionKind == ControlFlowConditionKind.WhenTrue);
        var (value, tested) = condition switch
        {
            IIsTypeOperation test => (test.ValueOperand, test.TypeOperand),
            IIsPatternOperation { Pattern: ITypePatternOperation type } pattern => (pattern.Value, type.MatchedType),
            IIsPatternOperation { Pattern: IDeclarationPatternOperation declaration } pattern => (pattern.Value, declaration.MatchedType),
            IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: ITypePatternOperation type } } pattern => (pattern.Value, type.MatchedType),
            _ => (null, null),
        };
        if (condition is IIsPatternOperation { Pattern: INegatedPatternOperation })
        {
            holds = !holds;
        }

        if (value is null || _symbols.ExactCapabilityOf(tested) is not { } capability || SlotOf(value) is not { } slot || !state.Slots.TryGetValue(slot, out var values))
        {
            return state;
        }

        var narrowed = state.Clone();
        var kept = ImmutableHashSet<SocketValue>.Empty;
        foreach (var socket in values)
        {
            var types = narrowed.Sockets.TryGetValue(socket.Socket, out var known) ? known.Types : null;
            if (holds)
            {
                if (types is not null && !types.Contains(capability))
                {
                    continue;
                }

                if (known is not null)
                {
                    narrowed.Sockets[socket.Socket] = new SocketState(ImmutableHashSet.Create(capability), known.Hello, known.Disconnect, known.AttachedWithoutHello, known.AttachedWithoutDisconnect, known.ArmedConnect);
                }
            }
            else if (types is { Count: 1 } && types.Contains(capability))
            {
                continue;
            }

            kept = kept.Add(socket);
        }

        narrowed.Slots[slot] = kept;
        return narrowed;

        Slot? SlotOf(IOperation operation) => TypeBodies.Unwrap(operation) switch
        {
            ILocalReferenceOperation local => Slot.Of(local.Local),
            IParameterReferenceOperation parameter => Slot.Of(parameter.Parameter.OriginalDefinition),
            IFlowCaptureReferenceOperation capture => Slot.OfCapture(graph, capture.Id),
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Instance is null ? Slot.Of(field.Field.OriginalDefinition) : Slot.This.Member(field.Field.OriginalDefinition),
            _ => null,
        };
    }

    private static bool Merge(FlowState?[] entries, int ordinal, FlowState state)
    {
        if (entries[ordinal] is not { } existing)
        {
            entries[ordinal] = state.Clone();
            return true;
        }

        return existing.JoinWith(state);
    }

    /// <summary>
    /// Catch and finally blocks have no edges in the graph: an exception may leave the try block anywhere. They start
    /// from everything the try block may have been in.
    /// </summary>
    private static bool SeedHandlers(ControlFlowGraph graph, FlowState?[] entries, FlowState?[] exits, SortedSet<int> pending)
    {
        var seeded = false;
        foreach (var region in AllRegions(graph.Root))
        {
            if (region.Kind is not (ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally) || region.NestedRegions.Length < 2)
            {
                continue;
            }

            var tryRegion = region.NestedRegions[0];
            FlowState? inTry = null;
            for (var i = tryRegion.FirstBlockOrdinal; i <= tryRegion.LastBlockOrdinal; i++)
            {
                foreach (var state in new[] { entries[i], exits[i] })
                {
                    if (state is not null)
                    {
                        inTry ??= new FlowState();
                        inTry.JoinWith(state);
                    }
                }
            }

            if (inTry is null)
            {
                continue;
            }

            foreach (var handler in region.NestedRegions.Skip(1))
            {
                if (Merge(entries, handler.FirstBlockOrdinal, inTry))
                {
                    pending.Add(handler.FirstBlockOrdinal);
                    seeded = true;
                }
            }
        }

        return seeded;
    }

    private static IEnumerable<ControlFlowRegion> AllRegions(ControlFlowRegion region) =>
        new[] { region }.Concat(region.NestedRegions.SelectMany(AllRegions));

    private static ImmutableHashSet<SocketValue>? Union(ImmutableHashSet<SocketValue>? a, ImmutableHashSet<SocketValue>? b) =>
        a is null ? b : b is null ? a : a.Union(b);

    /// <summary>Runs the operations of one block over a state, reporting when asked to.</summary>
    private sealed class Visitor
    {
        private readonly SocketFlow _flow;
        private readonly Body _body;
        private readonly FlowState _state;
        private readonly bool _report;
        private readonly Stack<ImmutableHashSet<SocketValue>?> _implicitReceivers = new();

        public Visitor(SocketFlow flow, Body body, FlowState state, bool report)
        {
            _flow = flow;
            _body = body;
            _state = state;
            _report = report;
        }

        public ImmutableHashSet<SocketValue>? Returned { get; private set; }

        private NetMQSymbols Symbols => _flow._symbols;

        public void Transfer(BasicBlock block)
        {
            foreach (var operation in block.Operations)
            {
                Eval(operation);
            }

            if (block.BranchValue is { } branch)
            {
                var value = Eval(branch);
                if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
                {
                    Returned = Union(Returned, value);
                    if (_report && _flow._following.Count == 0 && value is not null)
                    {
                        // Whoever called the method may set options on what it returns.
                        _flow._hosted.Escaped(value);
                    }

                }
            }
        }

        private ImmutableHashSet<SocketValue>? Eval(IOperation? operation)
        {
            if (operation is null || --_flow._budget[0] <= 0)
            {
                return null;
            }

            switch (operation)
            {
                case IObjectCreationOperation creation:
                    return Create(creation);
                case IInvocationOperation invocation:
                    return Invoke(invocation);
                case ISimpleAssignmentOperation assignment:
                    return Assign(assignment);
                case IFlowCaptureOperation capture:
                {
                    var value = Eval(capture.Value);
                    Bind(Slot.OfCapture(_body.Graph, capture.Id), value, ConstantOf(capture.Value));
                    return null;
                }

                case IFlowCaptureReferenceOperation reference:
                    return Read(reference);
                case IConversionOperation conversion:
                    return Eval(conversion.Operand);
                case IParenthesizedOperation parenthesized:
                    return Eval(parenthesized.Operand);
                case IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation:
                    EscapeCaptured(operation.Syntax);
                    return null;
                case ILocalFunctionOperation:
                    return null;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } when _implicitReceivers.Count > 0:
                    return _implicitReceivers.Peek();
                case IMemberInitializerOperation member:
                {
                    var target = Eval(member.InitializedMember);
                    _implicitReceivers.Push(target);
                    Eval(member.Initializer);
                    _implicitReceivers.Pop();
                    return null;
                }

                case IIsPatternOperation pattern:
                {
                    var value = Eval(pattern.Value);
                    if (pattern.Pattern is IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local })
                    {
                        Bind(Slot.Of(local), value, default);
                    }

                    return null;
                }

                case IPropertyReferenceOperation property:
                {
                    var instance = Eval(property.Instance);
                    foreach (var argument in property.Arguments)
                    {
                        Eval(argument.Value);
                    }

                    if (Symbols.IsOptionsProperty(property.Property))
                    {
                        return instance?.Where(v => !v.IsOptions).Select(v => new SocketValue(v.Socket, isOptions: true)).ToImmutableHashSet();
                    }

                    return Read(property);
                }

                case IFieldReferenceOperation field:
                    Eval(field.Instance);
                    return Read(field);
                case ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation:
                    return Read(operation);
                default:
                    foreach (var child in operation.ChildOperations)
                    {
                        Eval(child);
                    }

                    return Symbols.IsSocket(operation.Type) ? Opaque(operation) : null;
            }
        }

        private ImmutableHashSet<SocketValue>? Create(IObjectCreationOperation creation)
        {
            var arguments = creation.Arguments.Select(a => Eval(a.Value)).ToList();
            if (!Symbols.IsSocket(creation.Type))
            {
                if (Symbols.IsHost(creation.Constructor) && arguments.Count >= 2 && arguments[0] is { } hostedSockets)
                {
                    if (_report && HostedHandler.Of(TypeBodies.Unwrap(creation.Arguments[1].Value).Type) is { } handler)
                    {
                        var routed = Symbols.CapabilityOf(creation.Constructor!.Parameters[0].Type) is { } kind && kind.CarriesRoutingId;
                        _flow._hosted.Hosted(hostedSockets, handler, creation.Arguments[1].Value.Syntax.GetLocation(), TypeBodies.Short(creation.Arguments[0].Value.Syntax), routed);
                    }
                }
                else if (!Symbols.IsLibrary(creation.Constructor))
                {
                    Escape(creation.Arguments.Select(a => a.Value), arguments);
                }

                Eval(creation.Initializer);
                return null;
            }

            var capability = Symbols.CapabilityOf(creation.Type);
            var socket = SocketObject.Created(creation.Syntax);
            _state.Sockets[socket] = SocketState.Fresh(capability is null ? null : ImmutableHashSet.Create(capability));
            var value = ImmutableHashSet.Create(new SocketValue(socket, isOptions: false));

            // NetMQ's connection-string constructors bind or connect before the constructor returns.
            if (creation.Constructor is { } constructor && Symbols.ExactCapabilityOf(constructor.ContainingType) is { ConnectionString: not ConnectionStringDefault.None } own
                && creation.Arguments.Length > 0 && creation.Arguments[0].ArgumentKind == ArgumentKind.Explicit)
            {
                var argument = creation.Arguments[0].Value;
                var text = ConstantOf(argument);
                var location = argument.Syntax.GetLocation();
                if (!text.HasValue)
                {
                    var method = own.ConnectionString == ConnectionStringDefault.Bind ? AttachMethod.Bind : AttachMethod.Connect;
                    Attach(value, method, null, location, CreationWitness(creation, method), creation.Type);
                }
                else if (text.Value is string connectionString)
                {
                    foreach (var (endpoint, method) in EndpointRules.SplitConnectionString(connectionString, own.ConnectionString))
                    {
                        Attach(value, method, endpoint, location, CreationWitness(creation, method), creation.Type);
                    }
                }
            }

            if (creation.Initializer is { } initializer)
            {
                _implicitReceivers.Push(value);
                Eval(initializer);
                _implicitReceivers.Pop();
            }

            return value;
        }

        private Witness CreationWitness(IObjectCreationOperation creation, AttachMethod method) =>
            new($"'{TypeBodies.Short(creation.Syntax)}', whose connection string {(method == AttachMethod.Bind ? "binds" : "connects")} at once", _body.Member, creation.Syntax.SpanStart);

        private ImmutableHashSet<SocketValue>? Invoke(IInvocationOperation invocation)
        {
            var instance = Eval(invocation.Instance);
            var arguments = new ImmutableHashSet<SocketValue>?[invocation.Arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = Eval(invocation.Arguments[i].Value);
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref && PathOf(argument.Value) is { } written)
                {
                    // A socket written through ref or out (Interlocked.Exchange(ref _dealer, new DealerSocket())) is
                    // one the analysis knows nothing of, not the field's earlier socket.
                    _state.Invalidate(written);
                    if (Symbols.IsSocket(argument.Value.Type))
                    {
                        _state.Slots[written] = Opaque(argument.Value);
                    }
                }
            }

            var method = invocation.TargetMethod;
            if (Symbols.AttachOf(method) is { } attach && invocation.Instance is { } socket)
            {
                var endpoint = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
                var text = endpoint is null ? default : ConstantOf(endpoint);
                var witness = new Witness($"'{TypeBodies.Short(socket.Syntax)}.{method.Name}'", _body.Member, invocation.Syntax.SpanStart);
                Attach(instance ?? Opaque(socket), attach, text.HasValue ? text.Value as string : null, (endpoint ?? invocation).Syntax.GetLocation(), witness, socket.Type);
                return null;
            }

            if (Symbols.TypedSetterOf(method) is { } option && invocation.Arguments.Length > 0)
            {
                var record = method.TypeArguments.FirstOrDefault() ?? (invocation.Arguments.Length > 1 ? invocation.Arguments[1].Value.Type : null);
                SetOption(arguments[0] ?? Opaque(invocation.Arguments[0].Value), isOptions: false, option, Nullness.NotNull, WithConditionalAccess(invocation.Syntax).GetLocation(), method.Name, invocation.Arguments[0].Value, record: record);
                return null;
            }

            if (invocation.Instance is { } closed && (Symbols.IsClose(method) || method is { Name: "Dispose", Parameters.Length: 0 } && Symbols.IsSocket(closed.Type)))
            {
                // A closed socket's connections are gone; recreating it starts afresh.
                foreach (var value in instance ?? ImmutableHashSet<SocketValue>.Empty)
                {
                    _state.Sockets[value.Socket] = StateOf(value.Socket).WithWitnesses(null, null, null);
                }

                return null;
            }

            if (Follow(invocation, arguments) is { } followed)
            {
                return followed.Returned ?? (Symbols.IsSocket(invocation.Type) ? Opaque(invocation) : null);
            }

            // Disposing (a 'using' calls it through IDisposable) sets no option.
            if (!Symbols.IsLibrary(method) && method is not { Name: "Dispose" or "DisposeAsync", Parameters.Length: 0 })
            {
                Escape(invocation.Arguments.Select(a => a.Value).Concat(invocation.Instance is null ? Enumerable.Empty<IOperation>() : new[] { invocation.Instance }), arguments.Append(instance));
            }

            return Symbols.IsSocket(invocation.Type) ? Opaque(invocation) : null;
        }

        /// <summary>Runs a method of the same type, or a local function, in the caller's state.</summary>
        private (FlowState Exit, ImmutableHashSet<SocketValue>? Returned)? Follow(IInvocationOperation invocation, ImmutableHashSet<SocketValue>?[] arguments)
        {
            var method = invocation.TargetMethod;
            var onThis = method.IsStatic || method.MethodKind == MethodKind.LocalFunction
                         || invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
            if (!onThis || _flow._type.Find(method) is not { } callee || _flow._following.Count >= MaxDepth
                || _flow._following.Contains(method.OriginalDefinition, SymbolEqualityComparer.Default))
            {
                return null;
            }

            var entry = _state.Clone();
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                if (invocation.Arguments[i].Parameter is not { } parameter)
                {
                    continue;
                }

                var slot = Slot.Of(parameter.OriginalDefinition);
                entry.Invalidate(slot);
                if (arguments[i] is { Count: > 0 } value)
                {
                    entry.Slots[slot] = value;
                }

                if (ConstantOf(invocation.Arguments[i].Value) is { HasValue: true } constant)
                {
                    entry.Constants[slot] = new Constant(constant.Value);
                }
            }

            // The same method from the same state along the same call path does the same: reuse its run.
            var fingerprint = entry.Fingerprint() ^ (_flow._following.Count * 7919) ^ callee.Graph.GetHashCode() ^ (_flow._rootIsEntryPoint ? 1 : 0);
            if (!_flow._memos.TryGetValue(fingerprint, out var memos))
            {
                _flow._memos[fingerprint] = memos = new List<Memo>();
            }

            var memo = memos.FirstOrDefault(m => m.Matches(callee, entry, _flow._following, _flow._rootIsEntryPoint));
            (FlowState Exit, ImmutableHashSet<SocketValue>? Returned) result;
            if (memo is not null && (memo.Reported || !_report))
            {
                result = (memo.Exit.Clone(), memo.Returned);
            }
            else
            {
                var key = entry.Clone();
                _flow._following.Add(method.OriginalDefinition);
                result = _flow.Run(callee, entry, _report);
                _flow._following.RemoveAt(_flow._following.Count - 1);
                if (memo is not null)
                {
                    memos.Remove(memo);
                }

                memos.Add(new Memo(callee, key, _flow._following.ToList(), _flow._rootIsEntryPoint, result.Exit.Clone(), result.Returned, _report));
            }

            result.Exit.Leave(callee.Member, callee.Graph);
            _state.Slots.Clear();
            _state.Sockets.Clear();
            _state.Constants.Clear();
            var exit = result.Exit;
            foreach (var pair in exit.Slots)
            {
                _state.Slots.Add(pair.Key, pair.Value);
            }

            foreach (var pair in exit.Sockets)
            {
                _state.Sockets.Add(pair.Key, pair.Value);
            }

            foreach (var pair in exit.Constants)
            {
                _state.Constants.Add(pair.Key, pair.Value);
            }

            return result;
        }

        private ImmutableHashSet<SocketValue>? Assign(ISimpleAssignmentOperation assignment)
        {
            var assigned = assignment.Target is IFlowCaptureReferenceOperation captured && _body.Captured(captured.Id) is IPropertyReferenceOperation capturedTarget
                ? capturedTarget
                : assignment.Target;
            if (assigned is IPropertyReferenceOperation option && Symbols.OptionOf(option.Property) is { } kind)
            {
                var options = Eval(option.Instance);
                Eval(assignment.Value);
                var socketExpression = option.Instance is IPropertyReferenceOperation { Instance: { } owner } ? owner : null;
                SetOption(options ?? ImmutableHashSet<SocketValue>.Empty, isOptions: true, kind, NullnessOf(assignment.Value), option.Syntax.GetLocation(), "Options." + option.Property.Name, socketExpression, assignment.Value);
                return null;
            }

            switch (assignment.Target)
            {
                case IFieldReferenceOperation field:
                    Eval(field.Instance);
                    break;
                case IPropertyReferenceOperation property:
                    Eval(property.Instance);
                    break;
            }

            var value = Eval(assignment.Value);
            var target = PathOf(assignment.Target);
            if (target is not null)
            {
                Bind(target, value, ConstantOf(assignment.Value));
            }

            if (_report && value is { Count: > 0 })
            {
                if (target?.TypeMember is { } member)
                {
                    _flow._hosted.Stored(value, member);
                }
                else if (target is null || !(target.IsCapture || target.Members.IsEmpty && target.Root is ILocalSymbol))
                {
                    // Into an element, or a member of another object: the analysis no longer sees what happens to it.
                    _flow._hosted.Escaped(value);
                }
            }

            return value;
        }

        /// <summary>
        /// Sockets handed to code the analysis does not follow: given as arguments, or reachable through an argument's
        /// members (<c>Configure(holder)</c> with the socket in <c>holder.Socket</c>).
        /// </summary>
        private void Escape(IEnumerable<IOperation> operations, IEnumerable<ImmutableHashSet<SocketValue>?> values)
        {
            if (!_report)
            {
                return;
            }

            foreach (var value in values)
            {
                if (value is not null)
                {
                    _flow._hosted.Escaped(value);
                }
            }

            foreach (var operation in operations)
            {
                // 'this' given away (a base constructor, Register(this)) reaches only members other code can see, and
                // sockets in those count as escaped already.
                if (TypeBodies.Unwrap(operation) is not IInstanceReferenceOperation && PathOf(operation) is { IsCapture: false } path)
                {
                    EscapeReachable(path);
                }
            }
        }

        private void EscapeReachable(Slot path)
        {
            foreach (var pair in _state.Slots.Where(p => path.IsPrefixOf(p.Key)).ToList())
            {
                _flow._hosted.Escaped(pair.Value);
            }
        }

        /// <summary>A lambda may run at any time, with whatever sockets it captures.</summary>
        private void EscapeCaptured(SyntaxNode lambda)
        {
            if (!_report || _body.Model is not { } model || lambda.SyntaxTree != model.SyntaxTree
                || !_state.Slots.Values.Any(values => values.Any(v => v.Socket.Kind == ObjectKind.Created)))
            {
                return;
            }

            foreach (var name in lambda.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol;
                var slot = symbol switch
                {
                    ILocalSymbol local => Slot.Of(local),
                    IParameterSymbol parameter => Slot.Of(parameter.OriginalDefinition),
                    IFieldSymbol or IPropertySymbol when symbol.IsStatic => Slot.Of(symbol.OriginalDefinition),
                    IFieldSymbol or IPropertySymbol => Slot.This.Member(symbol.OriginalDefinition),
                    _ => null,
                };
                if (slot is not null)
                {
                    EscapeReachable(slot);
                }
            }
        }

        private void Bind(Slot slot, ImmutableHashSet<SocketValue>? value, Optional<object?> constant)
        {
            _state.Invalidate(slot);
            if (value is { Count: > 0 })
            {
                _state.Slots[slot] = value;
            }

            if (constant.HasValue)
            {
                _state.Constants[slot] = new Constant(constant.Value);
            }
        }

        private void Attach(ImmutableHashSet<SocketValue> sockets, AttachMethod method, string? endpoint, Location endpointLocation, Witness witness, ITypeSymbol? staticType)
        {
            string? transport = null;
            if (endpoint is not null)
            {
                if (EndpointRules.Validate(endpoint, method, out transport) is { } problem)
                {
                    Report(DiagnosticDescriptors.InvalidEndpoint, endpointLocation, endpoint, problem);
                }
            }

            var values = sockets.Where(v => !v.IsOptions).ToList();
            var types = TypesOf(values, staticType);
            if (transport is not null && types is { Count: > 0 } && types.All(t => EndpointRules.RejectedTransport(transport, t) is not null))
            {
                Report(DiagnosticDescriptors.TransportNotSupported, endpointLocation, endpoint, transport, Names(types), EndpointRules.RejectedTransport(transport, types.First()));
            }
            else if (transport == "udp" && values.Any(v => IsSet(StateOf(v.Socket).Hello) && (types is null || types.Any(t => t.SendsHello)) || IsSet(StateOf(v.Socket).Disconnect)))
            {
                Report(DiagnosticDescriptors.LifecycleOverUdp, endpointLocation, endpoint);
            }

            if (_report)
            {
                _flow._hosted.Attached(values);
            }

            foreach (var value in values)
            {
                var state = StateOf(value.Socket);
                var withoutHello = state.AttachedWithoutHello ?? (state.Hello.HasFlag(OptionState.MayUnset) ? witness : null);
                var withoutDisconnect = state.AttachedWithoutDisconnect ?? (state.Disconnect.HasFlag(OptionState.MayUnset) ? witness.WithTransport(transport) : null);
                var reconnects = method is AttachMethod.Connect or AttachMethod.ConnectPeer && EndpointRules.Reconnects(transport);
                var armed = state.ArmedConnect ?? (reconnects && state.Hello.HasFlag(OptionState.MaySet) ? witness : null);
                _state.Sockets[value.Socket] = state.WithWitnesses(withoutHello, withoutDisconnect, armed);
            }
        }

        private static bool IsSet(OptionState state) => state == OptionState.MaySet;

        /// <summary>'d?.SetHelloMessage(...)' whole: the invocation alone is '.SetHelloMessage(...)'.</summary>
        private static SyntaxNode WithConditionalAccess(SyntaxNode syntax)
        {
            while (syntax.Parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull == syntax)
            {
                syntax = access;
            }

            return syntax;
        }

        /// <summary>new byte[0], new byte[] { }, Array.Empty&lt;byte&gt;(), [].</summary>
        private static bool IsEmptyArray(IOperation value) => TypeBodies.Unwrap(value) switch
        {
            { Syntax: CollectionExpressionSyntax { Elements.Count: 0 } } => true,
            IArrayCreationOperation { Initializer: { ElementValues.Length: 0 } } => true,
            IArrayCreationOperation { Initializer: null, DimensionSizes.Length: 1 } creation => creation.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 },
            IInvocationOperation { TargetMethod: { Name: "Empty", ContainingType: { Name: "Array", ContainingNamespace.Name: "System" } } } => true,
            _ => false,
        };

        private void SetOption(ImmutableHashSet<SocketValue> targets, bool isOptions, LifecycleOption option, Nullness nullness, Location location, string name, IOperation? socketExpression, IOperation? assigned = null, ITypeSymbol? record = null)
        {
            var values = targets.Where(v => v.IsOptions == isOptions).ToList();
            if (values.Count == 0 && socketExpression is not null)
            {
                values = Opaque(socketExpression).ToList();
            }

            if (_report && option == LifecycleOption.Disconnect && nullness != Nullness.Null)
            {
                _flow._hosted.DisconnectSet(values, record);
            }

            var types = TypesOf(values, socketExpression?.Type);
            if (isOptions && nullness != Nullness.Null && types is { Count: > 0 })
            {
                if (option == LifecycleOption.Disconnect && types.All(t => t.Disconnect != DisconnectSupport.Generated))
                {
                    var rejected = types.Any(t => t.Disconnect == DisconnectSupport.Rejected);
                    Report(rejected ? DiagnosticDescriptors.DisconnectThrows : DiagnosticDescriptors.DisconnectNeverDelivered, location, Names(types), SocketCapabilities.DisconnectGenerators);
                }
                else if (option == LifecycleOption.Hello && types.All(t => !t.SendsHello))
                {
                    Report(DiagnosticDescriptors.HelloIgnored, location, Names(types), SocketCapabilities.WhyNoHello(types.First()));
                }
            }

            if (option == LifecycleOption.Disconnect && assigned is not null && IsEmptyArray(assigned)
                && (types is not { Count: > 0 } || types.Any(t => t.Disconnect == DisconnectSupport.Generated)))
            {
                Report(DiagnosticDescriptors.EmptyDisconnect, location);
            }

            foreach (var value in values)
            {
                var state = StateOf(value.Socket);
                var honoured = types is not { Count: > 0 } || types.Any(t => option == LifecycleOption.Hello ? t.SendsHello : t.Disconnect == DisconnectSupport.Generated);
                if (honoured)
                {
                    if (option == LifecycleOption.Hello && nullness != Nullness.NotNull && state.ArmedConnect is { } armed)
                    {
                        var what = nullness == Nullness.Null ? "The hello is cleared" : "The hello may be cleared (the value assigned can be null)";
                        Report(DiagnosticDescriptors.HelloClearedAfterConnect, location, what, armed.Describe(_body.Member));
                    }
                    else if (nullness != Nullness.Null && state.AttachedWithout(option) is { } attached)
                    {
                        var consequence = option == LifecycleOption.Hello ? "never send it" : attached.Transport switch
                        {
                            // NetMQ's sessions read the socket's options when a tcp or ipc connection ends.
                            "tcp" or "ipc" => "generate it only if they end after this line (a peer that leaves before gets none)",
                            "inproc" => "never generate it (over inproc NetMQ fixes it when the peer connects)",
                            _ => "may never generate it",
                        };
                        Report(DiagnosticDescriptors.OptionAfterConnect, location, name, attached.Describe(_body.Member), consequence);
                    }
                }

                var set = nullness switch
                {
                    Nullness.Null => OptionState.MayUnset,
                    Nullness.NotNull => OptionState.MaySet,
                    _ => OptionState.Unknown,
                };
                _state.Sockets[value.Socket] = state.With(option, values.Count == 1 ? set : state.Get(option) | set);
            }
        }

        /// <summary>The socket classes any of <paramref name="values"/> may be, or null when one of them is not known.</summary>
        private ImmutableHashSet<SocketCapability>? TypesOf(IReadOnlyCollection<SocketValue> values, ITypeSymbol? staticType)
        {
            // The static type, when it is a socket class, holds whatever the flow says.
            if (Symbols.CapabilityOf(staticType) is { } capability)
            {
                return ImmutableHashSet.Create(capability);
            }

            var types = ImmutableHashSet<SocketCapability>.Empty;
            foreach (var value in values)
            {
                if (StateOf(value.Socket).Types is not { } known)
                {
                    return null;
                }

                types = types.Union(known);
            }

            return types.Count == 0 ? null : types;
        }

        /// <summary>"a DealerSocket", "an XPublisherSocket or a PushSocket", for messages.</summary>
        private static string Names(ImmutableHashSet<SocketCapability> types) =>
            string.Join(" or ", types.Select(t => t.ClassName).OrderBy(n => n, System.StringComparer.Ordinal).Select(n => ("AEIOUX".IndexOf(n[0]) >= 0 ? "an " : "a ") + n));

        private SocketState StateOf(SocketObject socket)
        {
            if (!_state.Sockets.TryGetValue(socket, out var state))
            {
                state = SocketState.Unknown(null, null);
                _state.Sockets[socket] = state;
            }

            return state;
        }

        private ImmutableHashSet<SocketValue> Opaque(IOperation operation)
        {
            var socket = SocketObject.Opaque(operation.Syntax);
            var capability = Symbols.CapabilityOf(operation.Type);
            _state.Sockets[socket] = SocketState.Unknown(capability is null ? null : ImmutableHashSet.Create(capability), null);
            return ImmutableHashSet.Create(new SocketValue(socket, isOptions: false));
        }

        /// <summary>What a slot holds; a socket slot read before anything was put in it is a socket from outside.</summary>
        private ImmutableHashSet<SocketValue>? Read(IOperation operation)
        {
            if (PathOf(operation) is not { } slot)
            {
                return Symbols.IsSocket(operation.Type) ? Opaque(operation) : null;
            }

            if (_state.Slots.TryGetValue(slot, out var value))
            {
                return value;
            }

            if (!Symbols.IsSocket(operation.Type))
            {
                return null;
            }

            var socket = SocketObject.External(slot);
            if (!_state.Sockets.ContainsKey(socket))
            {
                var member = slot.TypeMember;
                var types = Symbols.CapabilityOf(operation.Type) is { } capability
                    ? ImmutableHashSet.Create(capability)
                    : member is not null ? _flow._type.TypesOf(member)
                    : slot.Root is IParameterSymbol parameter && HookedSocket(parameter) is { } hooked ? ImmutableHashSet.Create(hooked)
                    : null;
                var armed = _flow._rootIsEntryPoint && member is not null ? _flow._type.ConnectedWithHello(member) : null;
                _state.Sockets[socket] = SocketState.Unknown(types, armed);
            }

            value = ImmutableHashSet.Create(new SocketValue(socket, isOptions: false));
            _state.Slots[slot] = value;
            return value;
        }

        /// <summary>
        /// The socket class a lambda's parameter is when the lambda is Lifeline.Hosting's <c>ConfigureSocket</c> hook:
        /// the hosted ROUTER or DEALER, which the hook's <c>NetMQSocket</c> parameter does not say.
        /// </summary>
        private SocketCapability? HookedSocket(IParameterSymbol parameter)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda
                || _body.Model is not { } model
                || lambda.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not { } syntax
                || syntax.SyntaxTree != model.SyntaxTree
                || syntax.Parent is not AssignmentExpressionSyntax { Left: var target } assignment
                || !ReferenceEquals(assignment.Right, syntax)
                || model.GetSymbolInfo(target).Symbol is not IPropertySymbol { Name: "ConfigureSocket" } hook
                || !SymbolEqualityComparer.Default.Equals(hook.ContainingType, Symbols.HostingSocketOptions))
            {
                return null;
            }

            // o.ConfigureSocket = ..., or ConfigureSocket = ... in an object initializer of the options.
            var options = target is MemberAccessExpressionSyntax access ? model.GetTypeInfo(access.Expression).Type
                : assignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation } ? model.GetTypeInfo(creation).Type
                : null;
            return Symbols.HostedSocketOf(options);
        }

        private Slot? PathOf(IOperation operation)
        {
            operation = TypeBodies.Unwrap(operation);
            return operation switch
            {
                ILocalReferenceOperation local => Slot.Of(local.Local),
                IParameterReferenceOperation parameter => Slot.Of(parameter.Parameter.OriginalDefinition),
                IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => Slot.This,
                IFlowCaptureReferenceOperation capture => Slot.OfCapture(_body.Graph, capture.Id),
                IFieldReferenceOperation field => field.Instance is null ? Slot.Of(field.Field.OriginalDefinition) : PathOf(field.Instance)?.Member(field.Field.OriginalDefinition),
                IPropertyReferenceOperation { Arguments.Length: 0 } property when !Symbols.IsOptionsProperty(property.Property) =>
                    property.Instance is null ? Slot.Of(property.Property.OriginalDefinition) : PathOf(property.Instance)?.Member(property.Property.OriginalDefinition),
                _ => null,
            };
        }

        private Optional<object?> ConstantOf(IOperation operation)
        {
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue;
            }

            var unwrapped = TypeBodies.Unwrap(operation);
            if (unwrapped.ConstantValue.HasValue)
            {
                return unwrapped.ConstantValue;
            }

            if (unwrapped is IDefaultValueOperation { Type.IsReferenceType: true })
            {
                return new Optional<object?>(null);
            }

            if (PathOf(unwrapped) is not { } slot)
            {
                return default;
            }

            if (_state.Constants.TryGetValue(slot, out var constant))
            {
                return new Optional<object?>(constant.Value);
            }

            return slot.TypeMember is { } member && _flow._type.ConstantOf(member) is { } fixedValue ? new Optional<object?>(fixedValue) : default;
        }

        private Nullness NullnessOf(IOperation value)
        {
            var constant = ConstantOf(value);
            if (constant.HasValue)
            {
                return constant.Value is null ? Nullness.Null : Nullness.NotNull;
            }

            var syntax = TypeBodies.Unwrap(value).Syntax;
            var model = _body.Model;
            if (model is not null && syntax is ExpressionSyntax && syntax.SyntaxTree == model.SyntaxTree
                && model.GetTypeInfo(syntax).Nullability.FlowState == NullableFlowState.MaybeNull)
            {
                return Nullness.MaybeNull;
            }

            return Nullness.NotNull;
        }

        private void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
        {
            if (_report)
            {
                _flow._reports.Add(descriptor, location, arguments);
            }
        }
    }
}
