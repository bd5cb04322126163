using System.Globalization;
using System.Linq;
using Lifeline.Generator.Model;

namespace Lifeline.Generator.Emitting;

/// <summary>Emits a handler class's dispatch: a switch on message id that decodes each record and calls its methods.</summary>
internal static class HandlerEmitter
{
    private const string Handler = "global::Lifeline.ILifelineHandler";
    private const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    private const string Session = "global::Lifeline.LifelineSession";
    private const string Peer = "global::Lifeline.PeerId";

    public static string Emit(HandlerSpec spec)
    {
        var code = new CodeWriter();
        code.Line(Names.Header).Line("#nullable enable").Line();
        if (spec.Namespace is not null)
        {
            code.Line($"namespace {spec.Namespace};").Line();
        }

        var blocks = spec.ContainingTypes.Select(c => code.Open($"partial {c.Keyword} {c.Name}")).ToList();
        code.Line(Names.GeneratedCode);
        using (code.Open($"partial class {spec.Name} : {Handler}"))
        {
            EmitFrameDispatch(code, spec);
            for (var i = 0; i < spec.Messages.Count; i++)
            {
                code.Line();
                if (spec.Messages[i].Role == MessageRole.Hello)
                {
                    EmitHello(code, spec, spec.Messages[i], i);
                }
                else
                {
                    EmitDisconnect(code, spec, spec.Messages[i], i);
                }
            }

            code.Line();
            EmitSimple(code, spec, "OnApplicationMessageAsync", "global::NetMQ.NetMQMessage message", HandlerKind.Message, "peer, message");
            code.Line();
            EmitSimple(code, spec, "OnMalformedFrameAsync", "global::Lifeline.MalformedFrame error", HandlerKind.MalformedFrame, "peer, error");
        }

        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            blocks[i].Dispose();
        }

        return code.ToString();
    }

    private static void EmitFrameDispatch(CodeWriter code, HandlerSpec spec)
    {
        using (code.Open($"{ValueTask} {Handler}.OnLifecycleFrameAsync({Session} session, {Peer} peer, global::Lifeline.LifelineKind kind, uint messageId, global::System.ReadOnlyMemory<byte> frame)"))
        {
            using (code.Open("switch (messageId)"))
            {
                for (var i = 0; i < spec.Messages.Count; i++)
                {
                    var message = spec.Messages[i];
                    code.Line($"case 0x{message.MessageId.ToString("X8", CultureInfo.InvariantCulture)}u:");
                    using (code.Indent())
                    using (code.Scope())
                    {
                        code.Line($"var error = global::Lifeline.BodyDecoder.Decode<{message.FullName}>(kind, frame, out var message);");
                        code.Line($"return error is null ? __Lifeline{message.Role}{i}(session, peer, message!) : (({Handler})this).OnMalformedFrameAsync(session, peer, error);");
                    }
                }

                code.Line("default:");
                using (code.Indent())
                {
                    code.Line("// No method of this class names that record, so it cannot be decoded here.");
                    code.Line($"return (({Handler})this).OnMalformedFrameAsync(session, peer, global::Lifeline.LifelineCatalog.UnknownId(kind, messageId, frame.Length));");
                }
            }
        }
    }

    private static void EmitHello(CodeWriter code, HandlerSpec spec, MessageRef message, int index)
    {
        using (code.Open($"private {ValueTask} __LifelineHello{index}({Session} session, {Peer} peer, {message.FullName} hello)"))
        {
            using (code.Open("if (session.IsRouted)"))
            {
                code.Line("session.PeerConnected(peer, hello);");
                Call(code, Find(spec, HandlerKind.PeerConnected, message.FullName, null), "peer, hello");
            }

            using (code.Open("if (session.ServerHelloReceived())"))
            {
                Call(code, Find(spec, HandlerKind.Connected, message.FullName, null), "hello");
            }

            Call(code, Find(spec, HandlerKind.Reconnected, message.FullName, null), "hello");
        }
    }

    private static void EmitDisconnect(CodeWriter code, HandlerSpec spec, MessageRef message, int index)
    {
        using (code.Open($"private {ValueTask} __LifelineDisconnect{index}({Session} session, {Peer} peer, {message.FullName} gone)"))
        {
            using (code.Open("if (!session.IsRouted)"))
            {
                code.Line("session.ServerDisconnected();");
                Call(code, Find(spec, HandlerKind.Disconnected, null, message.FullName), "gone");
            }

            using (code.Open("if (session.PeerDisconnected(peer, out var hello))"))
            {
                var withHello = spec.Methods.Where(m => m.Kind == HandlerKind.PeerDisconnected && m.Disconnect == message.FullName && m.Hello is not null).ToList();
                for (var i = 0; i < withHello.Count; i++)
                {
                    using (code.Open($"if (hello is {withHello[i].Hello} hello{i})"))
                    {
                        Call(code, withHello[i], $"peer, hello{i}, gone");
                    }
                }

                Call(code, Find(spec, HandlerKind.PeerDisconnected, null, message.FullName), "peer, gone");
            }

            Call(code, Find(spec, HandlerKind.UnknownPeerDisconnected, null, message.FullName), "peer, gone");
        }
    }

    private static void EmitSimple(CodeWriter code, HandlerSpec spec, string member, string parameter, HandlerKind kind, string arguments)
    {
        using (code.Open($"{ValueTask} {Handler}.{member}({Session} session, {Peer} peer, {parameter})"))
        {
            Call(code, spec.Methods.FirstOrDefault(m => m.Kind == kind), arguments);
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
