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

    private static MessageRole? RoleOfAttribute(INamedTypeSymbol? attribute) =>
        SymbolNames.Is(attribute, "Lifeline", "HelloMessageAttribute") ? MessageRole.Hello
        : SymbolNames.Is(attribute, "Lifeline", "DisconnectMessageAttribute") ? MessageRole.Disconnect
        : SymbolNames.Is(attribute, "Lifeline", "MessagePartAttribute") ? MessageRole.Part
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
        var identifier = LocationInfo.From(syntax.Identifier);
        var display = type.ToDisplayString();
        var attributeName = role switch { MessageRole.Hello => "HelloMessage", MessageRole.Disconnect => "DisconnectMessage", _ => "MessagePart" };

        if (!type.IsRecord)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotRecord, identifier, display, type.TypeKind == TypeKind.Struct ? "struct" : "class", attributeName));
            return Result(null, diagnostics);
        }

        if (role == MessageRole.Disconnect && HasAttribute(type, MessageRole.Hello))
        {
            // Reported once, from the disconnect side; the hello side generates nothing either.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BothKinds, identifier, display));
            return Result(null, diagnostics);
        }

        if (role == MessageRole.Hello && HasAttribute(type, MessageRole.Disconnect))
        {
            return Result(null, diagnostics);
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
            foreach (var member in type.GetMembers(reserved).Where(m => !m.IsImplicitlyDeclared))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedMemberName, LocationInfo.From(member.Locations.FirstOrDefault()), display, reserved));
            }
        }

        if (type.IsReferenceType && type.BaseType is { SpecialType: not SpecialType.System_Object } baseType)
        {
            var baseSyntax = syntax.BaseList?.Types.FirstOrDefault()?.Type;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DerivedRecord, LocationInfo.From(baseSyntax), display, baseType.ToDisplayString()));
        }

        var containing = ParseContainingTypes(type, display, diagnostics, cancellationToken);
        CheckAccessibility(type, display, identifier, diagnostics);
        var id = ParseId(context, type, role, display, diagnostics, cancellationToken);
        // A generic record's members mention its type parameters; reporting them too would only add noise.
        var members = type.IsGenericType ? null : ParseMembers(context, type, display, identifier, diagnostics, cancellationToken);

        if (diagnostics.Any(d => d.IsError) || members is null)
        {
            return Result(null, diagnostics);
        }

        var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var spec = new MessageSpec(
            ns,
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            display,
            type.IsValueType,
            role,
            id,
            containing.ToEquatableArray(),
            members.ToEquatableArray(),
            identifier);
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
    public static bool IsGenerated(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (!type.IsRecord || RoleOf(type) is not { } role)
        {
            return false;
        }

        if (type.DeclaringSyntaxReferences.IsEmpty)
        {
            return true;
        }

        if (type.IsGenericType || type.IsAbstract || (type.IsReferenceType && type.BaseType is { SpecialType: not SpecialType.System_Object })
            || (role == MessageRole.Hello && HasAttribute(type, MessageRole.Disconnect)) || (role == MessageRole.Disconnect && HasAttribute(type, MessageRole.Hello)))
        {
            return false;
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (!current.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                || current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal) || current.IsFileLocal)
            {
                return false;
            }
        }

        return true;
    }

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

    private static List<MemberSpec>? ParseMembers(GeneratorAttributeSyntaxContext context, INamedTypeSymbol type, string display, LocationInfo? identifier, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var members = new List<MemberSpec>();
        var positional = PrimaryParameters(context, type, cancellationToken);
        if (positional is not null)
        {
            foreach (var (parameter, parameterSyntax) in positional)
            {
                // The type is what is wrong when a member cannot be serialized, so that is the span.
                var location = LocationInfo.From(parameterSyntax?.Type ?? (SyntaxNode?)parameterSyntax);
                var shape = ParseShape(parameter.Name, parameter.Type, display, location, diagnostics);
                if (shape is null)
                {
                    continue;
                }

                var presence = parameter.HasExplicitDefaultValue || shape.IsNullable || shape.Kind == ShapeKind.NullableValue
                    ? MemberPresence.Defaulted
                    : MemberPresence.Required;
                var defaultValue = parameter.HasExplicitDefaultValue ? DefaultValues.Format(parameter.ExplicitDefaultValue, parameter.Type) : "default!";
                members.Add(Member(parameter.Name, shape, isPositional: true, presence, defaultValue));
            }
        }
        else if (!type.IsValueType && !type.InstanceConstructors.Any(c => c.Parameters.Length == 0))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoConstructor, identifier, display));
            return null;
        }

        var computed = false;
        foreach (var (property, declaration) in Properties(context, type, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (property.IsStatic || property.IsIndexer || property.IsImplicitlyDeclared
                || property.DeclaredAccessibility != Accessibility.Public || (positional?.Any(p => p.Symbol.Name == property.Name) ?? false))
            {
                continue;
            }

            if (property.SetMethod is null)
            {
                // A computed property derives from carried members and is fine; a get-only auto-property holds data
                // that never travels, which the user should hear about.
                if (IsAutoProperty(declaration))
                {
                    var value = declaration!.Initializer is null ? "the type's default value" : "the initializer's value";
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNotCarried, LocationInfo.From(declaration.Identifier), property.Name, display, "get-only", value, "make it '{ get; init; }' or a positional parameter to send it"));
                }
                else
                {
                    computed = true;
                }

                continue;
            }

            var shape = ParseShape(property.Name, property.Type, display, LocationInfo.From(declaration?.Type ?? (SyntaxNode?)declaration), diagnostics);
            if (shape is null)
            {
                continue;
            }

            var nullable = shape.IsNullable || shape.Kind == ShapeKind.NullableValue;
            var presence = property.IsRequired ? (nullable ? MemberPresence.Defaulted : MemberPresence.Required)
                : declaration?.Initializer is not null ? MemberPresence.KeepInitializer
                : nullable ? MemberPresence.Defaulted
                : MemberPresence.Required;
            members.Add(Member(property.Name, shape, isPositional: false, presence, "default!"));
        }

        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (!field.IsImplicitlyDeclared && !field.IsStatic && !field.IsConst && field.DeclaredAccessibility == Accessibility.Public)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNotCarried, LocationInfo.From(field.Locations.FirstOrDefault()), field.Name, display, "a field", "the type's default value", "make it a '{ get; init; }' property or a positional parameter to send it"));
            }
        }

        if (members.Count == 0 && computed)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoData, identifier, display));
        }

        return members;
    }

    private static bool IsAutoProperty(PropertyDeclarationSyntax? declaration) =>
        declaration is { ExpressionBody: null, AccessorList: { } accessors } && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);

    /// <summary>
    /// The primary constructor's parameters, or null when there is none. Read from the attributed declaration's
    /// syntax when it carries the parameter list: walking every constructor's declaring syntax was most of the
    /// transform's cost, and transforms re-run on every edit.
    /// </summary>
    private static List<(IParameterSymbol Symbol, ParameterSyntax? Syntax)>? PrimaryParameters(GeneratorAttributeSyntaxContext context, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (context.TargetNode is RecordDeclarationSyntax { ParameterList: { } list })
        {
            return list.Parameters.Select(p => ((IParameterSymbol)context.SemanticModel.GetDeclaredSymbol(p, cancellationToken)!, (ParameterSyntax?)p)).ToList();
        }

        if (type.DeclaringSyntaxReferences.Length == 1)
        {
            return null;
        }

        // Another partial declaration may carry the parameter list.
        var primary = type.InstanceConstructors.FirstOrDefault(c =>
            c.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is RecordDeclarationSyntax));
        return primary?.Parameters
            .Select(p => (p, p.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as ParameterSyntax))
            .ToList();
    }

    /// <summary>Declared properties in order, from the syntax when the record has one declaration (the common case).</summary>
    private static IEnumerable<(IPropertySymbol Symbol, PropertyDeclarationSyntax? Syntax)> Properties(GeneratorAttributeSyntaxContext context, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.Length == 1)
        {
            return ((TypeDeclarationSyntax)context.TargetNode).Members.OfType<PropertyDeclarationSyntax>()
                .Select(p => ((IPropertySymbol)context.SemanticModel.GetDeclaredSymbol(p, cancellationToken)!, (PropertyDeclarationSyntax?)p))
                .ToList();
        }

        return type.GetMembers().OfType<IPropertySymbol>()
            .Select(p => (p, p.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax))
            .ToList();
    }

    private static TypeShape? ParseShape(string member, ITypeSymbol type, string display, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var shape = TypeShapeParser.Parse(type, out var reason);
        if (shape is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMemberType, location, member, display, type.ToDisplayString(), reason ?? "unsupported"));
        }

        return shape;
    }

    private static MemberSpec Member(string name, TypeShape shape, bool isPositional, MemberPresence presence, string defaultValue)
    {
        var utf8 = Encoding.UTF8.GetBytes(name);
        var key = new List<byte>();
        if (utf8.Length <= 31)
        {
            key.Add((byte)(0xA0 | utf8.Length));
        }
        else
        {
            // Identifiers are far shorter than 256 bytes, so str8 is the widest header needed.
            key.Add(0xD9);
            key.Add((byte)utf8.Length);
        }

        key.AddRange(utf8);
        var keyBytes = string.Join(", ", key.Select(b => "0x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        var identifier = SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
        return new MemberSpec(name, identifier, keyBytes, utf8.Length, shape, isPositional, presence, defaultValue);
    }
}
