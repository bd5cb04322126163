using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lifeline.Tool;

/// <summary>The three commands: each writes JSON or hex to <c>output</c> and returns the exit code.</summary>
internal static class Commands
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, IncludeFields = true };

    public static int Schema(string assembly, TextWriter output, TextWriter error)
    {
        if (RecordAssembly.Schema(assembly) is not { } schema)
        {
            error.WriteLine($"{assembly} carries no Lifeline schema: it declares no lifecycle records");
            return 1;
        }

        output.WriteLine(schema);
        return 0;
    }

    /// <summary>Reads a frame by its content, as a reader that knows the assembly's records would.</summary>
    public static int Decode(RecordAssembly records, string hex, TextWriter output)
    {
        var frame = FromHex(hex);
        var result = new JsonObject();
        MalformedFrame? error;
        if (!LifelineFrame.HasMagic(frame))
        {
            result["lifecycle"] = false;
            output.WriteLine(result.ToJsonString(Json));
            return 0;
        }

        if (LifelineFrame.TryReadHeader(frame, out var kind, out var id, out error))
        {
            result["kind"] = kind.ToString().ToLowerInvariant();
            result["id"] = $"0x{id:X8}";
            if (records.Catalog.TryDecode(kind, id, frame, out var message, out error))
            {
                result["record"] = message.GetType().FullName!.Replace('+', '.');
                result["body"] = JsonSerializer.SerializeToNode(message, message.GetType(), Json);
            }
        }

        if (error is not null)
        {
            result["malformed"] = error.Reason.ToString();
            result["detail"] = error.Detail;
        }

        output.WriteLine(result.ToJsonString(Json));
        return error is null ? 0 : 1;
    }

    /// <summary>Builds a record from JSON and writes its frame with the record's generated formatter.</summary>
    public static int Encode(RecordAssembly records, string name, string body, TextWriter output, TextWriter error)
    {
        var type = records.Record(name);
        if (type is null)
        {
            error.WriteLine($"the assembly has no record named {name}");
            return 1;
        }

        if (!type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ILifelineMessage<>)))
        {
            error.WriteLine($"{name} is a [MessagePart]: parts are only written inside other records, never framed");
            return 1;
        }

        var message = JsonSerializer.Deserialize(body, type, Json) ?? throw new InvalidDataException("the body is null");
        var encode = typeof(LifelineFrame).GetMethod(nameof(LifelineFrame.Encode))!.MakeGenericMethod(type);
        try
        {
            output.WriteLine(Convert.ToHexString((byte[])encode.Invoke(null, [message])!));
            return 0;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is ArgumentException refused)
        {
            // The writer refuses what a peer would reject, such as a null in a member that is not nullable.
            error.WriteLine(refused.Message);
            return 1;
        }
    }

    private static byte[] FromHex(string hex)
    {
        var digits = new string(hex.Where(c => !char.IsWhiteSpace(c)).ToArray());
        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException("the frame is not hex: " + e.Message, e);
        }
    }
}
