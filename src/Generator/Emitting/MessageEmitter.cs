using System.Globalization;
using System.Linq;
using Lifeline.Generator.Model;

namespace Lifeline.Generator.Emitting;

/// <summary>Emits, for one record, the lifecycle interface implementation and its MessagePack formatter.</summary>
internal static class MessageEmitter
{
    public static string Emit(MessageSpec spec)
    {
        var code = new CodeWriter();
        code.Line(Names.Header).Line("#nullable enable").Line(Names.NoObsoleteWarnings);
        Names.SuppressUserIds(code, spec.SuppressedIds);
        code.Line();
        using (code.Namespace(spec.Namespace))
        {
            var blocks = spec.ContainingTypes.Select(c => code.Open($"partial {c.Keyword} {Identifiers.Escape(c.Name)}")).ToList();
            EmitRecord(code, spec);
            for (var i = blocks.Count - 1; i >= 0; i--)
            {
                blocks[i].Dispose();
            }
        }

        return code.ToString();
    }

    private static void EmitRecord(CodeWriter code, MessageSpec spec)
    {
        var self = spec.FullName;
        var keyword = spec.IsStruct ? "record struct" : "record";
        var iface = spec.Role switch
        {
            MessageRole.Hello => $" : global::Lifeline.IHelloMessage<{self}>",
            MessageRole.Disconnect => $" : global::Lifeline.IDisconnectMessage<{self}>",
            _ => string.Empty,
        };

        code.Line($"[global::MessagePack.MessagePackFormatter(typeof({spec.FormatterName}))]");
        using (code.Open($"partial {keyword} {Identifiers.Escape(spec.Name)}{iface}"))
        {
            if (spec.Role != MessageRole.Part)
            {
                // Registered from the record's type initializer, which LifelineMessage<T> runs on first use.
                var id = $"0x{spec.MessageId.ToString("X8", CultureInfo.InvariantCulture)}u";
                code.Line($"private static readonly {Names.FormatterInterface}<{self}> __LifelineRegistration = global::Lifeline.LifelineMessage<{self}>.Register(global::Lifeline.LifelineKind.{spec.Role}, {id}, LifelineFormatter.Instance);");
                code.Line();
            }

            EmitFormatter(code, spec);
        }
    }

    private static void EmitFormatter(CodeWriter code, MessageSpec spec)
    {
        var self = spec.FullName;
        code.Line($"/// <summary>The generated MessagePack formatter of <see cref=\"{Identifiers.Escape(spec.Name)}\"/>: a map keyed by member name.</summary>");
        code.Line(Names.GeneratedCode);
        code.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        using (code.Open($"public sealed class LifelineFormatter : {Names.FormatterInterface}<{self}>"))
        {
            code.Line("/// <summary>The shared, stateless instance.</summary>");
            code.Line("public static readonly LifelineFormatter Instance = new LifelineFormatter();").Line();
            foreach (var member in spec.Members)
            {
                code.Line($"private static global::System.ReadOnlySpan<byte> Key_{member.Name} => new byte[] {{ {member.KeyBytes} }};");
            }

            code.Line();
            EmitSerialize(code, spec);
            code.Line();
            EmitDeserialize(code, spec);
        }
    }

    private static void EmitSerialize(CodeWriter code, MessageSpec spec)
    {
        code.Line("/// <inheritdoc/>");
        using (code.Open($"public void Serialize(ref {Names.Writer} writer, {spec.FullName} value, {Names.Options} options)"))
        {
            if (!spec.IsStruct)
            {
                using (code.Open("if (value is null)"))
                {
                    code.Line("writer.WriteNil();");
                    code.Line("return;");
                }

                code.Line();
            }

            code.Line($"writer.WriteMapHeader({spec.Members.Count});");
            foreach (var member in spec.Members)
            {
                code.Line($"writer.WriteRaw(Key_{member.Name});");
                ValueEmitter.EmitWrite(code, member.Shape, $"value.{member.Identifier}", $"{spec.Name}.{member.Name}", 0);
            }
        }
    }

