using System;
using Lifeline.Generator.Model;

namespace Lifeline.Generator.Emitting;

/// <summary>
/// Emits the statements that write one value to a <c>MessagePackWriter</c> and read it back, for every
/// <see cref="ShapeKind"/>. Nested containers recurse with a depth suffix on every local name.
/// </summary>
internal static class ValueEmitter
{
    public static void EmitWrite(CodeWriter code, TypeShape shape, string value, string path, int depth)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Decimal:
                code.Line($"{Names.Wire}.WriteDecimal(ref writer, {value});");
                return;
            case ShapeKind.Guid:
                code.Line($"{Names.Wire}.WriteGuid(ref writer, {value});");
                return;
            case ShapeKind.DateTimeOffset:
                code.Line($"{Names.Wire}.WriteDateTimeOffset(ref writer, {value});");
                return;
            case ShapeKind.TimeSpan:
            case ShapeKind.TimeOnly:
                code.Line($"writer.Write({value}.Ticks);");
                return;
            case ShapeKind.DateOnly:
                code.Line($"writer.Write({value}.DayNumber);");
                return;
            case ShapeKind.Half:
                code.Line($"writer.Write((float){value});");
                return;
            case ShapeKind.Int128:
            case ShapeKind.UInt128:
                // Two's complement, little-endian, shortest form: the same bytes as a BigInteger of the same value.
                code.Line($"writer.Write(((global::System.Numerics.BigInteger){value}).ToByteArray());");
                return;
            case ShapeKind.BigInteger:
                code.Line($"writer.Write({value}.ToByteArray());");
                return;
            case ShapeKind.Memory:
                code.Line($"writer.Write({value}.Span);");
                return;
            case ShapeKind.Uri:
            case ShapeKind.Version:
                EmitWriteText(code, shape, value, path, depth);
                return;
            case ShapeKind.Tuple:
                code.Line($"writer.WriteArrayHeader({shape.Items.Count});");
                for (var i = 0; i < shape.Items.Count; i++)
                {
                    EmitWrite(code, shape.Items[i], $"{value}.Item{i + 1}", path, depth + 1);
                }

