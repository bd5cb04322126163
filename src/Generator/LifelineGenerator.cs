using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lifeline.Generator.Diagnostics;
using Lifeline.Generator.Emitting;
using Lifeline.Generator.Model;
using Lifeline.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
        public const string CatalogClass = "Lifeline.CatalogClass";
        public const string LanguageVersion = "Lifeline.LanguageVersion";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Records need C# 9: below it the compiler reports that on the user's lines, and nothing is generated.
        var supported = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp9 })
            .WithTrackingName(Steps.LanguageVersion);

        var hellos = Annotated(context, MessageParser.HelloAttribute, MessageRole.Hello, Steps.Hellos);
        var disconnects = Annotated(context, MessageParser.DisconnectAttribute, MessageRole.Disconnect, Steps.Disconnects);
        var parts = Annotated(context, MessageParser.PartAttribute, MessageRole.Part, Steps.Parts);

        foreach (var results in new[] { hellos, disconnects, parts })
        {
            Report(context, results.SelectMany(static (r, _) => r.Diagnostics), supported);
            var specs = results.Select(static (r, _) => r.Spec).Where(static s => s is not null).WithTrackingName(Steps.Specs);
            context.RegisterSourceOutput(specs.Combine(supported), static (spc, pair) =>
            {
                if (pair.Right)
                {
                    spc.AddSource(pair.Left!.HintName, MessageEmitter.Emit(pair.Left));
                }
            });
        }

        var entries = hellos.Collect()
            .Combine(disconnects.Collect())
            .Combine(parts.Collect())
            .Select(static (all, _) => ToEntries(all.Left.Left.Concat(all.Left.Right).Concat(all.Right)))
            .WithTrackingName(Steps.Catalog);

        // Where the catalog goes: the one class the user marked [LifelineCatalog], or Lifeline.Generated.LifelineMessages.
        var catalogClasses = context.SyntaxProvider.ForAttributeWithMetadataName(
                CatalogClassParser.CatalogAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => CatalogClassParser.Parse(ctx, ct))
            .WithTrackingName(Steps.CatalogClass)
            .Collect();
        Report(context, catalogClasses.SelectMany(static (all, _) => CatalogClassDiagnostics(all)), supported);
        var catalogClass = catalogClasses.Select(static (all, _) => ChooseCatalogClass(all));

        // Handlers decode through the assembly's catalog when there is one, so presence covers every record.
        var handlers = context.SyntaxProvider.ForAttributeWithMetadataName(
                HandlerParser.HandlerAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, ct) => HandlerParser.Parse(ctx, ct))
            .WithTrackingName(Steps.Handlers);
        var assemblyCatalog = entries.Combine(catalogClass)
            .Select(static (pair, _) => pair.Left.Count > 0 || pair.Right is not null ? (pair.Right ?? CatalogClassSpec.Default).FullName : null);
        Report(context, handlers.SelectMany(static (h, _) => h.Diagnostics), supported);
        context.RegisterSourceOutput(handlers.Combine(assemblyCatalog).Combine(supported), static (spc, pair) =>
        {
            if (pair.Right && pair.Left.Left.Spec is { } spec)
            {
                spc.AddSource(spec.HintName, HandlerEmitter.Emit(spec, pair.Left.Right));
            }
        });

        // Records and the catalog need types that .NET Framework and .NET Standard lack.
        var missing = context.CompilationProvider.Select(static (compilation, _) => PolyfillEmitter.Missing(compilation));
        context.RegisterSourceOutput(missing.Combine(entries).Combine(supported), static (spc, pair) =>
        {
            if (pair.Right && pair.Left.Right.Count > 0)
            {
                foreach (var (hintName, source) in pair.Left.Left)
                {
                    spc.AddSource(hintName, source);
                }
            }
        });

        context.RegisterSourceOutput(entries.Combine(catalogClass).Combine(supported), static (spc, input) =>
        {
            if (!input.Right)
            {
                return;
            }

            var ((entries, target), _) = input;
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

            if (unique.Count > 0 || target is not null)
            {
                spc.AddSource("Lifeline.LifelineMessages.g.cs", CatalogEmitter.Emit(unique.ToEquatableArray(), target ?? CatalogClassSpec.Default, isDefault: target is null));
            }
        });
    }

    private static void Report(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<DiagnosticInfo> diagnostics, IncrementalValueProvider<bool> supported) =>
        context.RegisterSourceOutput(diagnostics.Combine(supported), static (spc, pair) =>
        {
            if (pair.Right)
            {
                spc.ReportDiagnostic(pair.Left.ToDiagnostic());
            }
        });

    // The first valid [LifelineCatalog] class in source order wins; the others are reported.
    private static CatalogClassSpec? ChooseCatalogClass(ImmutableArray<CatalogClassResult> all) =>
        all.Select(r => r.Spec).FirstOrDefault(s => s is not null);

    private static IEnumerable<DiagnosticInfo> CatalogClassDiagnostics(ImmutableArray<CatalogClassResult> all)
    {
        var chosen = ChooseCatalogClass(all);
        foreach (var result in all)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                yield return diagnostic;
            }

            if (result.Spec is not null && chosen is not null && !ReferenceEquals(result.Spec, chosen))
            {
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.TwoCatalogClasses, result.Location, result.Spec.DisplayName, chosen.DisplayName);
            }
        }
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
