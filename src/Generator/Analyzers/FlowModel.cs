using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Lifeline.Generator.Analyzers;

/// <summary>
/// Where a value lives: a local, parameter, field or property, possibly reached through members
/// (<c>conn.Socket</c>, <c>this._dealer</c>), or one of the control-flow graph's captures.
/// </summary>
internal sealed class Slot : IEquatable<Slot>
{
    private readonly int _hash;

    private Slot(ISymbol? root, ImmutableArray<ISymbol> members, object? graph, int capture)
    {
        Root = root;
        Members = members;
        Graph = graph;
        Capture = capture;
        var hash = (SymbolEqualityComparer.Default.GetHashCode(root) * 31) + capture;
        foreach (var member in members)
        {
            hash = (hash * 31) + SymbolEqualityComparer.Default.GetHashCode(member);
        }

        _hash = hash;
    }

    /// <summary>The local, parameter or static member the path starts at; null for <c>this</c> or a capture.</summary>
    public ISymbol? Root { get; }

    public ImmutableArray<ISymbol> Members { get; }

    /// <summary>The graph of a capture slot, null for a path.</summary>
    public object? Graph { get; }

    public int Capture { get; }

    public bool IsCapture => Graph is not null;

    /// <summary>A path that starts at <c>this</c> or at a static member: state that outlives one method call.</summary>
    public bool IsMemberOfType => !IsCapture && (Root is null || Root is IFieldSymbol or IPropertySymbol);

    /// <summary>The field or property this path ends at, when it is <c>this.X</c> or a static X.</summary>
    public ISymbol? TypeMember => IsCapture ? null : Root is null ? (Members.Length == 1 ? Members[0] : null) : Members.IsEmpty && Root is IFieldSymbol or IPropertySymbol ? Root : null;

    public static Slot This { get; } = new(null, ImmutableArray<ISymbol>.Empty, null, 0);

    public static Slot Of(ISymbol root) => new(root, ImmutableArray<ISymbol>.Empty, null, 0);

    public static Slot OfCapture(ControlFlowGraph graph, CaptureId id) => new(null, ImmutableArray<ISymbol>.Empty, graph, id.GetHashCode());

    public Slot Member(ISymbol member) => new(Root, Members.Add(member), Graph, Capture);

