using System.Collections.Generic;
using System.Linq;
using Lifeline.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Lifeline.Generator.Emitting;

/// <summary>
/// The language-support types generated code and records need that older targets (.NET Framework, .NET Standard)
/// lack: <c>IsExternalInit</c> (records' init accessors) and <c>ModuleInitializerAttribute</c> (the catalog registers
/// the records when the assembly loads). Each is emitted, internal, into an assembly with lifecycle records only when no
/// accessible one exists, so that <c>partial record Hello(string Name)</c> compiles there without another package.
/// </summary>
internal static class PolyfillEmitter
{
    private static readonly (string MetadataName, string HintName, string Source)[] Types =
    [
        ("System.Runtime.CompilerServices.IsExternalInit", "Lifeline.IsExternalInit.g.cs", Source("internal static class IsExternalInit", "Marks init accessors")),
        ("System.Runtime.CompilerServices.ModuleInitializerAttribute", "Lifeline.ModuleInitializerAttribute.g.cs", Source("[global::System.AttributeUsage(global::System.AttributeTargets.Method, Inherited = false)]\n    internal sealed class ModuleInitializerAttribute : global::System.Attribute", "Marks a module initializer")),
    ];

    /// <summary>The hint names and sources of the types this compilation lacks.</summary>
    public static EquatableArray<(string HintName, string Source)> Missing(Compilation compilation) =>
        Types.Where(t => !compilation.GetTypesByMetadataName(t.MetadataName).Any(s => compilation.IsSymbolAccessibleWithin(s, compilation.Assembly)))
            .Select(t => (t.HintName, t.Source))
            .ToEquatableArray();

    private static string Source(string declaration, string purpose) =>
        Names.Header + "\n" +
        "namespace System.Runtime.CompilerServices\n" +
        "{\n" +
        $"    /// <summary>{purpose}; the target framework lacks it, so Lifeline provides it to this assembly.</summary>\n" +
        "    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]\n" +
        $"    {declaration}\n" +
        "    {\n" +
        "    }\n" +
        "}\n";
}
