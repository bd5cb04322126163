using System.Globalization;
using System.Linq;
using Lifeline.Generator.Model;

namespace Lifeline.Generator.Emitting;

/// <summary>
/// Emits <c>Lifeline.Generated.LifelineMessages</c>: the assembly's catalog (a switch over ids) and resolver. The schema
/// goes into another part of the same class (<see cref="SchemaEmitter"/>), so that a member added to a record leaves
/// this file alone.
/// </summary>
internal static class CatalogEmitter
{
    /// <param name="entries">The assembly's records.</param>
    /// <param name="target">The class to emit into.</param>
    /// <param name="isDefault">True for the generator's own internal class; false for the user's [LifelineCatalog] class.</param>
    public static string Emit(EquatableArray<CatalogEntry> entries, CatalogClassSpec target, bool isDefault)
    {
        var code = new CodeWriter();
        code.Line(Names.Header).Line("#nullable enable").Line(Names.NoObsoleteWarnings);
        Names.SuppressUserIds(code, entries.SelectMany(e => e.OwnIds).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToEquatableArray());
        code.Line();
        var ns = code.Namespace(target.Namespace);
        var blocks = target.ContainingTypes.Select(c => code.Open($"partial {c.Keyword} {Identifiers.Escape(c.Name)}")).ToList();
        if (isDefault)
        {
            code.Line("/// <summary>The lifecycle records of this assembly: a catalog to read frames and a resolver for MessagePackSerializer.</summary>");
        }

        code.Line(Names.GeneratedCode);
        using (code.Open(isDefault ? "internal static partial class LifelineMessages" : $"static partial class {Identifiers.Escape(target.Name)}"))
        {
            code.Line("/// <summary>Decodes every hello and disconnect record of this assembly by message id.</summary>");
            code.Line("public static global::Lifeline.ILifelineCatalog Catalog { get; } = new LifelineCatalog();").Line();
            code.Line("/// <summary>Resolves the generated formatter of every record of this assembly, for MessagePackSerializer.</summary>");
            code.Line("public static global::MessagePack.IFormatterResolver Resolver => LifelineResolver.Instance;").Line();
            EmitRegistration(code, entries);
            code.Line();
            EmitCatalog(code, entries);
            code.Line();
            EmitResolver(code, entries);
        }

        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            blocks[i].Dispose();
        }

        ns.Dispose();
        return code.ToString();
    }

    // Runs every record's type initializer, which registers it with LifelineMessage<T>, when the module loads: trimmed
    // and native AOT programs keep those initializers because each is named here by its exact type.
    private static void EmitRegistration(CodeWriter code, EquatableArray<CatalogEntry> entries)
    {
        code.Line("/// <summary>Registers the assembly's lifecycle records when it loads; called by the runtime only.</summary>");
        code.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        code.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        code.Line("#pragma warning disable CA2255 // The module initializer only registers this assembly's own generated records.");
        using (code.Open("internal static void RegisterLifelineRecords()"))
        {
            foreach (var entry in entries.Where(e => e.Role != MessageRole.Part))
            {
                code.Line($"global::System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof({entry.FullName}).TypeHandle);");
            }
        }

        code.Line("#pragma warning restore CA2255");
    }

    private static void EmitCatalog(CodeWriter code, EquatableArray<CatalogEntry> entries) =>
        CatalogSwitch.Emit(code, "LifelineCatalog", entries.Where(e => e.Role != MessageRole.Part).Select(e => (e.FullName, e.MessageId)));

    private static void EmitResolver(CodeWriter code, EquatableArray<CatalogEntry> entries)
    {
        using (code.Open("private sealed class LifelineResolver : global::MessagePack.IFormatterResolver"))
        {
            code.Line("public static readonly LifelineResolver Instance = new LifelineResolver();").Line();
            code.Line("public global::MessagePack.Formatters.IMessagePackFormatter<T>? GetFormatter<T>() => Cache<T>.Formatter;").Line();
            using (code.Open("private static object? Lookup(global::System.Type type)"))
            {
                foreach (var entry in entries)
                {
                    code.Line($"if (type == typeof({entry.FullName})) return {entry.FullName}.LifelineFormatter.Instance;");
                }

                code.Line("return null;");
            }

            code.Line();
            using (code.Open("private static class Cache<T>"))
            {
                code.Line("public static readonly global::MessagePack.Formatters.IMessagePackFormatter<T>? Formatter = (global::MessagePack.Formatters.IMessagePackFormatter<T>?)Lookup(typeof(T));");
            }
        }
    }
}
