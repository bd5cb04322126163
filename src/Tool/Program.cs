using System;
using System.IO;

namespace Lifeline.Tool;

/// <summary>
/// <c>lifeline schema|decode|encode</c>: the schema an assembly carries (docs/schema.md), and lifecycle frames read and
/// written by that assembly's own generated catalog and formatters, so the tool applies exactly the rules a peer does.
/// </summary>
public static class Program
{
    private const string Usage = """
        usage:
          lifeline schema <assembly.dll>                        the schema of the assembly's records, as JSON
          lifeline decode <assembly.dll> <frame hex | ->         what a frame holds, as JSON ('-' reads the hex from stdin)
          lifeline encode <assembly.dll> <record> <body json>   the frame of a record given as JSON, in hex
        """;

    public static int Main(string[] args) => Run(args, Console.In, Console.Out, Console.Error);

    /// <summary>Runs one command; returns the exit code: 0 done, 1 the input is not valid, 2 the command line is not.</summary>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        try
        {
            switch (args)
            {
                case ["schema", var assembly]:
                    return Commands.Schema(assembly, output, error);
                case ["decode", var assembly, var frame]:
                    return Commands.Decode(RecordAssembly.Load(assembly), frame == "-" ? input.ReadToEnd() : frame, output);
                case ["encode", var assembly, var record, var body]:
                    return Commands.Encode(RecordAssembly.Load(assembly), record, body, output, error);
                default:
                    error.Write(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }
}
