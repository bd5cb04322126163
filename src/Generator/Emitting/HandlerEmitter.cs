using System.Collections.Generic;
using System.Linq;
using Lifeline.Generator.Model;

namespace Lifeline.Generator.Emitting;

/// <summary>
/// Emits a handler class's typed glue: the runtime host decides what each message means (presence, order, which frames
/// count), and the generated code only matches the decoded record's type to the user's method and calls it.
/// </summary>
internal static class HandlerEmitter
{
    private const string Handler = "global::Lifeline.ILifelineHandler";
    private const string Catalog = "global::Lifeline.ILifelineCatalog";
    private const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    private const string Peer = "global::Lifeline.PeerId";

    /// <param name="spec">The handler class.</param>
    /// <param name="assemblyCatalog">The fully qualified class of the assembly's catalog, or null when it has no records.</param>
    public static string Emit(HandlerSpec spec, string? assemblyCatalog)
    {
        var code = new CodeWriter();
        code.Line(Names.Header).Line("#nullable enable").Line(Names.NoObsoleteWarnings);
        Names.SuppressUserIds(code, spec.SuppressedIds);
        code.Line();
        var ns = code.Namespace(spec.Namespace);
        var blocks = spec.ContainingTypes.Select(c => code.Open($"partial {c.Keyword} {Identifiers.Escape(c.Name)}")).ToList();
        code.Line(Names.GeneratedCode);
        using (code.Open($"partial class {Identifiers.Escape(spec.Name)} : {Handler}"))
        {
            EmitCatalog(code, spec, assemblyCatalog);
            code.Line();
            EmitPeerConnected(code, spec);
            code.Line();
            EmitPeerDisconnected(code, spec);
            code.Line();
            EmitConnected(code, spec);
            code.Line();
            using (code.Open($"{ValueTask} {Handler}.OnDisconnectedAsync()"))
            {
                Call(code, Find(spec, HandlerKind.Disconnected, null, null), string.Empty);
            }

            code.Line();
            using (code.Open($"{ValueTask} {Handler}.OnMessageAsync({Peer} peer, global::NetMQ.NetMQMessage message, global::Lifeline.NotLifecycleReason reason)"))
            {
                var onMessage = spec.Methods.FirstOrDefault(m => m.Kind == HandlerKind.Message);
                Call(code, onMessage, onMessage?.TakesReason == true ? "peer, message, reason" : "peer, message");
            }

            code.Line();
            using (code.Open($"{ValueTask} {Handler}.OnMalformedFrameAsync({Peer} peer, global::Lifeline.MalformedFrame error)"))
            {
                Call(code, spec.Methods.FirstOrDefault(m => m.Kind == HandlerKind.MalformedFrame), "peer, error");
            }

            code.Line();

            // Decodes the records the methods name, which may come from other assemblies.
            CatalogSwitch.Emit(code, "__LifelineRecords", spec.Messages.Select(m => (m.FullName, m.MessageId)));
        }

        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            blocks[i].Dispose();
        }

        ns.Dispose();
        return code.ToString();
    }

    // Every record of the assembly (presence covers them all, handled or not), then those the methods name from elsewhere.
    private static void EmitCatalog(CodeWriter code, HandlerSpec spec, string? assemblyCatalog)
    {
        var records = "new __LifelineRecords()";
        var value = assemblyCatalog is null ? records : $"global::Lifeline.LifelineCatalog.Combine({assemblyCatalog}.Catalog, {records})";
        code.Line($"private static readonly {Catalog} __LifelineCatalog = {value};").Line();
        code.Line($"{Catalog} {Handler}.Catalog => __LifelineCatalog;");
    }

    private static void EmitPeerConnected(CodeWriter code, HandlerSpec spec)
    {
        using (code.Open($"{ValueTask} {Handler}.OnPeerConnectedAsync({Peer} peer, object hello)"))
        {
            var methods = spec.Methods.Where(m => m.Kind == HandlerKind.PeerConnected).ToList();
            Switch(code, "hello", methods.Select(m => (m.Hello!, (System.Action<string>)(name => Call(code, m, $"peer, {name}")))));
        }
    }

    private static void EmitPeerDisconnected(CodeWriter code, HandlerSpec spec)
    {
        using (code.Open($"{ValueTask} {Handler}.OnPeerDisconnectedAsync({Peer} peer, object? hello, object? gone)"))
        {
            var disconnects = spec.Messages.Where(m => m.Role == MessageRole.Disconnect).Select(m => m.FullName).ToList();
            Switch(code, "gone", disconnects.Select(gone => (gone, (System.Action<string>)(name => PeerGone(code, spec, gone, name)))));
        }
    }

    private static void PeerGone(CodeWriter code, HandlerSpec spec, string gone, string name)
    {
        using (code.Open("if (hello is null)"))
        {
            Call(code, Find(spec, HandlerKind.UnknownPeerDisconnected, null, gone), $"peer, {name}");
        }

        var withHello = spec.Methods.Where(m => m.Kind == HandlerKind.PeerDisconnected && m.Disconnect == gone && m.Hello is not null).ToList();
        for (var i = 0; i < withHello.Count; i++)
        {
            using (code.Open($"if (hello is {withHello[i].Hello} hello{i})"))
            {
                Call(code, withHello[i], $"peer, hello{i}, {name}");
            }
        }

        Call(code, Find(spec, HandlerKind.PeerDisconnected, null, gone), $"peer, {name}");
    }

    private static void EmitConnected(CodeWriter code, HandlerSpec spec)
    {
        using (code.Open($"{ValueTask} {Handler}.OnConnectedAsync(object hello, bool isReconnect)"))
        {
            var hellos = spec.Methods.Where(m => m.Kind is HandlerKind.Connected or HandlerKind.Reconnected).Select(m => m.Hello!).Distinct().ToList();
            Switch(code, "hello", hellos.Select(hello => (hello, (System.Action<string>)(name =>
            {
                using (code.Open("if (isReconnect)"))
                {
                    Call(code, Find(spec, HandlerKind.Reconnected, hello, null), name);
                }

                Call(code, Find(spec, HandlerKind.Connected, hello, null), name);
            }))));
        }
    }

    /// <summary>A type switch over a decoded record: one case per record type, each ending in a return.</summary>
    private static void Switch(CodeWriter code, string value, IEnumerable<(string Type, System.Action<string> Body)> cases)
    {
        using (code.Open($"switch ({value})"))
        {
            var i = 0;
            foreach (var (type, body) in cases)
            {
                var name = $"{value}{i++}";
                code.Line($"case {type} {name}:");
                using (code.Indent())
                {
                    body(name);
                }
            }

            code.Line("default:");
            using (code.Indent())
            {
                code.Line("return default;");
            }
        }
    }

    private static HandlerMethodSpec? Find(HandlerSpec spec, HandlerKind kind, string? hello, string? disconnect) =>
        spec.Methods.FirstOrDefault(m => m.Kind == kind && m.Hello == hello && m.Disconnect == disconnect);

    /// <summary>Calls a handler, or nothing when the class has none for this case, and returns its completion.</summary>
    private static void Call(CodeWriter code, HandlerMethodSpec? method, string arguments)
    {
        if (method is null)
        {
            code.Line("return default;");
        }
        else if (method.ReturnsValueTask)
        {
            code.Line($"return {method.Name}({arguments});");
        }
        else
        {
            code.Line($"{method.Name}({arguments});");
            code.Line("return default;");
        }
    }
}
