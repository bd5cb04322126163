using Lifeline.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Lifeline.Generator.Parsing;

/// <summary>
/// Maps a member type symbol to the shape that encodes it, or explains why none does. The C# name of each shape is put
/// together from its parts, with <c>?</c> on every reference type that is nullable, oblivious ones included: generated
/// code is compiled with nullable annotations on, and a member from code without them may hold null.
/// </summary>
internal static class TypeShapeParser
{
    private const string Generic = "global::System.Collections.Generic.";

    public static TypeShape? Parse(ITypeSymbol type, out string? reason)
    {
        reason = null;

        // Oblivious (#nullable disable) references are treated as nullable: the lenient reading of no annotation.
        var nullable = type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;
        var special = Special(type.SpecialType);
        if (special is { } kind)
        {
            return new TypeShape(kind, Name(Keyword(kind), nullable), nullable, null, null);
        }

        switch (type)
        {
            case IArrayTypeSymbol array when array.Rank != 1:
                reason = "only single-dimensional arrays are supported";
                return null;
            case IArrayTypeSymbol array when array.ElementType.SpecialType == SpecialType.System_Byte:
                return new TypeShape(ShapeKind.Bytes, Name("byte[]", nullable), nullable, null, null);
            case IArrayTypeSymbol array:
                return Container(ShapeKind.Array, nullable, array.ElementType, element => element + "[]", out reason);
            case INamedTypeSymbol named:
                return Named(named, nullable, out reason);
            default:
                reason = "it is not a named type";
                return null;
        }
    }

    private static TypeShape? Named(INamedTypeSymbol named, bool nullable, out string? reason)
    {
        reason = null;
        if (named.TypeKind == TypeKind.Enum)
        {
            var underlying = Special(named.EnumUnderlyingType!.SpecialType);
            return new TypeShape(ShapeKind.Enum, named.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), false, null, underlying.ToString());
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return Container(ShapeKind.NullableValue, true, named.TypeArguments[0], element => element + "?", out reason);
        }

        if (SymbolNames.Is(named, "System", named.MetadataName))
        {
            switch (named.MetadataName)
            {
                case "Guid":
                    return new TypeShape(ShapeKind.Guid, "global::System.Guid", false, null, null);
                case "DateTimeOffset":
                    return new TypeShape(ShapeKind.DateTimeOffset, "global::System.DateTimeOffset", false, null, null);
                case "TimeSpan":
                    return new TypeShape(ShapeKind.TimeSpan, "global::System.TimeSpan", false, null, null);
            }
        }

        if (SymbolNames.Is(named, "System.Collections.Generic", named.MetadataName))
        {
            switch (named.MetadataName)
            {
                case "List`1":
                    return Container(ShapeKind.List, nullable, named.TypeArguments[0], element => Generic + "List<" + element + ">", out reason);
                case "IReadOnlyList`1":
                    return Container(ShapeKind.ReadOnlyList, nullable, named.TypeArguments[0], element => Generic + "IReadOnlyList<" + element + ">", out reason);
                case "Dictionary`2":
                    return Dictionary(ShapeKind.Dictionary, "Dictionary<", named, nullable, out reason);
                case "IReadOnlyDictionary`2":
                    return Dictionary(ShapeKind.ReadOnlyDictionary, "IReadOnlyDictionary<", named, nullable, out reason);
            }
        }

        if (named.IsRecord && MessageParser.RoleOf(named) is not null)
        {
            var definition = named.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return new TypeShape(ShapeKind.Record, Name(definition, nullable), nullable, null, definition + ".LifelineFormatter") { IsClassRecord = named.IsReferenceType };
        }

        reason = named.IsRecord
            ? "the record is not marked [HelloMessage], [DisconnectMessage] or [MessagePart]"
            : "it is not a supported type";
        return null;
    }

    private static TypeShape? Dictionary(ShapeKind kind, string open, INamedTypeSymbol named, bool nullable, out string? reason)
    {
        var key = named.TypeArguments[0];
        if (key.SpecialType != SpecialType.System_String)
        {
            reason = "dictionary keys must be string";
            return null;
        }

        // Keys are never null on the wire; an annotated key keeps its '?' so that the member's type is written as declared.
        var keyName = key.NullableAnnotation == NullableAnnotation.Annotated ? "string?" : "string";
        return Container(kind, nullable, named.TypeArguments[1], value => Generic + open + keyName + ", " + value + ">", out reason);
    }

    private static TypeShape? Container(ShapeKind kind, bool nullable, ITypeSymbol element, System.Func<string, string> name, out string? reason)
    {
        var inner = Parse(element, out reason);
        return inner is null ? null : new TypeShape(kind, Name(name(inner.TypeName), nullable && kind != ShapeKind.NullableValue), nullable, inner, null);
    }

    private static string Name(string name, bool nullable) => nullable ? name + "?" : name;

    // The names FullyQualifiedFormat gives: keywords for the types that have one.
    private static string Keyword(ShapeKind kind) => kind switch
    {
        ShapeKind.Boolean => "bool",
        ShapeKind.SByte => "sbyte",
        ShapeKind.Byte => "byte",
        ShapeKind.Int16 => "short",
        ShapeKind.UInt16 => "ushort",
        ShapeKind.Int32 => "int",
        ShapeKind.UInt32 => "uint",
        ShapeKind.Int64 => "long",
        ShapeKind.UInt64 => "ulong",
        ShapeKind.Single => "float",
        ShapeKind.Double => "double",
        ShapeKind.Decimal => "decimal",
        ShapeKind.Char => "char",
        ShapeKind.String => "string",
        _ => "global::System.DateTime",
    };

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
