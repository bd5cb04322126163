using System.Collections.Generic;
using System.Globalization;
using Lifeline.Generator.Diagnostics;
using Lifeline.Generator.Model;
using Lifeline.Generator.Parsing;

namespace Lifeline.Generator.Checks;

/// <summary>
/// The rule for hello and disconnect records that share a message id (LFL0008): in order of full name, the first keeps
/// the id and goes into the catalog; each later one is reported on its name, with the first as additional location.
/// </summary>
internal static class DuplicateIds
{
    /// <summary>The entries the catalog holds: parts, and the first record of each id.</summary>
    public static EquatableArray<CatalogEntry> Kept(EquatableArray<CatalogEntry> entries) => Split(entries).Kept;

    /// <summary>One diagnostic per record that lost its id to another; none in valid code.</summary>
    public static EquatableArray<SiteDiagnostic> Diagnostics(EquatableArray<CatalogEntry> entries) => Split(entries).Diagnostics;

    private static (EquatableArray<CatalogEntry> Kept, EquatableArray<SiteDiagnostic> Diagnostics) Split(EquatableArray<CatalogEntry> entries)
    {
        var kept = new List<CatalogEntry>(entries.Count);
        var diagnostics = new List<SiteDiagnostic>();
        var byId = new Dictionary<uint, CatalogEntry>();
        foreach (var entry in entries)
        {
            if (entry.Role != MessageRole.Part && byId.TryGetValue(entry.MessageId, out var first))
            {
                diagnostics.Add(Duplicate(first, entry));
                continue;
            }

            byId[entry.MessageId] = entry;
            kept.Add(entry);
        }

        return (kept.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static SiteDiagnostic Duplicate(CatalogEntry first, CatalogEntry second)
    {
        var attribute = second.Role == MessageRole.Hello ? "HelloMessage" : "DisconnectMessage";
        var id = second.MessageId.ToString("X8", CultureInfo.InvariantCulture);
        return new SiteDiagnostic(
            DiagnosticDescriptors.DuplicateId.Id,
            new TypeSite(second.MetadataName, MessageParser.AttributeName(second.Role)),
            new TypeSite(first.MetadataName, MessageParser.AttributeName(first.Role)),
            new[] { second.DisplayName, first.DisplayName, id, attribute }.ToEquatableArray());
    }
}
