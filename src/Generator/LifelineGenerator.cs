using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lifeline.Generator.Diagnostics;
using Lifeline.Generator.Emitting;
using Lifeline.Generator.Model;
using Lifeline.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lifeline.Generator;

/// <summary>
/// Generates, for every record marked [HelloMessage], [DisconnectMessage] or [MessagePart], its lifecycle
/// interface implementation and MessagePack formatter, plus one catalog and resolver per assembly.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LifelineGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incremental caching tests.</summary>
    public static class Steps
    {
        public const string Hellos = "Lifeline.Hellos";
        public const string Disconnects = "Lifeline.Disconnects";
        public const string Parts = "Lifeline.Parts";
        public const string Specs = "Lifeline.Specs";
        public const string Catalog = "Lifeline.Catalog";
        public const string Handlers = "Lifeline.Handlers";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var hellos = Annotated(context, MessageParser.HelloAttribute, MessageRole.Hello, Steps.Hellos);
        var disconnects = Annotated(context, MessageParser.DisconnectAttribute, MessageRole.Disconnect, Steps.Disconnects);
        var parts = Annotated(context, MessageParser.PartAttribute, MessageRole.Part, Steps.Parts);

        foreach (var results in new[] { hellos, disconnects, parts })
        {
            context.RegisterSourceOutput(results.SelectMany((r, _) => r.Diagnostics), static (spc, d) => spc.ReportDiagnostic(d.ToDiagnostic()));
            var specs = results.Select(static (r, _) => r.Spec).Where(static s => s is not null).WithTrackingName(Steps.Specs);
            context.RegisterSourceOutput(specs, static (spc, spec) => spc.AddSource(spec!.HintName, MessageEmitter.Emit(spec)));
        }

        var entries = hellos.Collect()
            .Combine(disconnects.Collect())
            .Combine(parts.Collect())
            .Select(static (all, _) => ToEntries(all.Left.Left.Concat(all.Left.Right).Concat(all.Right)))
            .WithTrackingName(Steps.Catalog);

        // Handlers decode through the assembly's catalog when there is one, so presence covers every record.
        var handlers = context.SyntaxProvider.ForAttributeWithMetadataName(
                HandlerParser.HandlerAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, ct) => HandlerParser.Parse(ctx, ct))
            .WithTrackingName(Steps.Handlers);
        var hasCatalog = entries.Select(static (e, _) => e.Count > 0);
        context.RegisterSourceOutput(handlers.Combine(hasCatalog), static (spc, pair) =>
        {
            foreach (var diagnostic in pair.Left.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (pair.Left.Spec is { } spec)
            {
                spc.AddSource(spec.HintName, HandlerEmitter.Emit(spec, pair.Right));
            }
        });

        context.RegisterSourceOutput(entries, static (spc, entries) =>
        {
            var unique = new List<CatalogEntry>();
            var byId = new Dictionary<uint, CatalogEntry>();
            foreach (var entry in entries)
            {
                if (entry.Role != MessageRole.Part && byId.TryGetValue(entry.MessageId, out var first))
                {
                    spc.ReportDiagnostic(DuplicateId(first, entry));
                    continue;
                }

                byId[entry.MessageId] = entry;
                unique.Add(entry);
            }

            if (unique.Count > 0)
            {
                spc.AddSource("Lifeline.LifelineMessages.g.cs", CatalogEmitter.Emit(unique.ToEquatableArray()));
            }
        });
    }

    private static IncrementalValuesProvider<ParseResult> Annotated(IncrementalGeneratorInitializationContext context, string attribute, MessageRole role, string step) =>
        context.SyntaxProvider.ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is TypeDeclarationSyntax,
                (ctx, ct) => MessageParser.Parse(ctx, role, ct))
            .WithTrackingName(step);

    private static EquatableArray<CatalogEntry> ToEntries(IEnumerable<ParseResult> results) =>
        results.Select(r => r.Spec)
            .Where(s => s is not null)
            .Select(s => new CatalogEntry(s!.FullName, s.DisplayName, s.Role, s.MessageId, s.Location))
            .OrderBy(e => e.FullName, System.StringComparer.Ordinal)
            .ToEquatableArray();

    private static Diagnostic DuplicateId(CatalogEntry first, CatalogEntry second)
    {
        var attribute = second.Role == MessageRole.Hello ? "HelloMessage" : "DisconnectMessage";
        var info = new DiagnosticInfo(
            DiagnosticDescriptors.DuplicateId.Id,
            second.Location,
            first.Location is null ? EquatableArray<LocationInfo>.Empty : new[] { first.Location }.ToEquatableArray(),
            new[] { second.DisplayName, first.DisplayName, second.MessageId.ToString("X8", System.Globalization.CultureInfo.InvariantCulture), attribute }.ToEquatableArray());
        return info.ToDiagnostic();
    }
}
