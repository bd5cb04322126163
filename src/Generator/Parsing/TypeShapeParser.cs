using System.Linq;
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
        var inside = shape is not null && (shape.Element?.HasObliviousReference == true || shape.Key?.HasObliviousReference == true || shape.Items.Any(i => i.HasObliviousReference));
        return shape is null || !(oblivious || inside) ? shape : shape with { HasObliviousReference = true };
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
                reason = "multidimensional arrays have no MessagePack encoding of their own; use a jagged array (T[][]) or List<List<T>>";
                return null;
            case IArrayTypeSymbol array when array.ElementType.SpecialType == SpecialType.System_Byte:
                return new TypeShape(ShapeKind.Bytes, name, nullable, null, null);
            case IArrayTypeSymbol array:
                return Container(ShapeKind.Array, name, nullable, array.ElementType, out reason);
            case INamedTypeSymbol named:
                return Named(named, name, nullable, out reason);
            case ITypeParameterSymbol:
                reason = "a type parameter has no fixed shape; use a concrete type";
                return null;
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

        if (named.IsTupleType)
        {
            return Tuple(named, name, out reason);
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
                case "DateOnly":
                case "TimeOnly":
                case "Half":
                case "Int128":
                case "UInt128":
                    return new TypeShape((ShapeKind)System.Enum.Parse(typeof(ShapeKind), named.MetadataName), name, false, null, null);
                case "Uri":
                case "Version":
                    return new TypeShape((ShapeKind)System.Enum.Parse(typeof(ShapeKind), named.MetadataName), name, nullable, null, null);
                case "ReadOnlyMemory`1" or "Memory`1" when named.TypeArguments[0].SpecialType == SpecialType.System_Byte:
                    return new TypeShape(ShapeKind.Memory, name, false, null, null);
                case "ReadOnlyMemory`1" or "Memory`1":
                    reason = "only memory of bytes is supported; use an array or List<T> for other elements";
                    return null;
                case "Object":
                    reason = "'object' has no fixed shape; use a concrete type or a [MessagePart] record";
                    return null;
            }
        }

        if (SymbolNames.Is(named, "System.Numerics", "BigInteger"))
        {
            return new TypeShape(ShapeKind.BigInteger, name, false, null, null);
        }

        if (SymbolNames.Is(named, "System.Collections.Immutable", "ImmutableArray`1"))
        {
            return Container(ShapeKind.ImmutableArray, name, false, named.TypeArguments[0], out reason);
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
                case "IDictionary`2":
                    return Dictionary(ShapeKind.Dictionary, named, name, nullable, out reason);
                case "IReadOnlyDictionary`2":
                    return Dictionary(ShapeKind.ReadOnlyDictionary, named, name, nullable, out reason);
                case "HashSet`1":
                case "ISet`1":
                case "IReadOnlySet`1":
                    return Container(ShapeKind.Set, name, nullable, named.TypeArguments[0], out reason);
                case "IEnumerable`1":
                case "ICollection`1":
                case "IList`1":
                case "IReadOnlyCollection`1":
                    return Container(ShapeKind.Sequence, name, nullable, named.TypeArguments[0], out reason);
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
        // Keys a map can carry as a plain MessagePack value: string, an integer type, an enum, Guid (as its string).
        var key = Parse(named.TypeArguments[0], out reason);
        if (key is not { Kind: ShapeKind.String or ShapeKind.SByte or ShapeKind.Byte or ShapeKind.Int16 or ShapeKind.UInt16 or ShapeKind.Int32
            or ShapeKind.UInt32 or ShapeKind.Int64 or ShapeKind.UInt64 or ShapeKind.Enum or ShapeKind.Guid })
        {
            reason = $"dictionary keys must be string, an integer type, an enum or Guid, not '{named.TypeArguments[0].ToDisplayString()}'";
            return null;
        }

        var shape = Container(kind, name, nullable, named.TypeArguments[1], out reason);
        return shape is null ? null : shape with { Key = key with { IsNullable = false } };
    }

    private static TypeShape? Tuple(INamedTypeSymbol named, string name, out string? reason)
    {
        reason = null;
        var elements = named.TupleElements;
        if (elements.Length > 7)
        {
            reason = "tuples of more than seven elements are not supported; use a [MessagePart] record";
            return null;
        }

        var items = new System.Collections.Generic.List<TypeShape>();
        foreach (var element in elements)
        {
            var item = Parse(element.Type, out reason);
            if (item is null)
            {
                reason = $"its element '{element.Type.ToDisplayString()}' is not supported: {reason}";
                return null;
            }

            items.Add(item);
        }

        return new TypeShape(ShapeKind.Tuple, name, false, null, null) { Items = items.ToEquatableArray() };
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
