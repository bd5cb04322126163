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

/// <summary>
/// Reads a record's serialized members: the primary-constructor parameters, then the public settable or init
/// properties, each declaration in the order the compiler lists them and each member in source order.
/// </summary>
/// <remarks>
/// Members are read from the declarations' syntax, binding only each member's type. This transform re-runs for every
/// record on every edit, and asking for a record's member symbols (a parameter's, a constructor's) makes the compiler
/// build every member of the record, the synthesized ones included: that was most of the transform's cost.
/// </remarks>
internal static class MemberParser
{
    public static List<MemberSpec>? Parse(GeneratorAttributeSyntaxContext context, INamedTypeSymbol type, string display, LocationInfo? identifier, List<DiagnosticInfo> diagnostics, ISet<string>? suppressed, CancellationToken cancellationToken) =>
        Parse(context.SemanticModel, type, display, identifier, diagnostics, suppressed, cancellationToken);

    /// <summary>
    /// The members of <paramref name="type"/>; <paramref name="known"/> is the model of a tree that declares it (the
    /// attributed declaration's), or any model of the compilation. The diagnostic ids under which the generated code's
    /// uses of the members and their types are reported ([Obsolete] with a DiagnosticId, [Experimental]) are added to
    /// <paramref name="suppressed"/>.
    /// </summary>
    public static List<MemberSpec>? Parse(SemanticModel known, INamedTypeSymbol type, string display, LocationInfo? identifier, List<DiagnosticInfo> diagnostics, ISet<string>? suppressed, CancellationToken cancellationToken)
    {
        var compilation = known.Compilation;
        var ids = suppressed ?? new HashSet<string>();
        var declarations = Declarations(known, type, cancellationToken);
        var members = new List<MemberSpec>();
        var positional = new Dictionary<string, ITypeSymbol?>();
        var primary = declarations.FirstOrDefault(d => d.Syntax is RecordDeclarationSyntax { ParameterList: not null });
        if (primary.Syntax is RecordDeclarationSyntax { ParameterList: { } parameters })
        {
            foreach (var parameter in parameters.Parameters)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = parameter.Identifier.ValueText;
                var parameterType = TypeOf(parameter.Type, primary.Model, cancellationToken);
                positional[name] = parameterType;
                UsageAttributes.CollectTypeIds(parameterType, ids);

                // Attributes are read from symbols only where the syntax has some: [DisallowNull] on the parameter the
                // reader passes the value to, and [property: ...] on the property the writer reads.
                if (parameter.AttributeLists.Count > 0)
                {
                    if (parameterType is { IsReferenceType: true } && primary.Model.GetDeclaredSymbol(parameter, cancellationToken) is { } declared && UsageAttributes.DisallowsNull(declared))
                    {
                        parameterType = parameterType.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
                    }

                    if (parameter.AttributeLists.Any(l => l.Target?.Identifier.IsKind(SyntaxKind.PropertyKeyword) == true)
                        && type.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault() is { } positionalProperty
                        && !Usable(positionalProperty, parameter.Identifier, display, ids, diagnostics))
                    {
                        continue;
                    }
                }

                // The type is what is wrong when a member cannot be serialized, so that is the span.
                var location = LocationInfo.From(parameter.Type ?? (SyntaxNode)parameter);
                var shape = ParseShape(name, parameterType, compilation, display, location, diagnostics);
                if (shape is null)
                {
                    continue;
                }

                // Only a parameter with a default needs its symbol, for the default's value converted to its type.
                var symbol = parameter.Default is null ? null : primary.Model.GetDeclaredSymbol(parameter, cancellationToken);
                var hasDefault = symbol is { HasExplicitDefaultValue: true };
                var presence = hasDefault || shape.IsNullable || shape.Kind == ShapeKind.NullableValue ? MemberPresence.Defaulted : MemberPresence.Required;
                var defaultValue = hasDefault ? DefaultValues.Format(symbol!.ExplicitDefaultValue, symbol.Type) : "default!";
                var defaultJson = presence == MemberPresence.Required ? null : DefaultValues.Json(hasDefault ? symbol!.ExplicitDefaultValue : null, shape);
                members.Add(Member(name, shape, isPositional: true, presence, defaultValue, defaultJson));
            }
        }
        else if (!type.IsValueType && !HasParameterlessConstructor(declarations))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoConstructor, identifier, display));
            return null;
        }
        else if (ParameterlessConstructor(declarations) is { Syntax: { AttributeLists.Count: > 0 } constructor, Model: { } constructorModel }
            && constructorModel.GetDeclaredSymbol(constructor, cancellationToken) is { } constructorSymbol)
        {
            // The reader builds the record with it.
            UsageAttributes.CollectIds(constructorSymbol, ids);
            if (UsageAttributes.IsObsoleteError(constructorSymbol))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ObsoleteRecord, LocationInfo.From(constructor.Identifier), display, "is built by its parameterless constructor, which is"));
                return null;
            }
        }

        var computed = false;
        foreach (var (declaration, model) in declarations)
        {
            foreach (var property in declaration.Members.OfType<PropertyDeclarationSyntax>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = property.Identifier.ValueText;
                if (property.ExplicitInterfaceSpecifier is not null || property.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    continue;
                }

                if (positional.TryGetValue(name, out var parameterType))
                {
                    CheckPositionalMember(name, property.Type, property.Identifier, parameterType, model, display, diagnostics, cancellationToken);
                    if (property.AttributeLists.Count > 0 && model.GetDeclaredSymbol(property, cancellationToken) is { } restated)
                    {
                        Usable(restated, property.Identifier, display, ids, diagnostics);
                    }

                    continue;
                }

                if (!property.Modifiers.Any(SyntaxKind.PublicKeyword))
                {
                    CheckRequired(property.Modifiers, property.Identifier, "a required property that is not public", display, diagnostics);
                    continue;
                }

                // The implementing declaration of a partial property has bodies; its defining declaration says what it is.
                var isPartial = property.Modifiers.Any(SyntaxKind.PartialKeyword);
                if (isPartial && !IsAutoProperty(property))
                {
                    continue;
                }

                if (IsSerialized(property) && !HasGetter(property))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNotCarried, LocationInfo.From(property.Identifier), name, display, "write-only", "the type's default value", "add a get accessor to send it"));
                    continue;
                }

                if (!IsSerialized(property))
                {
                    // A computed property derives from carried members and is fine; a get-only auto-property holds data
                    // that never travels, which the user should hear about (a partial one is implemented with bodies).
                    if (IsAutoProperty(property) && !isPartial)
                    {
                        var value = property.Initializer is null ? "the type's default value" : "the initializer's value";
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNotCarried, LocationInfo.From(property.Identifier), name, display, "get-only", value, "make it '{ get; init; }' or a positional parameter to send it"));
                    }
                    else
                    {
                        computed = true;
                    }

                    continue;
                }

                var propertyType = TypeOf(property.Type, model, cancellationToken);
                UsageAttributes.CollectTypeIds(propertyType, ids);
                if (property.AttributeLists.Count > 0 && model.GetDeclaredSymbol(property, cancellationToken) is { } propertySymbol)
                {
                    if (!Usable(propertySymbol, property.Identifier, display, ids, diagnostics))
                    {
                        continue;
                    }

                    if (propertyType is { IsReferenceType: true } && UsageAttributes.DisallowsNull(propertySymbol))
                    {
                        propertyType = propertyType.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
                    }
                }

                var shape = ParseShape(name, propertyType, compilation, display, LocationInfo.From(property.Type), diagnostics);
                if (shape is null)
                {
                    continue;
                }

                var nullable = shape.IsNullable || shape.Kind == ShapeKind.NullableValue;
                var presence = property.Modifiers.Any(SyntaxKind.RequiredKeyword) ? (nullable ? MemberPresence.Defaulted : MemberPresence.Required)
                    : property.Initializer is not null ? MemberPresence.KeepInitializer
                    : nullable ? MemberPresence.Defaulted
                    : MemberPresence.Required;
                members.Add(Member(name, shape, isPositional: false, presence, "default!", presence == MemberPresence.Defaulted ? "null" : null));
            }

            foreach (var field in declaration.Members.OfType<FieldDeclarationSyntax>())
            {
                if (field.Modifiers.Any(SyntaxKind.StaticKeyword) || field.Modifiers.Any(SyntaxKind.ConstKeyword))
                {
                    continue;
                }

                foreach (var variable in field.Declaration.Variables)
                {
                    if (positional.TryGetValue(variable.Identifier.ValueText, out var parameterType))
                    {
                        // Initialised from its parameter ('public readonly int X = X;'), it travels as the parameter.
                        CheckPositionalMember(variable.Identifier.ValueText, field.Declaration.Type, variable.Identifier, parameterType, model, display, diagnostics, cancellationToken);
                        if (field.AttributeLists.Count > 0 && model.GetDeclaredSymbol(variable, cancellationToken) is { } restated)
                        {
                            Usable(restated, variable.Identifier, display, ids, diagnostics);
                        }
                    }
                    else if (!CheckRequired(field.Modifiers, variable.Identifier, "a required field", display, diagnostics) && field.Modifiers.Any(SyntaxKind.PublicKeyword))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNotCarried, LocationInfo.From(variable.Identifier), variable.Identifier.ValueText, display, "a field", "the type's default value", "make it a '{ get; init; }' property or a positional parameter to send it"));
                    }
                }
            }
        }

        if (members.Count == 0 && computed)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoData, identifier, display));
        }

        return members;
    }

    /// <summary>
    /// A member the generated reader cannot set but the compiler makes every creation set: a required field, or a required
    /// property that is not public (only public ones are carried). Reported, and true, when it is one.
    /// </summary>
    private static bool CheckRequired(SyntaxTokenList modifiers, SyntaxToken identifier, string what, string display, List<DiagnosticInfo> diagnostics)
    {
        if (!modifiers.Any(SyntaxKind.RequiredKeyword))
        {
            return false;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNotRestored, LocationInfo.From(identifier), identifier.ValueText, display, $"is {what}, which the generated reader does not set", "make it a public '{ get; init; }' property or a positional parameter"));
        return true;
    }

    /// <summary>
    /// A property or field named like a positional parameter is what the writer sends for it, and the reader passes the
    /// value back to the parameter: that only round-trips when both have one type.
    /// </summary>
    private static void CheckPositionalMember(string name, TypeSyntax type, SyntaxToken identifier, ITypeSymbol? parameterType, SemanticModel model, string display, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (parameterType is null || TypeOf(type, model, cancellationToken) is not { } memberType || SymbolEqualityComparer.Default.Equals(memberType, parameterType))
        {
            return;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNotRestored, LocationInfo.From(identifier), name, display, $"is a '{memberType.ToDisplayString()}' that replaces the positional parameter '{name}' of type '{parameterType.ToDisplayString()}' (the member is sent, the parameter receives it)", "give both the same type, or rename one of them"));
    }

    private static bool HasGetter(PropertyDeclarationSyntax property) =>
        property.ExpressionBody is not null || property.AccessorList?.Accessors.Any(a => a.IsKind(SyntaxKind.GetAccessorDeclaration)) == true;

    private static bool IsAutoProperty(PropertyDeclarationSyntax property) =>
        property is { ExpressionBody: null, AccessorList: { } accessors } && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);

    /// <summary>Every declaration of the type with the semantic model of its tree; the attributed one alone in the common case.</summary>
    private static List<(TypeDeclarationSyntax Syntax, SemanticModel Model)> Declarations(SemanticModel known, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var declarations = new List<(TypeDeclarationSyntax, SemanticModel)>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax syntax)
            {
                var model = syntax.SyntaxTree == known.SyntaxTree ? known : known.Compilation.GetSemanticModel(syntax.SyntaxTree);
                declarations.Add((syntax, model));
            }
        }

        return declarations;
    }

    /// <summary>Public, instance, with a set or init accessor: what an object initializer can assign.</summary>
    private static bool IsSerialized(PropertyDeclarationSyntax property) =>
        property.Modifiers.Any(SyntaxKind.PublicKeyword)
        && !property.Modifiers.Any(SyntaxKind.StaticKeyword)
        && property.ExplicitInterfaceSpecifier is null
        && property.AccessorList is { } accessors
        && accessors.Accessors.Any(a => a.IsKind(SyntaxKind.SetAccessorDeclaration) || a.IsKind(SyntaxKind.InitAccessorDeclaration));

    /// <summary>
    /// Whether the generated writer and reader may use a carried member: one [Obsolete] as an error is reported (LFL0104),
    /// as no code may read or set it; the ids its other attributes report uses under are added to <paramref name="ids"/>.
    /// </summary>
    private static bool Usable(ISymbol member, SyntaxToken identifier, string display, ISet<string> ids, List<DiagnosticInfo> diagnostics)
    {
        UsageAttributes.CollectIds(member, ids);
        if (!UsageAttributes.IsObsoleteError(member))
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNotRestored, LocationInfo.From(identifier), identifier.ValueText, display, "is [Obsolete] as an error, which no code may read or set, the generated writer and reader included", "make the [Obsolete] a warning (error: false), or stop carrying the member (make it computed or not public)"));
        return false;
    }

    /// <summary>The declared parameterless instance constructor, if there is one.</summary>
    private static (ConstructorDeclarationSyntax? Syntax, SemanticModel? Model) ParameterlessConstructor(List<(TypeDeclarationSyntax Syntax, SemanticModel Model)> declarations)
    {
        foreach (var (syntax, model) in declarations)
        {
            foreach (var constructor in syntax.Members.OfType<ConstructorDeclarationSyntax>())
            {
                if (!constructor.Modifiers.Any(SyntaxKind.StaticKeyword) && constructor.ParameterList.Parameters.Count == 0)
                {
                    return (constructor, model);
                }
            }
        }

        return default;
    }

    /// <summary>Without a parameter list a record class is built with a parameterless constructor: declared, or implicit when none is.</summary>
    private static bool HasParameterlessConstructor(List<(TypeDeclarationSyntax Syntax, SemanticModel Model)> declarations)
    {
        var constructors = declarations.SelectMany(d => d.Syntax.Members.OfType<ConstructorDeclarationSyntax>())
            .Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword))
            .ToList();
        return constructors.Count == 0 || constructors.Any(c => c.ParameterList.Parameters.Count == 0);
    }

    /// <summary>
    /// The type a member's syntax names. The compiler gives the annotations inside it (<c>List&lt;string?&gt;</c>) but not
    /// its own, which comes from the syntax: <c>T?</c> is annotated, and a plain <c>T</c> is not annotated where
    /// nullable annotations are enabled, oblivious where they are not.
    /// </summary>
    private static ITypeSymbol? TypeOf(TypeSyntax? syntax, SemanticModel model, CancellationToken cancellationToken)
    {
        if (syntax is null || (Predefined(syntax, model.Compilation) ?? model.GetTypeInfo(syntax, cancellationToken).Type) is not { } type)
        {
            return null;
        }

        if (!type.IsReferenceType)
        {
            return type;
        }

        var annotation = syntax is NullableTypeSyntax ? NullableAnnotation.Annotated
            : model.GetNullableContext(syntax.SpanStart).AnnotationsEnabled() ? NullableAnnotation.NotAnnotated
            : NullableAnnotation.None;
        return type.WithNullableAnnotation(annotation);
    }

    /// <summary>
    /// A keyword type (<c>int</c>, <c>string?</c>, <c>long?</c>) without binding: a keyword always names the same type, and
    /// most members have one.
    /// </summary>
    private static ITypeSymbol? Predefined(TypeSyntax syntax, Compilation compilation)
    {
        var inner = syntax is NullableTypeSyntax nullable ? nullable.ElementType : syntax;
        if (inner is not PredefinedTypeSyntax predefined || !Keywords.TryGetValue(predefined.Keyword.Kind(), out var special))
        {
            return null;
        }

        var type = compilation.GetSpecialType(special);
        return ReferenceEquals(inner, syntax) || type.IsReferenceType ? type : compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(type);
    }

    private static readonly Dictionary<SyntaxKind, SpecialType> Keywords = new()
    {
        [SyntaxKind.BoolKeyword] = SpecialType.System_Boolean,
        [SyntaxKind.SByteKeyword] = SpecialType.System_SByte,
        [SyntaxKind.ByteKeyword] = SpecialType.System_Byte,
        [SyntaxKind.ShortKeyword] = SpecialType.System_Int16,
        [SyntaxKind.UShortKeyword] = SpecialType.System_UInt16,
        [SyntaxKind.IntKeyword] = SpecialType.System_Int32,
        [SyntaxKind.UIntKeyword] = SpecialType.System_UInt32,
        [SyntaxKind.LongKeyword] = SpecialType.System_Int64,
        [SyntaxKind.ULongKeyword] = SpecialType.System_UInt64,
        [SyntaxKind.FloatKeyword] = SpecialType.System_Single,
        [SyntaxKind.DoubleKeyword] = SpecialType.System_Double,
        [SyntaxKind.DecimalKeyword] = SpecialType.System_Decimal,
        [SyntaxKind.CharKeyword] = SpecialType.System_Char,
        [SyntaxKind.StringKeyword] = SpecialType.System_String,
        [SyntaxKind.ObjectKeyword] = SpecialType.System_Object,
    };

    private static TypeShape? ParseShape(string member, ITypeSymbol? type, Compilation compilation, string display, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        string? reason = "its type cannot be resolved";
        var shape = type is null ? null : TypeShapeParser.Parse(type, compilation, out reason);
        if (shape is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMemberType, location, member, display, type?.ToDisplayString() ?? "?", reason ?? "unsupported"));
        }

        return shape;
    }

    private static MemberSpec Member(string name, TypeShape shape, bool isPositional, MemberPresence presence, string defaultValue, string? defaultJson)
    {
        var utf8 = Encoding.UTF8.GetBytes(name);

        var header = MemberSpec.HeaderLength(utf8.Length) switch
        {
            1 => new[] { (byte)(0xA0 | utf8.Length) },
            2 => new[] { (byte)0xD9, (byte)utf8.Length },
            _ => new[] { (byte)0xDA, (byte)(utf8.Length >> 8), (byte)utf8.Length },
        };
        var keyBytes = new StringBuilder((header.Length + utf8.Length) * 6);
        foreach (var b in header.Concat(utf8))
        {
            keyBytes.Append(keyBytes.Length == 0 ? "0x" : ", 0x").Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
        }

        var identifier = Identifiers.Escape(name);
        return new MemberSpec(name, identifier, keyBytes.ToString(), utf8.Length, shape, isPositional, presence, defaultValue, defaultJson);
    }

    private const string Hex = "0123456789ABCDEF";
}
