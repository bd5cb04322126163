using Microsoft.CodeAnalysis.CSharp;

namespace Lifeline.Generator.Model;

/// <summary>Names as generated code writes them: a declared name that is a keyword (<c>@class</c>) keeps its '@'.</summary>
internal static class Identifiers
{
    /// <summary>The C# identifier of a symbol's name: <c>class</c> becomes <c>@class</c>.</summary>
    public static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A hint name from a dotted name, without the '@' of escaped keywords: hint names may not contain it.</summary>
    public static string HintName(string dotted, string suffix) => dotted.Replace("@", string.Empty) + suffix;
}
