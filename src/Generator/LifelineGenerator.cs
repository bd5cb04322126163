using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lifeline.Generator.Checks;
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
        public const string AcrossTypes = "Lifeline.AcrossTypes";
        public const string Schema = "Lifeline.Schema";
        public const string HiddenNamespaces = "Lifeline.HiddenNamespaces";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Records need C# 9: below it the compiler reports that on the user's lines, and nothing is generated.
        var languageSupported = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp9 })
            .WithTrackingName(Steps.LanguageVersion);

        // A type in the global namespace named like a namespace generated code names with 'global::' (System, NetMQ…)
        // makes every such name ambiguous: then nothing is generated, and LFL0016 says why.
        var hidingTypes = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => HiddenNamespaces.Declares(node),
                static (ctx, _) => HiddenNamespaces.Diagnostic(ctx.Node))
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray())
            .WithTrackingName(Steps.HiddenNamespaces);
        var supported = languageSupported.Combine(hidingTypes).Select(static (pair, _) => pair.Left && pair.Right.Count == 0);

        // Two pipelines, as in System.Text.Json's generator: sources come from specs that hold no location, so moving
        // code regenerates nothing; diagnostics travel apart and may be reported again when their lines move.
        var specs = new List<IncrementalValueProvider<ImmutableArray<MessageSpec>>>();
        var validSpecs = new List<IncrementalValuesProvider<MessageSpec>>();
        foreach (var (attribute, role, step) in new[]
        {
            (MessageParser.HelloAttribute, MessageRole.Hello, Steps.Hellos),
            (MessageParser.DisconnectAttribute, MessageRole.Disconnect, Steps.Disconnects),
            (MessageParser.PartAttribute, MessageRole.Part, Steps.Parts),
        })
        {
            var results = Annotated(context, attribute, role, step);
            Report(context, results.SelectMany(static (r, _) => r.Diagnostics), supported);
            var valid = results.Select(static (r, _) => r.Spec).Where(static s => s is not null).Select(static (s, _) => s!).WithTrackingName(Steps.Specs);
            validSpecs.Add(valid);
            specs.Add(valid.Collect());
        }

        // The compiler compares hint names ignoring case; records whose names differ only in case (Hello, HELLO) get
        // their exact name's hash in the hint. In valid code the list is empty and stays cached.
        var recordTwins = specs[0].Combine(specs[1]).Combine(specs[2])
            .Select(static (all, _) => CaseTwins(all.Left.Left.Concat(all.Left.Right).Concat(all.Right).Select(s => s.HintName)));
        foreach (var valid in validSpecs)
        {
            context.RegisterSourceOutput(valid.Combine(recordTwins).Combine(supported), static (spc, input) =>
            {
                var ((spec, twins), supported) = input;
                if (supported)
                {
                    spc.AddSource(Distinct(spec.HintName, twins), MessageEmitter.Emit(spec));
                }
            });
        }

        var entries = specs[0].Combine(specs[1]).Combine(specs[2])
            .Select(static (all, _) => ToEntries(all.Left.Left.Concat(all.Left.Right).Concat(all.Right)))
            .WithTrackingName(Steps.Catalog);

        // Where the catalog goes: the one class the user marked [LifelineCatalog], or Lifeline.Generated.LifelineMessages.
        var catalogClasses = context.SyntaxProvider.ForAttributeWithMetadataName(
                CatalogClassParser.CatalogAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => CatalogClassParser.Parse(ctx, ct))
            .WithTrackingName(Steps.CatalogClass);
        Report(context, catalogClasses.SelectMany(static (r, _) => r.Diagnostics), supported);
        var validCatalogClasses = catalogClasses.Select(static (r, _) => r.Spec).Where(static s => s is not null).Select(static (s, _) => s!).Collect();
        var catalogClass = validCatalogClasses.Select(static (all, _) => CatalogClasses.Chosen(all));

        // Checks across types find their problems in location-free models, and only then ask the current compilation
        // where the types are: in valid code that is one comparison of two empty lists per edit.
        var acrossTypes = entries.Select(static (e, _) => DuplicateIds.Diagnostics(e))
            .Combine(validCatalogClasses.Select(static (all, _) => CatalogClasses.Diagnostics(all)))
            .Select(static (pair, _) => pair.Left.Concat(pair.Right).ToEquatableArray())
            .WithTrackingName(Steps.AcrossTypes);
        var located = acrossTypes.Combine(context.CompilationProvider)
            .Select(static (pair, ct) => Sites.Locate(pair.Left, pair.Right, ct));
        Report(context, located.SelectMany(static (all, _) => all), supported);

        // Handlers decode through the assembly's catalog when there is one, so presence covers every record.
        var handlers = context.SyntaxProvider.ForAttributeWithMetadataName(
                HandlerParser.HandlerAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, ct) => HandlerParser.Parse(ctx, ct))
            .WithTrackingName(Steps.Handlers);
        var assemblyCatalog = entries.Combine(catalogClass)
            .Select(static (pair, _) => pair.Left.Count > 0 || pair.Right is not null ? (pair.Right ?? CatalogClassSpec.Default).FullName : null);
        Report(context, handlers.SelectMany(static (h, _) => h.Diagnostics), supported);
        var handlerSpecs = handlers.Select(static (h, _) => h.Spec).Where(static s => s is not null).Select(static (s, _) => s!);
        var handlerTwins = handlerSpecs.Collect().Select(static (all, _) => CaseTwins(all.Select(h => h.HintName)));
        context.RegisterSourceOutput(handlerSpecs.Combine(assemblyCatalog).Combine(handlerTwins).Combine(supported), static (spc, input) =>
        {
            var (((spec, catalog), twins), supported) = input;
            if (supported)
            {
                spc.AddSource(Distinct(spec.HintName, twins), HandlerEmitter.Emit(spec, catalog));
            }
        });

        // Records and the catalog need types that .NET Framework and .NET Standard lack.
        var hasRecords = entries.Select(static (e, _) => e.Count > 0);

        // Said only where there is something to generate: a project without records or handlers is not Lifeline's.
        var generates = hasRecords.Combine(handlerSpecs.Collect()).Select(static (pair, _) => pair.Left || !pair.Right.IsEmpty);
        context.RegisterSourceOutput(hidingTypes.Combine(generates).Combine(languageSupported), static (spc, input) =>
        {
            var ((hiding, generates), language) = input;
            if (language && generates)
            {
                foreach (var diagnostic in hiding)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            }
        });
        var missing = context.CompilationProvider.Select(static (compilation, _) => PolyfillEmitter.Missing(compilation));
        context.RegisterSourceOutput(missing.Combine(hasRecords).Combine(supported), static (spc, pair) =>
        {
            if (pair.Right && pair.Left.Right)
            {
                foreach (var (hintName, source) in pair.Left.Left)
                {
                    spc.AddSource(hintName, source);
                }
            }
        });

        context.RegisterSourceOutput(entries.Combine(catalogClass).Combine(supported), static (spc, input) =>
        {
            var ((entries, target), supported) = input;
            if (supported && (entries.Count > 0 || target is not null))
            {
                spc.AddSource("Lifeline.LifelineMessages.g.cs", CatalogEmitter.Emit(DuplicateIds.Kept(entries), target ?? CatalogClassSpec.Default, isDefault: target is null));
            }
        });

        // The schema is a string: a change to a record that leaves it equal (a default's C# spelling) rewrites nothing.
        var schema = specs[0].Combine(specs[1]).Combine(specs[2])
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName))
            .Select(static (all, _) => SchemaJson.Write(all.Right, SchemaEmitter.InOrder(all.Left.Left.Left.Concat(all.Left.Left.Right).Concat(all.Left.Right))))
            .WithTrackingName(Steps.Schema);
        context.RegisterSourceOutput(schema.Combine(hasRecords).Combine(catalogClass).Combine(supported), static (spc, input) =>
        {
            var (((json, hasRecords), target), supported) = input;
            if (supported && (hasRecords || target is not null))
            {
                spc.AddSource("Lifeline.Schema.g.cs", SchemaEmitter.Emit(json, target ?? CatalogClassSpec.Default, isDefault: target is null));
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

    private static IncrementalValuesProvider<ParseResult> Annotated(IncrementalGeneratorInitializationContext context, string attribute, MessageRole role, string step) =>
        context.SyntaxProvider.ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is TypeDeclarationSyntax,
                (ctx, ct) => MessageParser.Parse(ctx, role, ct))
            .WithTrackingName(step);

    /// <summary>The hint names that equal another one ignoring case, as the compiler compares them.</summary>
    private static EquatableArray<string> CaseTwins(IEnumerable<string> hintNames) =>
        hintNames.GroupBy(h => h, System.StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g)
            .OrderBy(h => h, System.StringComparer.Ordinal)
            .ToEquatableArray();

    /// <summary>The hint name itself, or, for one of several that differ only in case, with the hash of its exact spelling.</summary>
    private static string Distinct(string hintName, EquatableArray<string> twins)
    {
        if (!twins.Contains(hintName))
        {
            return hintName;
        }

        var stem = hintName.Substring(0, hintName.Length - ".g.cs".Length);
        return stem + "." + MessageIds.FromName(hintName).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
    }

    private static EquatableArray<CatalogEntry> ToEntries(IEnumerable<MessageSpec> specs) =>
        specs.Select(s => new CatalogEntry(s.FullName, s.MetadataName, s.DisplayName, s.Role, s.MessageId, s.OwnIds))
            .OrderBy(e => e.FullName, System.StringComparer.Ordinal)
            .ToEquatableArray();
}
