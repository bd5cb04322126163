using System.Collections.Immutable;
using Lifeline.Generator.Diagnostics;
using Lifeline.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lifeline.Generator.Checks;

/// <summary>
/// Types of the global namespace that hide a namespace generated code names from the root (<c>global::System</c>,
/// <c>global::MessagePack</c>, <c>global::NetMQ</c>, <c>global::Lifeline</c>): with both a type and a namespace of one
/// name at the root, every such name is ambiguous (CS0434, CS0437) and no generated file could compile.
/// </summary>
internal static class HiddenNamespaces
{
    private static readonly ImmutableHashSet<string> Names = ImmutableHashSet.Create("System", "MessagePack", "NetMQ", "Lifeline");

    /// <summary>A type or delegate declared directly in a file's global namespace under one of those names.</summary>
    public static bool Declares(SyntaxNode node) => node switch
    {
        BaseTypeDeclarationSyntax { Parent: CompilationUnitSyntax } type => Names.Contains(type.Identifier.ValueText),
        DelegateDeclarationSyntax { Parent: CompilationUnitSyntax } type => Names.Contains(type.Identifier.ValueText),
        _ => false,
    };

    public static DiagnosticInfo Diagnostic(SyntaxNode node)
    {
        var identifier = node switch
        {
            BaseTypeDeclarationSyntax type => type.Identifier,
            DelegateDeclarationSyntax type => type.Identifier,
            _ => default,
        };
        return DiagnosticInfo.Create(DiagnosticDescriptors.HidesNamespace, LocationInfo.From(identifier), identifier.ValueText);
    }
}
