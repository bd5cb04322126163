using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Lifeline.Generated;
using Xunit;

namespace Lifeline.RuntimeTests.Serialization;

/// <summary>
/// The decoding vectors of docs/wire-format.md, read from the document itself: each frame, decoded by content, gives the
/// MalformedReason the table states, or decodes where it says so.
/// </summary>
public partial class DecodingVectorTests
{
    public static TheoryData<string, string, string> Vectors()
    {
        var data = new TheoryData<string, string, string>();
        var document = File.ReadAllText(Path.Combine(WireFormatVectorTests.RepositoryRoot(), "docs", "wire-format.md"));
        foreach (Match row in Row().Matches(document))
        {
            data.Add(row.Groups["name"].Value, row.Groups["frame"].Value, row.Groups["result"].Value);
        }

        return data;
    }

    [Fact]
    public void The_document_publishes_every_decoding_vector()
    {
        var names = Vectors().Select(row => (string)row[0]).ToList();

        Assert.Equal(Enumerable.Range(1, 28).Select(i => $"R{i}"), names);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Each_frame_reads_as_the_document_says(string name, string frame, string result)
    {
        var read = new LifelineReader(LifelineMessages.Catalog).Read(Expand(frame));

        if (result == "decodes")
        {
            Assert.True(read.Kind == ReadKind.Hello, $"{name}: {read.Error}");
        }
        else
        {
            Assert.True(read.Kind == ReadKind.Malformed, $"{name} decoded as {read.Message}");
            Assert.Equal(Enum.Parse<MalformedReason>(result.Trim('`')), read.Error!.Reason);
        }
    }

    /// <summary>Hex bytes, where <c>XX×n</c> is a byte n times and <c>(XX YY)×n</c> a group n times.</summary>
    internal static byte[] Expand(string frame)
    {
        var bytes = new List<byte>();
        foreach (Match token in Token().Matches(frame))
        {
            var group = Convert.FromHexString((token.Groups["group"].Success ? token.Groups["group"].Value : token.Groups["byte"].Value).Replace(" ", string.Empty, StringComparison.Ordinal));
            var times = token.Groups["times"].Success ? int.Parse(token.Groups["times"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            for (var i = 0; i < times; i++)
            {
                bytes.AddRange(group);
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"^\| `(?<name>R\d+)` [^|]*\| `(?<frame>[0-9A-F ×()]+)` \| (?<result>`\w+`|decodes) \|$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"\((?<group>[0-9A-F ]+)\)×(?<times>\d+)|(?<byte>[0-9A-F]{2})(×(?<times>\d+))?")]
    private static partial Regex Token();
}
