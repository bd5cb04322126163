using System.Collections.Immutable;
using System.Linq;
using Lifeline.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lifeline.Generator.Analyzers;

/// <summary>
/// Checks plain NetMQ and Lifeline socket usage: lifecycle options on socket types that reject or ignore them,
/// options set after a socket connected or bound, hellos cleared after a connect, endpoints NetMQ rejects. Each
/// socket is followed from its creation through the method and the methods of the same type it calls
/// (<see cref="SocketFlow"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SocketUsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DisconnectThrows,
        DiagnosticDescriptors.DisconnectNeverDelivered,
        DiagnosticDescriptors.HelloIgnored,
        DiagnosticDescriptors.HelloClearedAfterConnect,
        DiagnosticDescriptors.OptionAfterConnect,
        DiagnosticDescriptors.InvalidEndpoint,
        DiagnosticDescriptors.TransportNotSupported,
        DiagnosticDescriptors.LifecycleOverUdp,
        DiagnosticDescriptors.EmptyDisconnect,
        DiagnosticDescriptors.DisconnectHandlerNeverRuns,
        DiagnosticDescriptors.HandlerNeverRunsOnSocket);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Nothing to check in a compilation that does not use NetMQ.
            if (NetMQSymbols.Create(start.Compilation) is not { } symbols)
            {
                return;
            }

            start.RegisterSymbolStartAction(symbolStart => AnalyzeType(symbolStart, symbols), SymbolKind.NamedType);
            HandlerHosting.Register(start, symbols);
        });
    }

    private static void AnalyzeType(SymbolStartAnalysisContext context, NetMQSymbols symbols)
    {
        // A type is analysed whole, once all its bodies are in: a socket's story runs across its methods.
        var bodies = new TypeBodies((INamedTypeSymbol)context.Symbol, symbols);
        context.RegisterOperationBlockAction(block =>
        {
            foreach (var operation in block.OperationBlocks)
            {
                // Parameter defaults and attributes have nothing to check.
                if (operation is IBlockOperation or IMethodBodyOperation or IConstructorBodyOperation or IFieldInitializerOperation or IPropertyInitializerOperation)
                {
                    bodies.Add(block.OwningSymbol, operation);
                }
            }
        });
        context.RegisterSymbolEndAction(end =>
        {
            bodies.Seal();
            var reports = new Reports();
            SocketFlow.Analyze(bodies, reports);
            foreach (var diagnostic in reports.All.OrderBy(d => d.Location.SourceSpan.Start))
            {
                end.ReportDiagnostic(diagnostic);
            }
        });
    }
}