                return;
            case ShapeKind.Enum:
                code.Line($"writer.Write(({Keyword(shape.Extra!)}){value});");
                return;
            case ShapeKind.String:
            case ShapeKind.Bytes:
                code.Line(shape.IsNullable ? $"writer.Write({value});" : $"writer.Write({value} ?? throw {Names.Wire}.NullMember(\"{path}\"));");
                return;
            case ShapeKind.Record:
                // The formatter writes nil for null, so a nullable member passes through with '!'.
                var item = !shape.IsClassRecord ? value
                    : shape.IsNullable ? value + "!"
                    : $"{value} ?? throw {Names.Wire}.NullMember(\"{path}\")";
                code.Line($"{shape.Extra}.Instance.Serialize(ref writer, {item}, options);");
                return;
            case ShapeKind.NullableValue:
                EmitWriteNullable(code, shape, value, path, depth);
                return;
            case ShapeKind.Array:
            case ShapeKind.List:
            case ShapeKind.ReadOnlyList:
            case ShapeKind.Dictionary:
            case ShapeKind.ReadOnlyDictionary:
            case ShapeKind.Set:
            case ShapeKind.Sequence:
            case ShapeKind.ImmutableArray:
                EmitWriteCollection(code, shape, value, path, depth);
                return;
            default:
                // Every remaining kind has a MessagePackWriter.Write overload of its own.
                code.Line($"writer.Write({value});");
                return;
        }
    }

    private static void EmitWriteNullable(CodeWriter code, TypeShape shape, string value, string path, int depth)
    {
        var local = $"__n{depth}";
        using var scope = code.Scope();
        code.Line($"var {local} = {value};");
        using (code.Open($"if ({local}.HasValue)"))
        {
            EmitWrite(code, shape.Element!, $"{local}.GetValueOrDefault()", path, depth + 1);
        }

        using (code.Open("else"))
        {
            code.Line("writer.WriteNil();");
        }
    }

    // Uri and Version travel as their text.
    private static void EmitWriteText(CodeWriter code, TypeShape shape, string value, string path, int depth)
    {
        var text = shape.Kind == ShapeKind.Uri ? "OriginalString" : "ToString()";
        if (!shape.IsNullable)
        {
            code.Line($"writer.Write(({value} ?? throw {Names.Wire}.NullMember(\"{path}\")).{text});");
            return;
        }

        var local = $"__r{depth}";
        using var scope = code.Scope();
        code.Line($"var {local} = {value};");
        using (code.Open($"if ({local} is null)"))
        {
            code.Line("writer.WriteNil();");
        }

        using (code.Open("else"))
        {
            code.Line($"writer.Write({local}.{text});");
        }
    }

    private static void EmitWriteCollection(CodeWriter code, TypeShape shape, string value, string path, int depth)
    {
        var local = $"__c{depth}";
        using var scope = code.Scope();
        code.Line($"var {local} = {value};");

        // The default (uninitialized) ImmutableArray is nil, as MessagePack-CSharp writes it.
        var immutable = shape.Kind == ShapeKind.ImmutableArray;
        using (code.Open(immutable ? $"if ({local}.IsDefault)" : $"if ({local} is null)"))
        {
            code.Line(immutable || shape.IsNullable ? "writer.WriteNil();" : $"throw {Names.Wire}.NullMember(\"{path}\");");
        }

        using (code.Open("else"))
        {
            if (shape.Kind is ShapeKind.Dictionary or ShapeKind.ReadOnlyDictionary)
            {
                var pair = $"__kv{depth}";
                code.Line($"writer.WriteMapHeader({local}.Count);");
                using (code.Open($"foreach (var {pair} in {local})"))
                {
                    if (shape.Key!.Kind == ShapeKind.String)
                    {
                        // A dictionary holds no null key.
                        code.Line($"writer.Write({pair}.Key);");
                    }
                    else
                    {
                        EmitWrite(code, shape.Key!, $"{pair}.Key", path, depth + 1);
                    }

                    EmitWrite(code, shape.Element!, $"{pair}.Value", path, depth + 1);
                }

                return;
            }

            if (shape.Kind is ShapeKind.Set or ShapeKind.Sequence)
            {
                // Sets and sequences have no indexer, and a bare IEnumerable<T> no count: it is copied once.
                var element = shape.Element!.TypeName;
                var items = $"__s{depth}";
                var item = $"__e{depth}";
                code.Line($"var {items} = {local} as global::System.Collections.Generic.ICollection<{element}> ?? new global::System.Collections.Generic.List<{element}>({local});");
                code.Line($"writer.WriteArrayHeader({items}.Count);");
                using (code.Open($"foreach (var {item} in {items})"))
                {
                    EmitWrite(code, shape.Element!, item, path, depth + 1);
                }

                return;
            }

            // Indexing avoids the enumerator allocation that foreach over IReadOnlyList<T> costs.
            var count = shape.Kind is ShapeKind.Array or ShapeKind.ImmutableArray ? "Length" : "Count";
            var index = $"__i{depth}";
            code.Line($"writer.WriteArrayHeader({local}.{count});");
            using (code.Open($"for (int {index} = 0; {index} < {local}.{count}; {index}++)"))
            {
                EmitWrite(code, shape.Element!, $"{local}[{index}]", path, depth + 1);
            }
        }
    }

    public static void EmitRead(CodeWriter code, TypeShape shape, string target, int depth)
    {
        switch (shape.Kind)
        {
            case ShapeKind.String:
                code.Line(shape.IsNullable ? $"{target} = {Names.Wire}.ReadString(ref reader);" : $"{target} = {Names.Wire}.ReadRequiredString(ref reader);");
                return;
            case ShapeKind.Bytes:
                code.Line(shape.IsNullable ? $"{target} = {Names.Wire}.ReadBytes(ref reader);" : $"{target} = {Names.Wire}.ReadBytes(ref reader) ?? throw {Names.Wire}.NullNotAllowed();");
                return;
            case ShapeKind.Decimal:
            case ShapeKind.Guid:
            case ShapeKind.DateTime:
            case ShapeKind.DateTimeOffset:
                code.Line($"{target} = {Names.Wire}.Read{shape.Kind}(ref reader);");
                return;
            case ShapeKind.TimeSpan:
                code.Line($"{target} = new global::System.TimeSpan(reader.ReadInt64());");
                return;
            case ShapeKind.TimeOnly:
                code.Line($"{target} = new global::System.TimeOnly(reader.ReadInt64());");
                return;
            case ShapeKind.DateOnly:
                code.Line($"{target} = global::System.DateOnly.FromDayNumber(reader.ReadInt32());");
                return;
            case ShapeKind.Half:
                code.Line($"{target} = (global::System.Half)reader.ReadSingle();");
                return;
            case ShapeKind.Int128:
            case ShapeKind.UInt128:
                code.Line($"{target} = ({shape.TypeName})new global::System.Numerics.BigInteger({RequiredBytes});");
                return;
            case ShapeKind.BigInteger:
                code.Line($"{target} = new global::System.Numerics.BigInteger({RequiredBytes});");
                return;
            case ShapeKind.Memory:
                code.Line($"{target} = {RequiredBytes};");
                return;
            case ShapeKind.Uri:
            case ShapeKind.Version:
                var parse = shape.Kind == ShapeKind.Uri
                    ? $"new global::System.Uri({Names.Wire}.ReadRequiredString(ref reader), global::System.UriKind.RelativeOrAbsolute)"
                    : $"global::System.Version.Parse({Names.Wire}.ReadRequiredString(ref reader))";
                code.Line(shape.IsNullable ? $"{target} = reader.TryReadNil() ? null : {parse};" : $"{target} = {parse};");
                return;
            case ShapeKind.Tuple:
                EmitReadTuple(code, shape, target, depth);
                return;
            case ShapeKind.Enum:
                code.Line($"{target} = ({shape.TypeName})reader.Read{shape.Extra}();");
                return;
            case ShapeKind.Record:
                var orThrow = shape.IsClassRecord && !shape.IsNullable ? $" ?? throw {Names.Wire}.NullNotAllowed()" : string.Empty;
                code.Line($"{target} = {shape.Extra}.Instance.Deserialize(ref reader, options){orThrow};");
                return;
            case ShapeKind.NullableValue:
                EmitReadNullable(code, shape, target, depth);
                return;
            case ShapeKind.Array:
            case ShapeKind.List:
            case ShapeKind.ReadOnlyList:
            case ShapeKind.Dictionary:
            case ShapeKind.ReadOnlyDictionary:
            case ShapeKind.Set:
            case ShapeKind.Sequence:
            case ShapeKind.ImmutableArray:
                EmitReadCollection(code, shape, target, depth);
                return;
            default:
                code.Line($"{target} = reader.Read{shape.Kind}();");
                return;
        }
    }

    private static void EmitReadNullable(CodeWriter code, TypeShape shape, string target, int depth)
    {
        using (code.Open("if (reader.TryReadNil())"))
        {
            code.Line($"{target} = null;");
        }

        using (code.Open("else"))
        {
            var local = $"__n{depth}";
            code.Line($"{shape.Element!.TypeName} {local};");
            EmitRead(code, shape.Element!, local, depth + 1);
            code.Line($"{target} = {local};");
        }
    }

    private static string RequiredBytes => $"{Names.Wire}.ReadBytes(ref reader) ?? throw {Names.Wire}.NullNotAllowed()";

    private static void EmitReadTuple(CodeWriter code, TypeShape shape, string target, int depth)
    {
        var count = $"__count{depth}";
        using var scope = code.Scope();
        code.Line($"var {count} = reader.ReadArrayHeader();");
        using (code.Open($"if ({count} != {shape.Items.Count})"))
        {
            code.Line($"throw new {Names.DecodeException}(null, \"a tuple of {shape.Items.Count} elements was expected, not \" + {count});");
        }

        code.Line("options.Security.DepthStep(ref reader);");
        var locals = new System.Collections.Generic.List<string>();
        for (var i = 0; i < shape.Items.Count; i++)
        {
            var local = $"__t{depth}_{i}";
            code.Line($"{shape.Items[i].TypeName} {local};");
            EmitRead(code, shape.Items[i], local, depth + 1);
            locals.Add(local);
        }

        code.Line("reader.Depth--;");
        code.Line(locals.Count == 1 ? $"{target} = new {shape.TypeName}({locals[0]});" : $"{target} = ({string.Join(", ", locals)});");
    }

    private static void EmitReadCollection(CodeWriter code, TypeShape shape, string target, int depth)
    {
        using (code.Open("if (reader.TryReadNil())"))
        {
            code.Line(shape.Kind == ShapeKind.ImmutableArray || shape.IsNullable ? $"{target} = default;" : $"throw {Names.Wire}.NullNotAllowed();");
        }

        using (code.Open("else"))
        {
            var isMap = shape.Kind is ShapeKind.Dictionary or ShapeKind.ReadOnlyDictionary;
            var count = $"__count{depth}";
            var index = $"__i{depth}";
            var collection = $"__c{depth}";
            var item = $"__e{depth}";
            var element = shape.Element!;
            code.Line($"var {count} = {Names.Wire}.CheckCount(ref reader, reader.Read{(isMap ? "Map" : "Array")}Header());");
            code.Line("options.Security.DepthStep(ref reader);");
            code.Line($"{Names.Wire}.ChargeCollection({count}, {(isMap ? "true" : "false")});");
            code.Line($"var {collection} = {Creation(shape, count)};");
            using (code.Open($"for (int {index} = 0; {index} < {count}; {index}++)"))
            {
                if (isMap)
                {
                    var key = $"__k{depth}";
                    code.Line($"{shape.Key!.TypeName} {key};");
                    EmitRead(code, shape.Key!, key, depth + 1);
                    code.Line($"{element.TypeName} {item};");
                    EmitRead(code, element, item, depth + 1);
                    code.Line($"{Names.Wire}.AddEntry({collection}, {key}, {item});");
                }
                else if (shape.Kind == ShapeKind.Set)
                {
                    code.Line($"{element.TypeName} {item};");
                    EmitRead(code, element, item, depth + 1);
                    using (code.Open($"if (!{collection}.Add({item}))"))
                    {
                        code.Line($"throw new {Names.DecodeException}(null, \"an element appears more than once in a set\");");
                    }
                }
                else if (shape.Kind is ShapeKind.List or ShapeKind.Sequence or ShapeKind.ImmutableArray)
                {
                    code.Line($"{element.TypeName} {item};");
                    EmitRead(code, element, item, depth + 1);
                    code.Line($"{collection}.Add({item});");
                }
                else
                {
                    EmitRead(code, element, $"{collection}[{index}]", depth + 1);
                }
            }

            code.Line("reader.Depth--;");
            code.Line(shape.Kind == ShapeKind.ImmutableArray ? $"{target} = {collection}.MoveToImmutable();" : $"{target} = {collection};");
        }
    }

    private static string Creation(TypeShape shape, string count)
    {
        var element = shape.Element!.TypeName;
        return shape.Kind switch
        {
            ShapeKind.List or ShapeKind.Sequence => $"new global::System.Collections.Generic.List<{element}>({count})",
            ShapeKind.Set => $"new global::System.Collections.Generic.HashSet<{element}>(options.Security.GetEqualityComparer<{element}>())",
            ShapeKind.ImmutableArray => $"global::System.Collections.Immutable.ImmutableArray.CreateBuilder<{element}>({count})",
            ShapeKind.Dictionary or ShapeKind.ReadOnlyDictionary =>
                $"new global::System.Collections.Generic.Dictionary<{shape.Key!.TypeName}, {element}>({count}, options.Security.GetEqualityComparer<{shape.Key!.TypeName}>())",

            // 'new T[n]' cannot be written when T is itself an array type; the helper takes it as a type argument.
            _ when element.IndexOf('[') >= 0 => $"{Names.Wire}.NewArray<{element}>({count})",
            _ => $"new {element}[{count}]",
        };
    }

    private static string Keyword(string kind) => kind switch
    {
        nameof(ShapeKind.SByte) => "sbyte",
        nameof(ShapeKind.Byte) => "byte",
        nameof(ShapeKind.Int16) => "short",
        nameof(ShapeKind.UInt16) => "ushort",
        nameof(ShapeKind.Int32) => "int",
        nameof(ShapeKind.UInt32) => "uint",
        nameof(ShapeKind.Int64) => "long",
        nameof(ShapeKind.UInt64) => "ulong",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an enum underlying type"),
    };
}
