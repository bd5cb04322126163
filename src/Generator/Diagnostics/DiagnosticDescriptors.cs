using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Lifeline.Generator.Diagnostics;

/// <summary>The one catalogue of Lifeline diagnostics. Ids are stable and never reused.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Lifeline";

    public static readonly DiagnosticDescriptor NotPartial = Create(
        "LFL0001",
        "Lifecycle record must be partial",
        "'{0}' must be declared partial so that Lifeline can generate its serializer; add the 'partial' modifier");

    public static readonly DiagnosticDescriptor NotRecord = Create(
        "LFL0002",
        "Lifecycle type must be a record",
        "'{0}' is a {1}; [{2}] applies to 'partial record' and 'partial record struct' types only");

    public static readonly DiagnosticDescriptor Generic = Create(
        "LFL0003",
        "Lifecycle record cannot be generic",
        "'{0}' {1}; a lifecycle message needs one fixed shape and id, so {2}");

    public static readonly DiagnosticDescriptor ContainingNotPartial = Create(
        "LFL0004",
        "Containing type must be partial",
        "'{0}' is nested in '{1}', which must be declared partial so that generated code can extend '{0}'");

    public static readonly DiagnosticDescriptor NotAccessible = Create(
        "LFL0005",
        "Lifecycle record must be accessible to generated code",
        "'{0}' is {1}; lifecycle records and their containing types must be public or internal so that the generated catalog can reach them");

    public static readonly DiagnosticDescriptor BothKinds = Create(
        "LFL0006",
        "A record has one lifecycle kind",
        "'{0}' is {1}; a record has one kind, so declare one record for each");

    public static readonly DiagnosticDescriptor InvalidId = Create(
        "LFL0007",
        "Message id out of range",
        "Message id {0} of '{1}' is out of range; explicit ids go from 1 to 0x7FFFFFFF (0 means 'derive from the name')");

    public static readonly DiagnosticDescriptor DuplicateId = Create(
        "LFL0008",
        "Two lifecycle messages share an id",
        "'{0}' and '{1}' both have message id 0x{2}; give one of them a distinct [{3}(Id = ...)]");

    public static readonly DiagnosticDescriptor NoConstructor = Create(
        "LFL0009",
        "Lifecycle record has no usable constructor",
        "'{0}' has neither a primary constructor nor a parameterless constructor; add one so that received messages can be constructed");

    public static readonly DiagnosticDescriptor DerivedRecord = Create(
        "LFL0010",
        "Lifecycle record cannot derive from another record",
        "'{0}' derives from '{1}'; lifecycle records must not inherit members, so declare every member on '{0}' itself");

    public static readonly DiagnosticDescriptor CatalogClass = Create(
        "LFL0011",
        "Catalog class must be a non-generic static partial class",
        "'{0}' is marked [LifelineCatalog] but {1}; declare it a public or internal 'static partial class' without type parameters, and leave the names Catalog, Resolver and Schema to the generator, so that it can add the catalog to it");

    public static readonly DiagnosticDescriptor TwoCatalogClasses = Create(
        "LFL0012",
        "One catalog class per assembly",
        "'{0}' is marked [LifelineCatalog], but '{1}' already holds this assembly's catalog; remove one of the attributes");

    public static readonly DiagnosticDescriptor AbstractRecord = Create(
        "LFL0013",
        "Lifecycle record cannot be abstract",
        "'{0}' is abstract; a received message must be created as this exact record, so remove 'abstract'");

    public static readonly DiagnosticDescriptor ReservedMemberName = Create(
        "LFL0014",
        "Member name is reserved for generated code",
        "'{0}' {1}, a name the generated part of the record uses; rename {2}");

    public static readonly DiagnosticDescriptor ObsoleteRecord = Create(
        "LFL0015",
        "Lifecycle record is obsolete as an error",
        "'{0}' {1} [Obsolete] as an error, which no code may use, the generated serializer and catalog included; make the [Obsolete] a warning (error: false), or remove the lifecycle attribute");

    public static readonly DiagnosticDescriptor HidesNamespace = Create(
        "LFL0016",
        "Type hides a namespace generated code uses",
        "The type '{0}' in the global namespace hides the namespace '{0}', which generated code names as 'global::{0}', so nothing can be generated; move the type into a namespace or rename it");

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Create(
        "LFL0101",
        "Member type cannot be serialized",
        "Member '{0}' of '{1}' has type '{2}', which Lifeline cannot serialize: {3}. Supported: bool, integer types, float, double, decimal, char, string, byte[], Guid, DateTime, DateTimeOffset, TimeSpan, DateOnly, TimeOnly, Half, Int128, UInt128, BigInteger, Uri, Version, ReadOnlyMemory<byte>, enums, nullable value types, single-dimensional arrays, lists, sets, ImmutableArray<T>, dictionaries keyed by string, integers, enums or Guid, value tuples of up to 7 elements, and records marked [HelloMessage], [DisconnectMessage] or [MessagePart]");

    public static readonly DiagnosticDescriptor MemberNotCarried = Create(
        "LFL0102",
        "Member is not carried on the wire",
        "'{0}' of '{1}' is {2}, so it is not sent with the message and a receiver gets {3}; {4}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoData = Create(
        "LFL0103",
        "Record carries no data",
        "'{0}' has public members, but all of them are computed, so the message carries no data; declare the data as positional parameters or {{ get; init; }} properties",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MemberNotRestored = Create(
        "LFL0104",
        "Member cannot be restored from the wire",
        "'{0}' of '{1}' {2}, so a received message cannot be built with it; {3}");

    public static readonly DiagnosticDescriptor DisconnectThrows = Create(
        "LFL0201",
        "Disconnect message on a socket type that rejects it",
        "NetMQ throws InvalidException when DisconnectMessage is set to a value on {0}; only {1} generate disconnect messages");

    public static readonly DiagnosticDescriptor DisconnectNeverDelivered = Create(
        "LFL0202",
        "Disconnect message on a socket type that never delivers it",
        "NetMQ accepts DisconnectMessage on {0} but never delivers it; only {1} generate disconnect messages",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor HelloIgnored = Create(
        "LFL0203",
        "Hello message on a socket type that ignores it",
        "NetMQ silently ignores HelloMessage on {0}: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor HelloClearedAfterConnect = Create(
        "LFL0204",
        "Hello message cleared after Connect",
        "{0} after {1}: NetMQ's IO thread then crashes with a NullReferenceException at that connection's next tcp or ipc reconnect; leave the hello set, or dispose the socket and create a new one",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor OptionAfterConnect = Create(
        "LFL0205",
        "Lifecycle message set after Connect or Bind",
        "'{0}' comes after {1}, so the connections made there {2}; set lifecycle messages before the socket connects or binds",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidEndpoint = Create(
        "LFL0206",
        "Invalid NetMQ endpoint",
        "'{0}' is not a valid NetMQ endpoint: {1}");

    public static readonly DiagnosticDescriptor TransportNotSupported = Create(
        "LFL0207",
        "Transport not supported by the socket type",
        "NetMQ throws ProtocolNotSupportedException for '{0}': {2} cannot use {1}; {3}");

    public static readonly DiagnosticDescriptor LifecycleOverUdp = Create(
        "LFL0208",
        "Lifecycle messages over udp",
        "'{0}' uses udp, which has no connections: NetMQ sends the hello once, as a datagram that may be lost, and never generates a disconnect message; use tcp, ipc or inproc for a socket with lifecycle messages",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EmptyDisconnect = Create(
        "LFL0209",
        "Empty disconnect message is never generated",
        "NetMQ generates a disconnect message only when it has at least one byte; an empty one is the same as none, so this socket never reports a peer leaving",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NotALifecycleMessage = Create(
        "LFL0210",
        "Value is not a lifecycle message of the right kind",
        "'{0}' cannot be passed to {1}: {2}");

    public static readonly DiagnosticDescriptor HandlerSignature = Create(
        "LFL0301",
        "Handler parameters cannot match a lifecycle message",
        "'{0}' cannot be dispatched: {1}; expected {2}");

    public static readonly DiagnosticDescriptor DuplicateHandler = Create(
        "LFL0302",
        "Two handlers for the same message",
        "'{0}' handles the same message as another '{1}' overload of '{2}'; keep one of them");

    public static readonly DiagnosticDescriptor HandlerClass = Create(
        "LFL0303",
        "Handler class must be a non-generic partial class",
        "'{0}' is {1}; a handler must be a non-generic, non-static partial class (not a record or struct) so that Lifeline can generate its dispatch");

    public static readonly DiagnosticDescriptor HandlerReturnType = Create(
        "LFL0304",
        "Handler must return void or ValueTask",
        "'{0}' returns '{1}'; lifecycle handlers return void or System.Threading.Tasks.ValueTask");

    public static readonly DiagnosticDescriptor NotAHandler = Create(
        "LFL0305",
        "Method looks like a handler but is not one",
        "'{0}' is not a handler name and is never called; did you mean '{1}'?",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DisconnectHandlerNeverRuns = Create(
        "LFL0308",
        "Peer-disconnect handlers never run",
        "'{0}' handles peer disconnects ({1}), but {2}, so they never run; {3}",
        DiagnosticSeverity.Warning,
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor HandlerNeverRunsOnSocket = Create(
        "LFL0309",
        "Handler never runs on the socket it is hosted on",
        "'{0}' never runs: '{1}' is hosted only on {2}, {3}",
        DiagnosticSeverity.Warning,
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InheritedHandlerNotCalled = Create(
        "LFL0310",
        "Inherited handler cannot be called",
        "'{0}' is inherited by '{1}' but {2}, so '{1}' never calls it; make it a protected instance handler, or declare the handler in '{1}'",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor HandlerNotAlwaysCalled = Create(
        "LFL0311",
        "Handler is not always called",
        "'{0}' {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor StaticHandler = Create(
        "LFL0306",
        "Handler must be an instance method",
        "'{0}' is static and is never called; handlers are instance methods of the handler class, so remove 'static'");

    public static readonly DiagnosticDescriptor AsyncVoidHandler = Create(
        "LFL0307",
        "Handler must not be async void",
        "'{0}' is 'async void': an exception after its first await cannot be caught and ends the process, and the host cannot wait for it; return ValueTask instead ('async ValueTask')");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        NotPartial, NotRecord, Generic, ContainingNotPartial, NotAccessible, BothKinds, InvalidId, DuplicateId, NoConstructor, DerivedRecord, CatalogClass, TwoCatalogClasses, AbstractRecord, ReservedMemberName, ObsoleteRecord, HidesNamespace, UnsupportedMemberType, MemberNotCarried, NoData, MemberNotRestored,
        DisconnectThrows, DisconnectNeverDelivered, HelloIgnored, HelloClearedAfterConnect, OptionAfterConnect, InvalidEndpoint, TransportNotSupported, LifecycleOverUdp, EmptyDisconnect, NotALifecycleMessage,
        HandlerSignature, DuplicateHandler, HandlerClass, HandlerReturnType, NotAHandler, StaticHandler, AsyncVoidHandler, DisconnectHandlerNeverRuns, HandlerNeverRunsOnSocket, InheritedHandlerNotCalled, HandlerNotAlwaysCalled,
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> ByIdMap = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => ByIdMap[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error, params string[] tags) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: $"https://github.com/lifeline-zmq/lifeline/blob/main/docs/diagnostics/{id}.md", customTags: tags);
}
