using System.Collections.Immutable;
using System.Linq;
using Lifeline.Generator.Diagnostics;
using Lifeline.Generator.Model;
using Lifeline.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lifeline.Generator.Analyzers;

/// <summary>
/// Explains why a value cannot be passed to Lifeline's typed <c>SetHelloMessage</c> or <c>SetDisconnectMessage</c>,
/// where the compiler only says that a generic constraint failed (CS0311 or CS0315), also for the options of Lifeline.Hosting: the record lacks its attribute, or is
/// the other kind of message.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LifecycleArgumentAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NotALifecycleMessage);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.InvocationExpression);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        // socket.SetHelloMessage(...) or socket?.SetHelloMessage(...).
        var called = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            _ => null,
        };
        if (called?.Identifier.ValueText is not ("SetHelloMessage" or "SetDisconnectMessage" or "SetHello") || invocation.ArgumentList.Arguments.Count != 1)
        {
            return;
        }

        var name = called.Identifier.ValueText;

        // Only a call the compiler could not bind to one of Lifeline's methods: the socket extensions, or the options of
        // Lifeline.Hosting (SetHello, SetDisconnectMessage).
        var info = context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken);
        if (info.Symbol is not null || info.CandidateSymbols.IsEmpty || !info.CandidateSymbols.All(IsLifelines))
        {
            return;
        }

        // A factory (Lifeline.Hosting's 'o.SetHello(sp => new Hello(...))'): the record is what it returns.
        var argument = invocation.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax { ExpressionBody: { } made } ? made : invocation.ArgumentList.Arguments[0].Expression;
        if (context.SemanticModel.GetTypeInfo(argument, context.CancellationToken).Type is not INamedTypeSymbol type || type.TypeKind == TypeKind.Error)
        {
            return;
        }

        var wanted = name == "SetDisconnectMessage" ? MessageRole.Disconnect : MessageRole.Hello;
        var attribute = wanted == MessageRole.Hello ? "[HelloMessage]" : "[DisconnectMessage]";
        var role = MessageParser.RoleOf(type);
        string? reason = role switch
        {
            null when type.IsRecord => $"it has no {attribute} attribute; mark it {attribute} and make it partial",
            null => $"it is not a record; declare a 'partial record' marked {attribute}",
            MessageRole.Part => $"it is a [MessagePart], which travels only inside messages; mark it {attribute} instead",
            _ when role != wanted => $"it is a {(role == MessageRole.Hello ? "hello" : "disconnect")} message; {name} takes a record marked {attribute}",

            // Marked as wanted: the record's own errors (not partial, say) are reported on it.
            _ => null,
        };
        if (reason is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotALifecycleMessage, argument.GetLocation(), type.ToDisplayString(), name, reason));
        }
    }

    private static bool IsLifelines(ISymbol candidate) =>
        SymbolNames.Is(candidate.ContainingType, "Lifeline", "LifelineSocketExtensions")
        || SymbolNames.Is(candidate.ContainingType, "Lifeline.Hosting", "LifelineSocketOptions")
        || SymbolNames.Is(candidate.ContainingType, "Lifeline.Hosting", "LifelineRouterOptions");
}
