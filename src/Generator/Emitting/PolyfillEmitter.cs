using System.Linq;
using Microsoft.CodeAnalysis;

namespace Lifeline.Generator.Emitting;

/// <summary>
/// The one language-support type records need that older targets lack: <c>IsExternalInit</c>, emitted (internal) into
/// an assembly with lifecycle records only when no accessible one exists, so that <c>partial record Hello(string Name)</c>
/// compiles on .NET Framework and .NET Standard without another package.
/// </summary>
internal static class PolyfillEmitter
{
    private const string IsExternalInit = "System.Runtime.CompilerServices.IsExternalInit";

    public const string IsExternalInitSource =
        Names.Header + "\n" +
        "namespace System.Runtime.CompilerServices\n" +
        "{\n" +
        "    /// <summary>Marks init accessors; the target framework lacks it, so Lifeline provides it to this assembly.</summary>\n" +
        "    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]\n" +
        "    internal static class IsExternalInit\n" +
        "    {\n" +
        "    }\n" +
        "}\n";

    public static bool NeedIsExternalInit(Compilation compilation) =>
        !compilation.GetTypesByMetadataName(IsExternalInit).Any(t => compilation.IsSymbolAccessibleWithin(t, compilation.Assembly));
}
