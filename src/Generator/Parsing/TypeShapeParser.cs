using System.Linq;
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

    public static TypeShape? Parse(ITypeSymbol type, Compilation compilation, out string? reason)
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
                reason = "multidimensional arrays have no MessagePack encoding of their own; use a jagged array (T[][]) or List<List<T>>";
                return null;
            case IArrayTypeSymbol array when array.ElementType.SpecialType == SpecialType.System_Byte:
                return new TypeShape(ShapeKind.Bytes, Name("byte[]", nullable), nullable, null, null);
            case IArrayTypeSymbol array:
                return Container(ShapeKind.Array, nullable, array.ElementType, element => element + "[]", compilation, out reason);
            case INamedTypeSymbol named:
                return Named(named, nullable, compilation, out reason);
            case ITypeParameterSymbol:
                reason = "a type parameter has no fixed shape; use a concrete type";
                return null;
            default:
                reason = "it is not a named type";
                return null;
        }
    }

    private static TypeShape? Named(INamedTypeSymbol named, bool nullable, Compilation compilation, out string? reason)
    {
        reason = null;
        if (UsageAttributes.ObsoleteErrorType(named) is { } obsolete)
        {
            reason = $"'{obsolete.ToDisplayString()}' is [Obsolete] as an error, so no code may name it, the generated serializer included";
            return null;
        }
        if (named.TypeKind == TypeKind.Enum)
        {
            var underlying = Special(named.EnumUnderlyingType!.SpecialType);
            return new TypeShape(ShapeKind.Enum, named.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), false, null, underlying.ToString());
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return Container(ShapeKind.NullableValue, true, named.TypeArguments[0], element => element + "?", compilation, out reason);
        }

        if (named.IsTupleType)
        {
            return Tuple(named, compilation, out reason);
        }

        if (SymbolNames.Is(named, "System", named.MetadataName))
        {
            switch (named.MetadataName)
            {
                case "Guid":
                case "DateTimeOffset":
                case "TimeSpan":
                case "DateOnly":
                case "TimeOnly":
                case "Half":
                case "Int128":
                case "UInt128":
                    return new TypeShape((ShapeKind)System.Enum.Parse(typeof(ShapeKind), named.MetadataName), "global::System." + named.MetadataName, false, null, null);
                case "Uri":
                case "Version":
                    return new TypeShape((ShapeKind)System.Enum.Parse(typeof(ShapeKind), named.MetadataName), Name("global::System." + named.MetadataName, nullable), nullable, null, null);
                case "ReadOnlyMemory`1" or "Memory`1" when named.TypeArguments[0].SpecialType == SpecialType.System_Byte:
                    return new TypeShape(ShapeKind.Memory, $"global::System.{named.Name}<byte>", false, null, null);
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
            return new TypeShape(ShapeKind.BigInteger, "global::System.Numerics.BigInteger", false, null, null);
        }

        if (SymbolNames.Is(named, "System.Collections.Immutable", "ImmutableArray`1"))
        {
            return Container(ShapeKind.ImmutableArray, false, named.TypeArguments[0], element => "global::System.Collections.Immutable.ImmutableArray<" + element + ">", compilation, out reason);
        }

        if (SymbolNames.Is(named, "System.Collections.Generic", named.MetadataName))
        {
            switch (named.MetadataName)
            {
                case "List`1":
                case "IReadOnlyList`1":
                    return Container(named.MetadataName == "List`1" ? ShapeKind.List : ShapeKind.ReadOnlyList, nullable, named.TypeArguments[0], element => Generic + named.Name + "<" + element + ">", compilation, out reason);
                case "Dictionary`2":
                case "IDictionary`2":
                    return Dictionary(ShapeKind.Dictionary, named.Name + "<", named, nullable, compilation, out reason);
                case "IReadOnlyDictionary`2":
                    return Dictionary(ShapeKind.ReadOnlyDictionary, "IReadOnlyDictionary<", named, nullable, compilation, out reason);
                case "HashSet`1":
                case "ISet`1":
                case "IReadOnlySet`1":
                    return Container(ShapeKind.Set, nullable, named.TypeArguments[0], element => Generic + named.Name + "<" + element + ">", compilation, out reason);
                case "IEnumerable`1":
                case "ICollection`1":
                case "IList`1":
                case "IReadOnlyCollection`1":
                    return Container(ShapeKind.Sequence, nullable, named.TypeArguments[0], element => Generic + named.Name + "<" + element + ">", compilation, out reason);
            }
        }

        if (named.IsRecord && MessageParser.RoleOf(named) is not null && !MessageParser.IsGenerated(named, compilation, default))
        {
            reason = $"the record '{named.ToDisplayString()}' has errors of its own (reported on it), so it has no generated formatter yet";
            return null;
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

    private static TypeShape? Dictionary(ShapeKind kind, string open, INamedTypeSymbol named, bool nullable, Compilation compilation, out string? reason)
    {
        // Keys a map can carry as a plain MessagePack value: string, an integer type, an enum, Guid (as its string).
        var keyType = named.TypeArguments[0];
        var key = Parse(keyType, compilation, out reason);
        if (key is not { Kind: ShapeKind.String or ShapeKind.SByte or ShapeKind.Byte or ShapeKind.Int16 or ShapeKind.UInt16 or ShapeKind.Int32
            or ShapeKind.UInt32 or ShapeKind.Int64 or ShapeKind.UInt64 or ShapeKind.Enum or ShapeKind.Guid })
        {
            reason = $"dictionary keys must be string, an integer type, an enum or Guid, not '{keyType.ToDisplayString()}'";
            return null;
        }

        // Keys are never null on the wire; an annotated key keeps its '?' so that the member's type is written as declared.
        var keyName = key.Kind == ShapeKind.String ? (keyType.NullableAnnotation == NullableAnnotation.Annotated ? "string?" : "string") : key.TypeName;
        var shape = Container(kind, nullable, named.TypeArguments[1], value => Generic + open + keyName + ", " + value + ">", compilation, out reason);
        return shape is null ? null : shape with { Key = key with { IsNullable = false, TypeName = key.Kind == ShapeKind.String ? "string" : key.TypeName } };
    }

    private static TypeShape? Tuple(INamedTypeSymbol named, Compilation compilation, out string? reason)
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
            var item = Parse(element.Type, compilation, out reason);
            if (item is null)
            {
                reason = $"its element '{element.Type.ToDisplayString()}' is not supported: {reason}";
                return null;
            }

            items.Add(item);
        }

        // Element names are only names: '(int, string)' converts to and from '(int Count, string Label)'. A single element has
        // no tuple syntax: '(int)' would be a parenthesized name.
        var name = items.Count == 1 ? "global::System.ValueTuple<" + items[0].TypeName + ">" : "(" + string.Join(", ", items.Select(i => i.TypeName)) + ")";
        return new TypeShape(ShapeKind.Tuple, name, false, null, null) { Items = items.ToEquatableArray() };
    }

    private static TypeShape? Container(ShapeKind kind, bool nullable, ITypeSymbol element, System.Func<string, string> name, Compilation compilation, out string? reason)
    {
        var inner = Parse(element, compilation, out reason);
        if (inner is null)
        {
            // Name the element that fails, so that 'List<object>' says 'object', not only 'List<T>'.
            reason = $"its element type '{element.ToDisplayString()}' is not supported: {reason}";
            return null;
        }

        return new TypeShape(kind, Name(name(inner.TypeName), nullable && kind != ShapeKind.NullableValue), nullable, inner, null);
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
