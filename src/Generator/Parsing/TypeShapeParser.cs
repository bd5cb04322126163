using Lifeline.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Lifeline.Generator.Parsing;

/// <summary>Maps a member type symbol to the shape that encodes it, or explains why none does.</summary>
internal static class TypeShapeParser
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static TypeShape? Parse(ITypeSymbol type, out string? reason)
    {
        var shape = ParseShape(type, out reason);
        var oblivious = type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.None;
        return shape is null || !(oblivious || shape.Element?.HasObliviousReference == true) ? shape : shape with { HasObliviousReference = true };
    }

    private static TypeShape? ParseShape(ITypeSymbol type, out string? reason)
    {
        reason = null;
        var name = type.ToDisplayString(TypeFormat);

        // Oblivious (#nullable disable) references are treated as nullable: the lenient reading of no annotation.
        var nullable = type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;
        var special = Special(type.SpecialType);
        if (special is { } kind)
        {
            return new TypeShape(kind, name, nullable, null, null);
        }

        switch (type)
        {
            case IArrayTypeSymbol array when array.Rank != 1:
                reason = "only single-dimensional arrays are supported";
                return null;
            case IArrayTypeSymbol array when array.ElementType.SpecialType == SpecialType.System_Byte:
                return new TypeShape(ShapeKind.Bytes, name, nullable, null, null);
            case IArrayTypeSymbol array:
                return Container(ShapeKind.Array, name, nullable, array.ElementType, out reason);
            case INamedTypeSymbol named:
                return Named(named, name, nullable, out reason);
            default:
                reason = "it is not a named type";
                return null;
        }
    }

    private static TypeShape? Named(INamedTypeSymbol named, string name, bool nullable, out string? reason)
    {
        reason = null;
        if (named.TypeKind == TypeKind.Enum)
        {
            var underlying = Special(named.EnumUnderlyingType!.SpecialType);
            return new TypeShape(ShapeKind.Enum, name, false, null, underlying.ToString());
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return Container(ShapeKind.NullableValue, name, true, named.TypeArguments[0], out reason);
        }

        if (SymbolNames.Is(named, "System", named.MetadataName))
        {
            switch (named.MetadataName)
            {
                case "Guid":
                    return new TypeShape(ShapeKind.Guid, name, false, null, null);
                case "DateTimeOffset":
                    return new TypeShape(ShapeKind.DateTimeOffset, name, false, null, null);
                case "TimeSpan":
                    return new TypeShape(ShapeKind.TimeSpan, name, false, null, null);
            }
        }

        if (SymbolNames.Is(named, "System.Collections.Generic", named.MetadataName))
        {
            switch (named.MetadataName)
            {
                case "List`1":
                    return Container(ShapeKind.List, name, nullable, named.TypeArguments[0], out reason);
                case "IReadOnlyList`1":
                    return Container(ShapeKind.ReadOnlyList, name, nullable, named.TypeArguments[0], out reason);
                case "Dictionary`2":
                    return Dictionary(ShapeKind.Dictionary, named, name, nullable, out reason);
                case "IReadOnlyDictionary`2":
                    return Dictionary(ShapeKind.ReadOnlyDictionary, named, name, nullable, out reason);
            }
        }

        if (named.IsRecord && MessageParser.RoleOf(named) is not null && !MessageParser.IsGenerated(named, default))
        {
            reason = $"the record '{named.ToDisplayString()}' has errors of its own (reported on it), so it has no generated formatter yet";
            return null;
        }

        if (named.IsRecord && MessageParser.RoleOf(named) is not null)
        {
            var formatter = named.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".LifelineFormatter";
            return new TypeShape(ShapeKind.Record, name, nullable, null, formatter) { IsClassRecord = named.IsReferenceType };
        }

        reason = named.IsRecord
            ? "the record is not marked [HelloMessage], [DisconnectMessage] or [MessagePart]"
            : "it is not a supported type";
        return null;
    }

    private static TypeShape? Dictionary(ShapeKind kind, INamedTypeSymbol named, string name, bool nullable, out string? reason)
    {
        if (named.TypeArguments[0].SpecialType != SpecialType.System_String)
        {
            reason = "dictionary keys must be string";
            return null;
        }

        return Container(kind, name, nullable, named.TypeArguments[1], out reason);
    }

    private static TypeShape? Container(ShapeKind kind, string name, bool nullable, ITypeSymbol element, out string? reason)
    {
        var inner = Parse(element, out reason);
        if (inner is null)
        {
            // Name the element that fails, so that 'List<object>' says 'object', not only 'List<T>'.
            reason = $"its element type '{element.ToDisplayString()}' is not supported: {reason}";
            return null;
        }

        return new TypeShape(kind, name, nullable, inner, null);
    }

    private static ShapeKind? Special(SpecialType type) => type switch
    {
        SpecialType.System_Boolean => ShapeKind.Boolean,
        SpecialType.System_SByte => ShapeKind.SByte,
        SpecialType.System_Byte => ShapeKind.Byte,
        SpecialType.System_Int16 => ShapeKind.Int16,
        SpecialType.System_UInt16 => ShapeKind.UInt16,
        SpecialType.System_Int32 => ShapeKind.Int32,
        SpecialType.System_UInt32 => ShapeKind.UInt32,
        SpecialType.System_Int64 => ShapeKind.Int64,
        SpecialType.System_UInt64 => ShapeKind.UInt64,
        SpecialType.System_Single => ShapeKind.Single,
        SpecialType.System_Double => ShapeKind.Double,
        SpecialType.System_Decimal => ShapeKind.Decimal,
        SpecialType.System_Char => ShapeKind.Char,
        SpecialType.System_String => ShapeKind.String,
        SpecialType.System_DateTime => ShapeKind.DateTime,
        _ => null,
    };
}