    private static void EmitDeserialize(CodeWriter code, MessageSpec spec)
    {
        code.Line("/// <inheritdoc/>");
        using (code.Open($"public {spec.FullName} Deserialize(ref {Names.Reader} reader, {Names.Options} options)"))
        {
            if (!spec.IsStruct)
            {
                using (code.Open("if (reader.TryReadNil())"))
                {
                    code.Line("return null!;");
                }

                code.Line();
            }

            code.Line("string? __member = null;");
            using (code.Open("try"))
            {
                code.Line("options.Security.DepthStep(ref reader);");
                code.Line($"{Names.Wire}.ChargeRecord({spec.Members.Count});");
                code.Line($"var __count = {Names.Wire}.ReadMapHeader(ref reader, \"{spec.Name}\");");
                for (var i = 0; i < spec.Members.Count; i++)
                {
                    var member = spec.Members[i];
                    code.Line($"{member.Shape.TypeName} __v{i} = {member.DefaultValue};");
                    code.Line($"bool __h{i} = false;");
                }

                EmitKeyLoop(code, spec);
                code.Line("__member = null;");
                code.Line("reader.Depth--;");
                for (var i = 0; i < spec.Members.Count; i++)
                {
                    if (spec.Members[i].Presence == MemberPresence.Required)
                    {
                        code.Line($"if (!__h{i}) throw {Names.Wire}.Missing(\"{spec.Name}\", \"{spec.Members[i].Name}\");");
                    }
                }

                EmitConstruction(code, spec);
            }

            // The filter adds this record's member to a decode exception's path and lets it unwind on, so a failure
            // deep in nested records is thrown once; only other exceptions are caught, and wrapped once.
            using (code.Open($"catch (global::System.Exception __ex) when ({Names.DecodeException}.ShouldWrap(__ex, __member))"))
            {
                code.Line($"throw {Names.DecodeException}.Wrap(__ex, __member);");
            }
        }
    }

    private static void EmitKeyLoop(CodeWriter code, MessageSpec spec)
    {
        using (code.Open("for (int __i = 0; __i < __count; __i++)"))
        {
            code.Line($"var __key = {Names.Wire}.ReadKey(ref reader);");
            if (spec.Members.Count > 0)
            {
                EmitKeySwitch(code, spec);
            }

            code.Line("// Members this version does not know (a newer sender's) are skipped, within the depth limit.");
            code.Line("__member = null;");
            code.Line($"{Names.Wire}.SkipUnknown(ref reader, options, __key);");
        }
    }

    // A record without members has no switch: an empty one is a compiler warning (CS1522).
    private static void EmitKeySwitch(CodeWriter code, MessageSpec spec)
    {
        {
            using (code.Open("switch (__key.Length)"))
            {
                foreach (var group in spec.Members.Select((m, i) => (Member: m, Index: i)).GroupBy(x => x.Member.KeyLength).OrderBy(g => g.Key))
                {
                    code.Line($"case {group.Key}:");
                    foreach (var (member, index) in group)
                    {
                        // The key constant holds the MessagePack header too; compare only the name bytes.
                        using (code.Indent())
                        using (code.Open($"if (global::System.MemoryExtensions.SequenceEqual(__key, Key_{member.Name}.Slice({member.KeyHeaderLength})))"))
                        {
                            code.Line($"__member = \"{member.Name}\";");
                            code.Line($"{Names.Wire}.EnsureFirst(__h{index});");
                            code.Line($"__h{index} = true;");
                            ValueEmitter.EmitRead(code, member.Shape, $"__v{index}", 0);
                            code.Line("continue;");
                        }
                    }

                    using (code.Indent())
                    {
                        code.Line("break;");
                    }
                }
            }
        }
    }

    private static void EmitConstruction(CodeWriter code, MessageSpec spec)
    {
        var members = spec.Members.Select((m, i) => (Member: m, Index: i)).ToList();
        var arguments = string.Join(", ", members.Where(x => x.Member.IsPositional).Select(x => $"__v{x.Index}"));
        var initialized = members.Where(x => !x.Member.IsPositional && x.Member.Presence != MemberPresence.KeepInitializer).ToList();
        var initializer = initialized.Count == 0 ? string.Empty
            : " { " + string.Join(", ", initialized.Select(x => $"{x.Member.Identifier} = __v{x.Index}")) + " }";
        code.Line($"var __result = new {spec.FullName}({arguments}){initializer};");
        foreach (var (member, index) in members.Where(x => x.Member.Presence == MemberPresence.KeepInitializer))
        {
            // Assigned only when present, so an absent member keeps the record's own initializer.
            code.Line($"if (__h{index}) __result = __result with {{ {member.Identifier} = __v{index} }};");
        }

        code.Line("return __result;");
    }
}
