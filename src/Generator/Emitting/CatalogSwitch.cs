using System.Collections.Generic;
using System.Globalization;

namespace Lifeline.Generator.Emitting;

/// <summary>Emits a catalog class: <c>ILifelineCatalog.TryDecode</c> as a switch over message ids. The assembly's catalog and a handler's own use it.</summary>
internal static class CatalogSwitch
{
    public static void Emit(CodeWriter code, string className, IEnumerable<(string FullName, uint MessageId)> records)
    {
        using (code.Open($"private sealed class {className} : global::Lifeline.GeneratedCatalog"))
        using (code.Open("protected override global::Lifeline.MalformedFrame? Decode(global::Lifeline.LifelineKind kind, uint messageId, global::System.ReadOnlyMemory<byte> frame, out object? message)"))
        using (code.Open("switch (messageId)"))
        {
            foreach (var (fullName, messageId) in records)
            {
                code.Line($"case 0x{messageId.ToString("X8", CultureInfo.InvariantCulture)}u:");
                using (code.Indent())
                {
                    code.Line($"return global::Lifeline.BodyDecoder.DecodeBoxed<{fullName}>(kind, frame, out message);");
                }
            }

            code.Line("default:");
            using (code.Indent())
            {
                code.Line("message = null;");
                code.Line("return global::Lifeline.LifelineCatalog.UnknownId(kind, messageId, frame.Length);");
            }
        }
    }
}
