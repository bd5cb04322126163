namespace Lifeline.Generator.Model;

/// <summary>The handler methods the generator recognises, by name.</summary>
internal enum HandlerKind
{
    PeerConnected,
    PeerDisconnected,
    UnknownPeerDisconnected,
    Connected,
    Reconnected,
    Disconnected,
    Message,
    MalformedFrame,
}

/// <summary>A lifecycle record a handler names: its type, id and kind.</summary>
internal sealed record MessageRef(string FullName, uint MessageId, MessageRole Role);

/// <summary>
/// One recognised handler method; <paramref name="Hello"/> and <paramref name="Disconnect"/> are full type names;
/// <paramref name="TakesReason"/> for an <c>OnMessage</c> that also takes the <c>NotLifecycleReason</c>.
/// </summary>
internal sealed record HandlerMethodSpec(HandlerKind Kind, string Name, string? Hello, string? Disconnect, bool ReturnsValueTask, bool TakesReason = false);

/// <summary>
/// A class marked [LifelineHandler]: the methods to dispatch to and the records they name; <paramref name="SuppressedIds"/>
/// are the ids under which uses of those are reported ([Obsolete] with a DiagnosticId, [Experimental]).
/// </summary>
internal sealed record HandlerSpec(
    string? Namespace,
    string Name,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    EquatableArray<HandlerMethodSpec> Methods,
    EquatableArray<MessageRef> Messages,
    EquatableArray<string> SuppressedIds = default)
{
    public string HintName => Identifiers.HintName((Namespace is null ? string.Empty : Namespace + ".") + string.Join(".", System.Linq.Enumerable.Select(ContainingTypes, c => c.Name)) + (ContainingTypes.Count > 0 ? "." : string.Empty) + Name, ".LifelineHandler.g.cs");
}

/// <summary>The result of parsing one handler class.</summary>
internal sealed record HandlerParseResult(HandlerSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