    /// <summary>Whether <paramref name="other"/> is this path or reached through it.</summary>
    public bool IsPrefixOf(Slot other)
    {
        if (IsCapture || other.IsCapture || !SymbolEqualityComparer.Default.Equals(Root, other.Root) || Members.Length > other.Members.Length)
        {
            return false;
        }

        for (var i = 0; i < Members.Length; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(Members[i], other.Members[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the path starts at a local or parameter of <paramref name="method"/>, or is a capture of its graph.</summary>
    public bool BelongsTo(ISymbol method, object graph) =>
        ReferenceEquals(Graph, graph) || Root is ILocalSymbol or IParameterSymbol && SymbolEqualityComparer.Default.Equals(Root.ContainingSymbol, method);

    public bool Equals(Slot? other) =>
        other is not null && _hash == other._hash && ReferenceEquals(Graph, other.Graph) && Capture == other.Capture
        && SymbolEqualityComparer.Default.Equals(Root, other.Root) && Members.SequenceEqual(other.Members, SymbolEqualityComparer.Default);

    public override bool Equals(object? obj) => Equals(obj as Slot);

    public override int GetHashCode() => _hash;
}

internal enum ObjectKind
{
    /// <summary>Created by a <c>new</c> in the analysed code: one abstract object per creation site.</summary>
    Created,

    /// <summary>Already there when the analysed method started, reached through a slot.</summary>
    External,

    /// <summary>Returned by a call the analysis does not follow.</summary>
    Opaque,
}

/// <summary>An abstract socket: what a slot may point to.</summary>
internal sealed class SocketObject : IEquatable<SocketObject>
{
    private SocketObject(ObjectKind kind, SyntaxNode? site, Slot? path)
    {
        Kind = kind;
        Site = site;
        Path = path;
    }

    public ObjectKind Kind { get; }

    public SyntaxNode? Site { get; }

    public Slot? Path { get; }

    public static SocketObject Created(SyntaxNode site) => new(ObjectKind.Created, site, null);

    public static SocketObject Opaque(SyntaxNode site) => new(ObjectKind.Opaque, site, null);

    public static SocketObject External(Slot path) => new(ObjectKind.External, null, path);

    public bool Equals(SocketObject? other) =>
        other is not null && Kind == other.Kind && ReferenceEquals(Site, other.Site) && Equals(Path, other.Path);

    public override bool Equals(object? obj) => Equals(obj as SocketObject);

    public override int GetHashCode() => ((int)Kind * 397) ^ (Site?.GetHashCode() ?? 0) ^ (Path?.GetHashCode() ?? 0);
}

/// <summary>A socket, or its <c>Options</c> object.</summary>
internal readonly struct SocketValue : IEquatable<SocketValue>
{
    public SocketValue(SocketObject socket, bool isOptions)
    {
        Socket = socket;
        IsOptions = isOptions;
    }

    public SocketObject Socket { get; }

    public bool IsOptions { get; }

    public bool Equals(SocketValue other) => IsOptions == other.IsOptions && Socket.Equals(other.Socket);

    public override bool Equals(object? obj) => obj is SocketValue other && Equals(other);

    public override int GetHashCode() => Socket.GetHashCode() ^ (IsOptions ? 1 : 0);
}

/// <summary>An earlier Connect or Bind that a later option set is reported against.</summary>
internal sealed class Witness : IEquatable<Witness>
{
    public Witness(string text, ISymbol member, int order, string? transport = null)
    {
        Text = text;
        Member = member;
        Order = order;
        Transport = transport;
    }

    /// <summary>The transport of the endpoint attached, when it is a constant: what NetMQ does next depends on it.</summary>
    public string? Transport { get; }

    public Witness WithTransport(string? transport) => transport == Transport ? this : new Witness(Text, Member, Order, transport);

    /// <summary>"'dealer.Connect'", or a constructor whose connection string connects.</summary>
    public string Text { get; }

    /// <summary>The method it happened in, named in messages when that is not the method of the report.</summary>
    public ISymbol Member { get; }

    public int Order { get; }

    public static Witness? Join(Witness? a, Witness? b) => a is null ? b : b is null ? a : b.Order < a.Order ? b : a;

    public string Describe(ISymbol reportedIn) =>
        SymbolEqualityComparer.Default.Equals(Member, reportedIn) ? Text : $"{Text} in '{MemberName(Member)}'";

    public bool Equals(Witness? other) =>
        other is not null && Order == other.Order && Text == other.Text && Transport == other.Transport && SymbolEqualityComparer.Default.Equals(Member, other.Member);

    public override bool Equals(object? obj) => Equals(obj as Witness);

    public override int GetHashCode() => Order ^ Text.GetHashCode();

    public static string MemberName(ISymbol member) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ctor => ctor.ContainingType.Name + " constructor",
        IMethodSymbol { AssociatedSymbol: { } property } => property.Name,
        _ => member.Name,
    };
}

/// <summary>Whether an option may be set and may be unset at a point of the program: both when nothing is known.</summary>
[Flags]
internal enum OptionState : byte
{
    None = 0,
    MaySet = 1,
    MayUnset = 2,
    Unknown = MaySet | MayUnset,
}

/// <summary>What is known of one abstract socket at a point of the program.</summary>
internal sealed class SocketState : IEquatable<SocketState>
{
    public SocketState(ImmutableHashSet<SocketCapability>? types, OptionState hello, OptionState disconnect, Witness? attachedWithoutHello, Witness? attachedWithoutDisconnect, Witness? armedConnect)
    {
        Types = types;
        Hello = hello;
        Disconnect = disconnect;
        AttachedWithoutHello = attachedWithoutHello;
        AttachedWithoutDisconnect = attachedWithoutDisconnect;
        ArmedConnect = armedConnect;
    }

    /// <summary>The socket classes it may be; null when not known.</summary>
    public ImmutableHashSet<SocketCapability>? Types { get; }

    public OptionState Hello { get; }

    public OptionState Disconnect { get; }

    /// <summary>A Connect or Bind made while the hello may not have been set: those connections never send it.</summary>
    public Witness? AttachedWithoutHello { get; }

    /// <summary>A Connect or Bind made while the disconnect message may not have been set.</summary>
    public Witness? AttachedWithoutDisconnect { get; }

    /// <summary>A reconnecting Connect (tcp, ipc or unknown) made while a hello may have been set: clearing it now crashes.</summary>
    public Witness? ArmedConnect { get; }

    public static SocketState Fresh(ImmutableHashSet<SocketCapability>? types) =>
        new(types, OptionState.MayUnset, OptionState.MayUnset, null, null, null);

    public static SocketState Unknown(ImmutableHashSet<SocketCapability>? types, Witness? armedConnect) =>
        new(types, OptionState.Unknown, OptionState.Unknown, null, null, armedConnect);

    public OptionState Get(LifecycleOption option) => option == LifecycleOption.Hello ? Hello : Disconnect;

    public Witness? AttachedWithout(LifecycleOption option) => option == LifecycleOption.Hello ? AttachedWithoutHello : AttachedWithoutDisconnect;

    public SocketState With(LifecycleOption option, OptionState value) => option == LifecycleOption.Hello
        ? new(Types, value, Disconnect, AttachedWithoutHello, AttachedWithoutDisconnect, ArmedConnect)
        : new(Types, Hello, value, AttachedWithoutHello, AttachedWithoutDisconnect, ArmedConnect);

    public SocketState WithWitnesses(Witness? withoutHello, Witness? withoutDisconnect, Witness? armed) =>
        new(Types, Hello, Disconnect, withoutHello, withoutDisconnect, armed);

    public SocketState Join(SocketState other) => new(
        Types is null || other.Types is null ? null : Types.Union(other.Types),
        Hello | other.Hello,
        Disconnect | other.Disconnect,
        Witness.Join(AttachedWithoutHello, other.AttachedWithoutHello),
        Witness.Join(AttachedWithoutDisconnect, other.AttachedWithoutDisconnect),
        Witness.Join(ArmedConnect, other.ArmedConnect));

    public bool Equals(SocketState? other) =>
        other is not null && Hello == other.Hello && Disconnect == other.Disconnect
        && (Types is null ? other.Types is null : other.Types is not null && Types.SetEquals(other.Types))
        && Equals(AttachedWithoutHello, other.AttachedWithoutHello) && Equals(AttachedWithoutDisconnect, other.AttachedWithoutDisconnect)
        && Equals(ArmedConnect, other.ArmedConnect);

    public override bool Equals(object? obj) => Equals(obj as SocketState);

    public override int GetHashCode() => ((int)Hello * 7) + (int)Disconnect + (Types?.Count ?? -1);
}

/// <summary>A constant a slot holds (a string endpoint, a null byte array), when every path agrees on it.</summary>
internal readonly struct Constant : IEquatable<Constant>
{
    public Constant(object? value)
    {
        Value = value;
    }

    public object? Value { get; }

    public bool Equals(Constant other) => Equals(Value, other.Value);

    public override bool Equals(object? obj) => obj is Constant other && Equals(other);

    public override int GetHashCode() => Value?.GetHashCode() ?? 0;
}

/// <summary>The abstract state at one point of a method: what each slot points to, what each socket has been through.</summary>
internal sealed class FlowState
{
    public Dictionary<Slot, ImmutableHashSet<SocketValue>> Slots { get; } = new();

    public Dictionary<SocketObject, SocketState> Sockets { get; } = new();

    public Dictionary<Slot, Constant> Constants { get; } = new();

    public FlowState Clone()
    {
        var clone = new FlowState();
        foreach (var pair in Slots)
        {
            clone.Slots.Add(pair.Key, pair.Value);
        }

        foreach (var pair in Sockets)
        {
            clone.Sockets.Add(pair.Key, pair.Value);
        }

        foreach (var pair in Constants)
        {
            clone.Constants.Add(pair.Key, pair.Value);
        }

        return clone;
    }

    /// <summary>Whether two states hold the same facts (for reusing the run of a method from the same state).</summary>
    public bool SameAs(FlowState other)
    {
        if (Slots.Count != other.Slots.Count || Sockets.Count != other.Sockets.Count || Constants.Count != other.Constants.Count)
        {
            return false;
        }

        foreach (var pair in Slots)
        {
            if (!other.Slots.TryGetValue(pair.Key, out var theirs) || !theirs.SetEquals(pair.Value))
            {
                return false;
            }
        }

        foreach (var pair in Sockets)
        {
            if (!other.Sockets.TryGetValue(pair.Key, out var theirs) || !theirs.Equals(pair.Value))
            {
                return false;
            }
        }

        foreach (var pair in Constants)
        {
            if (!other.Constants.TryGetValue(pair.Key, out var theirs) || !theirs.Equals(pair.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash consistent with <see cref="SameAs"/>.</summary>
    public int Fingerprint()
    {
        var hash = (Slots.Count * 31) + Sockets.Count;
        foreach (var pair in Slots)
        {
            hash ^= pair.Key.GetHashCode() + pair.Value.Count;
        }

        foreach (var pair in Sockets)
        {
            hash ^= (pair.Key.GetHashCode() * 17) + pair.Value.GetHashCode();
        }

        return hash;
    }

    /// <summary>Joins <paramref name="other"/> into this state; returns whether anything changed.</summary>
    public bool JoinWith(FlowState other)
    {
        var changed = false;
        foreach (var pair in other.Slots)
        {
            if (!Slots.TryGetValue(pair.Key, out var mine))
            {
                Slots[pair.Key] = pair.Value;
                changed = true;
            }
            else if (!pair.Value.IsSubsetOf(mine))
            {
                Slots[pair.Key] = mine.Union(pair.Value);
                changed = true;
            }
        }

        foreach (var pair in other.Sockets)
        {
            if (!Sockets.TryGetValue(pair.Key, out var mine))
            {
                Sockets[pair.Key] = pair.Value;
                changed = true;
            }
            else
            {
                var joined = mine.Join(pair.Value);
                if (!joined.Equals(mine))
                {
                    Sockets[pair.Key] = joined;
                    changed = true;
                }
            }
        }

        // A constant survives a join only when both sides hold it.
        foreach (var key in Constants.Keys.ToList())
        {
            if (!other.Constants.TryGetValue(key, out var theirs) || !theirs.Equals(Constants[key]))
            {
                Constants.Remove(key);
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Forgets <paramref name="slot"/>, every path through it and every external socket reached through it.</summary>
    public void Invalidate(Slot slot)
    {
        if (slot.IsCapture)
        {
            // Nothing is reached through a capture by path.
            Slots.Remove(slot);
            Constants.Remove(slot);
            return;
        }

        foreach (var key in Slots.Keys.Where(slot.IsPrefixOf).ToList())
        {
            Slots.Remove(key);
        }

        foreach (var key in Constants.Keys.Where(slot.IsPrefixOf).ToList())
        {
            Constants.Remove(key);
        }

        foreach (var key in Sockets.Keys.Where(s => s.Path is { } path && slot.IsPrefixOf(path)).ToList())
        {
            Sockets.Remove(key);
        }
    }

    /// <summary>Drops the locals, parameters and captures of a method that returned.</summary>
    public void Leave(ISymbol method, object graph)
    {
        foreach (var key in Slots.Keys.Where(s => s.BelongsTo(method, graph)).ToList())
        {
            Slots.Remove(key);
        }

        foreach (var key in Constants.Keys.Where(s => s.BelongsTo(method, graph)).ToList())
        {
            Constants.Remove(key);
        }

        foreach (var key in Sockets.Keys.Where(s => s.Path is { } path && path.BelongsTo(method, graph)).ToList())
        {
            Sockets.Remove(key);
        }
    }
}
