using System.Collections.Generic;
using System.Linq;
using Lifeline.Generator.Model;

namespace Lifeline.Generator.Emitting;

/// <summary>
/// Emits the schema of the assembly's records (<see cref="SchemaJson"/>) twice: as the catalog class's <c>Schema</c>
/// property, for run time, and as <c>[assembly: AssemblyMetadata("Lifeline.Schema", …)]</c>, from which the package's
/// MSBuild step writes it next to the build output.
/// </summary>
internal static class SchemaEmitter
{
    /// <summary>The key of the assembly metadata that holds the schema; build/Lifeline.targets looks for it.</summary>
    public const string MetadataKey = "Lifeline.Schema";

    public static string Emit(string json, CatalogClassSpec target, bool isDefault)
    {
        // A verbatim literal keeps the JSON readable in the generated file; it holds no character that needs more than "".
        var literal = "@\"" + json.Replace("\"", "\"\"") + "\"";
        var code = new CodeWriter();
        code.Line(Names.Header).Line("#nullable enable").Line();
        code.Line($"[assembly: global::System.Reflection.AssemblyMetadata(\"{MetadataKey}\", {literal})]").Line();
        var ns = code.Namespace(target.Namespace);
        var blocks = target.ContainingTypes.Select(c => code.Open($"partial {c.Keyword} {Identifiers.Escape(c.Name)}")).ToList();
        using (code.Open(isDefault ? "internal static partial class LifelineMessages" : $"static partial class {Identifiers.Escape(target.Name)}"))
        {
            code.Line("/// <summary>");
            code.Line("/// The schema of this assembly's lifecycle records, as JSON (docs/schema.md): for each record its full name, kind, id");
            code.Line("/// and members in wire order, with each member's wire type, nullability and whether it is required.");
            code.Line("/// </summary>");
            code.Line($"public static string Schema => {literal};");
        }

        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            blocks[i].Dispose();
        }

        ns.Dispose();
        return code.ToString();
    }

    /// <summary>The records in the schema's order: by full name, as the catalog lists them.</summary>
    public static IEnumerable<MessageSpec> InOrder(IEnumerable<MessageSpec> records) =>
        records.OrderBy(r => r.FullName, System.StringComparer.Ordinal);
}
