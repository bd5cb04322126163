using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Lifeline.Generator.Model;

namespace Lifeline.Generator.Emitting;

/// <summary>
/// Writes the schema of an assembly's lifecycle records as JSON, in the format docs/schema.md specifies: for each
/// record its full name, kind, id and members in the order they are written, each member's wire type, element and key
/// types, nullability, and whether it is required or what an absent one becomes.
/// </summary>
internal static class SchemaJson
{
    /// <summary>The version of the schema format; docs/schema.md says what each version changed.</summary>
    public const int FormatVersion = 1;

    /// <summary>The version of docs/wire-format.md the records are encoded by.</summary>
    public const int WireFormatVersion = 2;

    public static string Write(string? assembly, IEnumerable<MessageSpec> records)
    {
        var json = new StringBuilder();
        json.Append("{\n");
        json.Append("  \"lifelineSchema\": ").Append(FormatVersion).Append(",\n");
        json.Append("  \"wireFormat\": ").Append(WireFormatVersion).Append(",\n");
        json.Append("  \"assembly\": ").Append(assembly is null ? "null" : JsonText.Quote(assembly)).Append(",\n");
        json.Append("  \"records\": [");
        var first = true;
        foreach (var record in records)
        {
            json.Append(first ? "\n" : ",\n");
            first = false;
            Record(json, record);
        }

        json.Append(first ? "]\n" : "\n  ]\n");
        return json.Append('}').ToString();
    }

    private static void Record(StringBuilder json, MessageSpec record)
    {
        json.Append("    {\n");
        json.Append("      \"name\": ").Append(JsonText.Quote(record.DisplayName)).Append(",\n");
        json.Append("      \"kind\": ").Append(JsonText.Quote(record.Role.ToString().ToLowerInvariant())).Append(",\n");
        if (record.Role != MessageRole.Part)
        {
            json.Append("      \"id\": ").Append(record.MessageId.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        }

        json.Append("      \"members\": [");
        for (var i = 0; i < record.Members.Count; i++)
        {
            json.Append(i == 0 ? "\n" : ",\n").Append("        ");
            Member(json, record.Members[i]);
        }

        json.Append(record.Members.Count == 0 ? "]\n" : "\n      ]\n");
        json.Append("    }");
    }

    private static void Member(StringBuilder json, MemberSpec member)
    {
        json.Append("{ \"name\": ").Append(JsonText.Quote(member.Name)).Append(", \"type\": ");
        Type(json, member.Shape);
        json.Append(", \"required\": ").Append(member.Presence == MemberPresence.Required ? "true" : "false");
        if (member.Presence == MemberPresence.Defaulted && member.DefaultJson is { } value)
        {
            json.Append(", \"default\": ").Append(value);
        }

        json.Append(" }");
    }

    private static void Type(StringBuilder json, TypeShape shape)
    {
        // A nullable value type is its underlying type, nullable: the wire has nil or the value. The default
        // ImmutableArray is nil too.
        var nullable = shape.IsNullable || shape.Kind is ShapeKind.NullableValue or ShapeKind.ImmutableArray;
        if (shape.Kind == ShapeKind.NullableValue)
        {
            shape = shape.Element!;
        }

        json.Append("{ \"type\": ").Append(JsonText.Quote(WireType(shape.Kind))).Append(", \"nullable\": ").Append(nullable ? "true" : "false");
        switch (shape.Kind)
        {
            case ShapeKind.Enum:
                json.Append(", \"enum\": ").Append(JsonText.Quote(CSharpName(shape.TypeName)));
                json.Append(", \"underlying\": ").Append(JsonText.Quote(WireType((ShapeKind)System.Enum.Parse(typeof(ShapeKind), shape.Extra!))));
                break;
            case ShapeKind.Record:
                json.Append(", \"record\": ").Append(JsonText.Quote(CSharpName(shape.Extra!.Substring(0, shape.Extra.Length - ".LifelineFormatter".Length))));
                break;
            case ShapeKind.Dictionary or ShapeKind.ReadOnlyDictionary:
                json.Append(", \"keys\": ");
                Type(json, shape.Key!);
                json.Append(", \"values\": ");
                Type(json, shape.Element!);
                break;
            case ShapeKind.Array or ShapeKind.List or ShapeKind.ReadOnlyList or ShapeKind.Sequence or ShapeKind.Set or ShapeKind.ImmutableArray:
                json.Append(", \"items\": ");
                Type(json, shape.Element!);
                break;
            case ShapeKind.Tuple:
                json.Append(", \"elements\": [");
                for (var i = 0; i < shape.Items.Count; i++)
                {
                    json.Append(i == 0 ? " " : ", ");
                    Type(json, shape.Items[i]);
                }

                json.Append(" ]");
                break;
        }

        json.Append(" }");
    }

    /// <summary>The name of a wire type in the schema; each is a row of the member encodings in docs/wire-format.md.</summary>
    public static string WireType(ShapeKind kind) => kind switch
    {
        ShapeKind.Boolean => "bool",
        ShapeKind.SByte => "int8",
        ShapeKind.Byte => "uint8",
        ShapeKind.Int16 => "int16",
        ShapeKind.UInt16 => "uint16",
        ShapeKind.Int32 => "int32",
        ShapeKind.UInt32 => "uint32",
        ShapeKind.Int64 => "int64",
        ShapeKind.UInt64 => "uint64",
        ShapeKind.Single => "float32",
        ShapeKind.Double => "float64",
        ShapeKind.Array or ShapeKind.List or ShapeKind.ReadOnlyList or ShapeKind.Sequence or ShapeKind.ImmutableArray => "array",
        ShapeKind.Memory => "bytes",
        ShapeKind.Half => "float16",
        ShapeKind.Dictionary or ShapeKind.ReadOnlyDictionary => "map",
        _ => kind.ToString().ToLowerInvariant(),
    };

    // The full C# name without 'global::' and without a trailing '?', as records are named in the schema.
    private static string CSharpName(string typeName) =>
        (typeName.StartsWith("global::", System.StringComparison.Ordinal) ? typeName.Substring("global::".Length) : typeName).TrimEnd('?');
}
