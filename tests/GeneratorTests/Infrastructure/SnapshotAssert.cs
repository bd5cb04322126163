using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace Lifeline.GeneratorTests.Infrastructure;

/// <summary>
/// Verify's conventions without Verify: <c>Snapshots/&lt;name&gt;.verified.cs</c> beside the tests; a mismatch or a
/// missing snapshot writes <c>.received.cs</c> and fails with a diff; LIFELINE_ACCEPT_SNAPSHOTS=1 accepts instead.
/// </summary>
internal static partial class SnapshotAssert
{
    public const string AcceptVariable = "LIFELINE_ACCEPT_SNAPSHOTS";

    public static void Matches(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        var text = Scrub(actual);

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verified, text);
            File.Delete(received);
            return;
        }

        if (!File.Exists(verified))
        {
            File.WriteAllText(received, text);
            throw new XunitException($"No snapshot {verified}. The output was written to {received}; review it and rename it, or run with {AcceptVariable}=1.");
        }

        var expected = File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == text)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, text);
        throw new XunitException($"Snapshot {name} differs (received: {received}):\n{Diff(expected, text)}");
    }

    /// <summary>The generator version changes with every release; snapshots must not.</summary>
    public static string Scrub(string text) =>
        GeneratedCodeVersion().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "GeneratedCode(\"Lifeline.Generator\", \"{version}\")");

    private static string Diff(string expected, string actual)
    {
        var builder = new StringBuilder();
        foreach (var line in InlineDiffBuilder.Diff(expected, actual).Lines)
        {
            var prefix = line.Type switch { ChangeType.Inserted => "+ ", ChangeType.Deleted => "- ", _ => "  " };
            if (line.Type != ChangeType.Unchanged || builder.Length < 20_000)
            {
                builder.Append(prefix).AppendLine(line.Text);
            }
        }

        // Only the changed lines and a little context matter; keep the message readable.
        var lines = builder.ToString().Split('\n');
        var output = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var near = false;
            for (var j = Math.Max(0, i - 3); j <= Math.Min(lines.Length - 1, i + 3) && !near; j++)
            {
                near = lines[j].StartsWith("+ ", StringComparison.Ordinal) || lines[j].StartsWith("- ", StringComparison.Ordinal);
            }

            if (near)
            {
                output.AppendLine(lines[i].TrimEnd('\r'));
            }
        }

        return output.ToString();
    }

    [GeneratedRegex("GeneratedCode\\(\"Lifeline\\.Generator\", \"[^\"]*\"\\)")]
    private static partial Regex GeneratedCodeVersion();
}
