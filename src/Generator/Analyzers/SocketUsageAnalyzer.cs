using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lifeline.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lifeline.Generator.Analyzers;

/// <summary>
/// Checks plain NetMQ and Lifeline socket usage within each method: lifecycle options on socket types that
/// reject or ignore them, options set after Connect/Bind, cleared hellos, and endpoint literals.
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
        DiagnosticDescriptors.MulticastLifecycle);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Nothing to check in a compilation that does not use NetMQ.
            if (start.Compilation.GetTypeByMetadataName("NetMQ.NetMQSocket") is null)
            {
                return;
            }

            start.RegisterOperationBlockAction(AnalyzeBlock);
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context)
    {
        var events = new List<SocketEvent>();
        foreach (var block in context.OperationBlocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                if (SocketEvent.From(operation) is { } socketEvent)
                {
                    events.Add(socketEvent);
                }
            }
        }

        foreach (var socketEvent in events)
        {
            CheckSocketType(context, socketEvent);
            CheckEndpoint(context, socketEvent);
        }

        foreach (var perSocket in events.Where(e => e.Socket is not null).GroupBy(e => e.Socket, SymbolEqualityComparer.Default))
        {
            CheckOrder(context, perSocket.OrderBy(e => e.Position).ToList());
        }
    }

    private static void CheckSocketType(OperationBlockAnalysisContext context, SocketEvent e)
    {
        if (e.Kind != SocketEventKind.RawOption || e.SocketType is not { } type)
        {
            return;
        }

        if (e.IsDisconnect && !SocketKinds.GeneratesDisconnect(type))
        {
            var descriptor = SocketKinds.AcceptsDisconnectSilently(type) ? DiagnosticDescriptors.DisconnectNeverDelivered : DiagnosticDescriptors.DisconnectThrows;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, e.Location, type));
        }
        else if (!e.IsDisconnect && !SocketKinds.SendsHello(type) && !e.IsNull)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HelloIgnored, e.Location, type));
        }
    }

    private static void CheckEndpoint(OperationBlockAnalysisContext context, SocketEvent e)
    {
        if (e.Kind != SocketEventKind.Attach || e.Endpoint is null)
        {
            return;
        }

        var problem = EndpointRules.Validate(e.Endpoint, e.IsBind, e.PortOptional, out _);
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidEndpoint, e.EndpointLocation, e.Endpoint, problem));
        }
    }

    private static void CheckOrder(OperationBlockAnalysisContext context, List<SocketEvent> events)
    {
        var hasLifecycle = events.Any(e => e.Kind != SocketEventKind.Attach && !e.IsNull);
        SocketEvent? firstAttach = null;
        foreach (var e in events)
        {
            if (e.Kind == SocketEventKind.Attach)
            {
                firstAttach ??= e;
                EndpointRules.Validate(e.Endpoint ?? string.Empty, e.IsBind, e.PortOptional, out var transport);
                if (hasLifecycle && transport is "pgm" or "epgm")
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MulticastLifecycle, e.EndpointLocation, e.Endpoint, transport));
                }

                continue;
            }

            if (firstAttach is null)
            {
                continue;
            }

            if (e.IsNull && !e.IsDisconnect)
            {
                if (!firstAttach.IsBind)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HelloClearedAfterConnect, e.Location, firstAttach.SocketName));
                }

                continue;
            }

            var consequence = e.IsDisconnect ? "may never generate it" : "never send it";
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OptionAfterConnect, e.Location, e.OptionName, firstAttach.SocketName, firstAttach.MethodName, consequence));
        }
    }
}
