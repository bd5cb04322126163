using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Lifeline.Generator.Diagnostics;
using Lifeline.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lifeline.Generator.Parsing;

/// <summary>Turns an annotated type symbol into a <see cref="MessageSpec"/> and its diagnostics.</summary>
internal static class MessageParser
{
    public const string HelloAttribute = "Lifeline.HelloMessageAttribute";
    public const string DisconnectAttribute = "Lifeline.DisconnectMessageAttribute";
    public const string PartAttribute = "Lifeline.MessagePartAttribute";

    public static MessageRole? RoleOf(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (RoleOfAttribute(attribute.AttributeClass) is { } role)
            {
                return role;
            }
        }

        return null;
    }

    /// <summary>The metadata name of the attribute that gives a record <paramref name="role"/>.</summary>
    public static string AttributeName(MessageRole role) => role switch
    {
        MessageRole.Hello => "HelloMessageAttribute",
        MessageRole.Disconnect => "DisconnectMessageAttribute",
        _ => "MessagePartAttribute",
    };

    private static MessageRole? RoleOfAttribute(INamedTypeSymbol? attribute) =>
        SymbolNames.Is(attribute, "Lifeline", AttributeName(MessageRole.Hello)) ? MessageRole.Hello
        : SymbolNames.Is(attribute, "Lifeline", AttributeName(MessageRole.Disconnect)) ? MessageRole.Disconnect
        : SymbolNames.Is(attribute, "Lifeline", AttributeName(MessageRole.Part)) ? MessageRole.Part
        : null;

    /// <summary>The message id of a lifecycle record, from its attribute, as the record's own generated code has it.</summary>
    public static uint IdOf(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (RoleOfAttribute(attribute.AttributeClass) is MessageRole.Hello or MessageRole.Disconnect)
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key == "Id" && argument.Value.Value is int id && id > 0)
                    {
                        return (uint)id;
                    }
                }
            }
        }

        return MessageIds.FromName(type.ToDisplayString());
    }

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, MessageRole role, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();
        if (!SymbolNames.IsFirstApplication(type, context.Attributes[0]))
        {
            return Result(null, diagnostics);
        }

        var identifier = LocationInfo.From(syntax.Identifier);
        var display = type.ToDisplayString();
        var containing = CheckStructure(type, syntax, role, display, identifier, diagnostics, cancellationToken);
        if (containing is null)
        {
            return Result(null, diagnostics);
        }

        var id = ParseId(context, type, role, display, diagnostics, cancellationToken);
        // A generic record's members mention its type parameters; reporting them too would only add noise.
        // Ids under which uses of the record itself are reported ([Experimental], [Obsolete(DiagnosticId = ...)] on it
        // or a type it is nested in): its generated file and the catalog name it.
        var suppressed = new SortedSet<string>(StringComparer.Ordinal);
        UsageAttributes.CollectTypeIds(type, suppressed);
        var ownIds = suppressed.ToEquatableArray();
        var members = type.IsGenericType ? null : WhileChecking(type, () => MemberParser.Parse(context, type, display, identifier, diagnostics, suppressed, cancellationToken));

        if (diagnostics.Any(d => d.IsError) || members is null)
        {
            return Result(null, diagnostics);
        }

        var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var spec = new MessageSpec(
            ns,
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            SymbolNames.MetadataName(type),
            display,
            type.IsValueType,
            role,
            id,
            containing.ToEquatableArray(),
            members.ToEquatableArray(),
            suppressed.ToEquatableArray(),
            ownIds);
        return Result(spec, diagnostics);
    }

    private static ParseResult Result(MessageSpec? spec, List<DiagnosticInfo> diagnostics) => new(spec, diagnostics.ToEquatableArray());

    // Names the generated part of a record declares.
    private static readonly string[] ReservedNames = ["LifelineFormatter", "__LifelineRegistration"];

    private static INamedTypeSymbol GenericContainer(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
            {
                return current;
            }
        }

        return type;
    }

    /// <summary>
    /// Whether the generator emits the formatter and registration of <paramref name="type"/>: a record marked as a
    /// lifecycle record that passes the structural rules above. Records of referenced assemblies were generated there.
    /// Handlers and containing records use this so that a record with errors of its own is reported once, on itself,
    /// and not again as errors inside the generated code of everything that names it.
    /// </summary>
    public static bool IsGenerated(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!type.IsRecord || RoleOf(type) is not { } role)
        {
            return false;
        }

        if (type.DeclaringSyntaxReferences.IsEmpty)
        {
            return true;
        }

        // A record reached again while its own members are checked (a part that holds a list of itself) is judged by
        // the check under way.
        if (s_checking?.Contains(type.OriginalDefinition) == true)
        {
            return true;
        }

        // The same rules Parse reports, run into a list nobody reads: the structure, then the members.
        var syntax = (TypeDeclarationSyntax)type.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        var problems = new List<DiagnosticInfo>();
        var display = type.ToDisplayString();
        if (CheckStructure(type, syntax, role, display, null, problems, cancellationToken) is null || problems.Any(p => p.IsError) || type.IsGenericType)
        {
            return false;
        }

        var model = compilation.GetSemanticModel(syntax.SyntaxTree);
        return WhileChecking(type, () => MemberParser.Parse(model, type, display, null, problems, null, cancellationToken)) is not null && !problems.Any(p => p.IsError);
    }

    [System.ThreadStatic]
    private static HashSet<INamedTypeSymbol>? s_checking;

    /// <summary>Runs a check of <paramref name="type"/>'s members, during which the type counts as generated.</summary>
    private static T WhileChecking<T>(INamedTypeSymbol type, System.Func<T> check)
    {
        var checking = s_checking ??= new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var added = checking.Add(type.OriginalDefinition);
        try
        {
            return check();
        }
        finally
        {
            if (added)
            {
                checking.Remove(type.OriginalDefinition);
            }
        }
    }

    /// <summary>
    /// The structural rules a lifecycle record must pass to be generated, reported into <paramref name="diagnostics"/>;
    /// returns the containing types, or null when the declaration is not one to generate at all (not a record, or
    /// marked both hello and disconnect).
    /// </summary>
    private static List<ContainingTypeSpec>? CheckStructure(INamedTypeSymbol type, TypeDeclarationSyntax syntax, MessageRole role, string display, LocationInfo? identifier, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var attributeName = role switch { MessageRole.Hello => "HelloMessage", MessageRole.Disconnect => "DisconnectMessage", _ => "MessagePart" };

        if (!type.IsRecord)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotRecord, identifier, display, type.TypeKind == TypeKind.Struct ? "struct" : "class", attributeName));
            return null;
        }

        if (role == MessageRole.Disconnect && HasAttribute(type, MessageRole.Hello))
        {
            // Reported once, from the disconnect side; the hello side generates nothing either.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BothKinds, identifier, display, "marked both [HelloMessage] and [DisconnectMessage]"));
            return null;
        }

        // A part that is also a message is reported once, from the message side; neither side generates anything (the
        // two would declare the same formatter in files of the same name).
        if ((role == MessageRole.Hello && HasAttribute(type, MessageRole.Disconnect))
            || (role == MessageRole.Part && (HasAttribute(type, MessageRole.Hello) || HasAttribute(type, MessageRole.Disconnect))))
        {
            return null;
        }

        if (HasAttribute(type, MessageRole.Part) && role != MessageRole.Part)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BothKinds, identifier, display, $"marked both [{attributeName}] and [MessagePart]"));
            return null;
        }

        // The generator declares the interface of the record's own kind; another one by hand would let the typed API
        // take the record as what it is not (a hello passed as a disconnect message, a part as a hello).
        if (ForeignKindInterface(type, role) is { } foreign)
        {
            var declared = syntax.BaseList?.Types.FirstOrDefault(t => t.Type.ToString().Contains(foreign.Name))?.Type;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BothKinds, declared is null ? identifier : LocationInfo.From(declared), display, $"marked [{attributeName}] but declares '{foreign.ToDisplayString()}'"));
            return null;
        }

        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, identifier, display));
        }

        if (type.IsGenericType)
        {
            var generic = GenericContainer(type);
            diagnostics.Add(SymbolEqualityComparer.Default.Equals(generic, type)
                ? DiagnosticInfo.Create(DiagnosticDescriptors.Generic, LocationInfo.From(syntax.TypeParameterList), display, "is generic", "remove its type parameters")
                : DiagnosticInfo.Create(DiagnosticDescriptors.Generic, identifier, display, $"is nested in the generic type '{generic.ToDisplayString()}'", $"declare it outside '{generic.ToDisplayString()}'"));
        }

        if (type.IsAbstract)
        {
            var modifier = syntax.Modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.AbstractKeyword));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AbstractRecord, modifier == default ? identifier : LocationInfo.From(modifier), display));
        }

        foreach (var reserved in ReservedNames)
        {
            if (type.Name == reserved)
            {
                // A member cannot share its type's name.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedMemberName, identifier ?? LocationInfo.From(syntax.Identifier), display, $"is named '{reserved}'", "the record"));
            }

            foreach (var member in type.GetMembers(reserved).Where(m => !m.IsImplicitlyDeclared))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedMemberName, LocationInfo.From(member.Locations.FirstOrDefault()), display, $"declares '{reserved}'", "the member"));
            }
        }

        if (type.IsReferenceType && type.BaseType is { SpecialType: not SpecialType.System_Object } baseType)
        {
            var baseSyntax = syntax.BaseList?.Types.FirstOrDefault()?.Type;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DerivedRecord, LocationInfo.From(baseSyntax), display, baseType.ToDisplayString()));
        }

        // The generated catalog names the record, and so each type it is nested in.
        if (UsageAttributes.ObsoleteErrorType(type) is { } obsolete)
        {
            var subject = SymbolEqualityComparer.Default.Equals(obsolete, type) ? "is" : $"is nested in '{obsolete.ToDisplayString()}', which is";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ObsoleteRecord, identifier, display, subject));
        }

        var containing = ParseContainingTypes(type, display, diagnostics, cancellationToken);
        CheckAccessibility(type, display, identifier, diagnostics);
        return containing;
    }

    private static INamedTypeSymbol? ForeignKindInterface(INamedTypeSymbol type, MessageRole role) =>
        type.AllInterfaces.FirstOrDefault(i =>
            (SymbolNames.Is(i, "Lifeline", "IHelloMessage`1") && role != MessageRole.Hello)
            || (SymbolNames.Is(i, "Lifeline", "IDisconnectMessage`1") && role != MessageRole.Disconnect)
            || (SymbolNames.Is(i, "Lifeline", "ILifelineMessage`1") && role == MessageRole.Part));

    private static bool HasAttribute(INamedTypeSymbol type, MessageRole role) =>
        type.GetAttributes().Any(a => RoleOfAttribute(a.AttributeClass) == role);

    /// <summary>The types enclosing <paramref name="type"/>, outermost first; reports any that is not partial.</summary>
    public static List<ContainingTypeSpec> ParseContainingTypes(INamedTypeSymbol type, string display, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var result = new List<ContainingTypeSpec>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var declarations = outer.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().ToList();
            if (declarations.Count > 0 && !declarations.Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingNotPartial, LocationInfo.From(declarations[0].Identifier), display, outer.ToDisplayString()));
            }

            var keyword = outer.TypeKind switch
            {
                TypeKind.Struct when outer.IsRecord => "record struct",
                TypeKind.Struct => "struct",
                TypeKind.Interface => "interface",
                _ when outer.IsRecord => "record",
                _ => "class",
            };
            result.Insert(0, new ContainingTypeSpec(keyword, outer.Name));
        }

        return result;
    }

    private static void CheckAccessibility(INamedTypeSymbol type, string display, LocationInfo? identifier, List<DiagnosticInfo> diagnostics)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var accessibility = current.DeclaredAccessibility;
            if (accessibility is Accessibility.Public or Accessibility.Internal && !current.IsFileLocal)
            {
                continue;
            }

            var what = current.IsFileLocal ? "file-local"
                : SyntaxFacts.GetText(accessibility) is { Length: > 0 } text ? text : accessibility.ToString().ToLowerInvariant();
            var subject = SymbolEqualityComparer.Default.Equals(current, type) ? what : $"nested in {current.ToDisplayString()}, which is {what}";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAccessible, identifier, display, subject));
            return;
        }
    }

    private static uint ParseId(GeneratorAttributeSyntaxContext context, INamedTypeSymbol type, MessageRole role, string display, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var attribute in context.Attributes)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key != "Id" || argument.Value.Value is not int explicitId || explicitId == 0)
                {
                    continue;
                }

                if (explicitId < 0)
                {
                    var argumentSyntax = (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?
                        .ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Id");
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidId, LocationInfo.From(argumentSyntax), explicitId.ToString(System.Globalization.CultureInfo.InvariantCulture), display));
                    return 0;
                }

                return (uint)explicitId;
            }
        }

        // Parts are never framed, so they carry no id.
        return role == MessageRole.Part ? 0 : MessageIds.FromName(display);
    }
}
