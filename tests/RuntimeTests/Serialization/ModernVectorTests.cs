using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Numerics;
using Lifeline.RuntimeTests.Messages;
using Xunit;

namespace Lifeline.RuntimeTests.Serialization;

/// <summary>Vector 4 of docs/wire-format.md: the newer member types, checked both ways and against the document.</summary>
public class ModernVectorTests
{
    public const string Vector =
        "C1 4C 46 4C 01 01 00 00 50 02 8A A3 44 61 79 CE 00 0B 4A 6A A4 54 69 6D 65 CF 00 00 00 64 95 34 "
        + "E0 00 A5 52 61 74 69 6F CA 3F 00 00 00 A3 42 69 67 C4 02 7F FF A8 45 6E 64 70 6F 69 6E 74 B4 74 "
        + "63 70 3A 2F 2F 31 32 37 2E 30 2E 30 2E 31 3A 35 35 35 35 A7 52 65 6C 65 61 73 65 A3 32 2E 31 A5 "
        + "53 6C 6F 74 73 91 07 A8 42 79 4E 75 6D 62 65 72 81 FF A1 78 A4 50 61 69 72 92 01 A1 61 A6 46 72 "
        + "6F 7A 65 6E 91 09";

    private static readonly ModernVector Sample = new(
        new DateOnly(2026, 11, 27),
        new TimeOnly(12, 0),
        (Half)0.5,
        new BigInteger(-129),
        new Uri("tcp://127.0.0.1:5555"),
        new Version(2, 1),
        [7],
        new Dictionary<int, string> { [-1] = "x" },
        (1, "a"),
        ImmutableArray.Create<byte>(9));

    [Fact]
    public void Encodes_to_the_published_vector_and_back()
    {
        var frame = LifelineFrame.Encode(Sample);

        Assert.Equal(Vector, BitConverter.ToString(frame).Replace('-', ' '));
        Assert.True(LifelineFrame.TryDecode<ModernVector>(Frames.FromHex(Vector), out var decoded, out var error), error?.Detail);
        Assert.Equal(Sample.Day, decoded.Day);
        Assert.Equal(Sample.Big, decoded.Big);
        Assert.Equal(Sample.Slots, decoded.Slots);
        Assert.Equal(Sample.Pair, decoded.Pair);
    }

    [Fact]
    public void The_wire_format_document_publishes_it()
    {
        var document = File.ReadAllText(Path.Combine(WireFormatVectorTests.RepositoryRoot(), "docs", "wire-format.md"));

        // The document wraps long vectors across lines; compare the hex digits only.
        Assert.Contains(Vector.Replace(" ", string.Empty, StringComparison.Ordinal), WireFormatVectorTests.HexDigitsOnly(document), StringComparison.Ordinal);
    }
}
