using System;
using System.Collections.Generic;
using System.IO;
using Lifeline.RuntimeTests.Messages;
using Xunit;

namespace Lifeline.RuntimeTests.Serialization;

/// <summary>The hex test vectors published in docs/wire-format.md, checked against the implementation both ways.</summary>
public class WireFormatVectorTests
{
    public const string ClientHelloVector =
        "C1 4C 46 4C 01 01 00 00 10 01 82 A4 4E 61 6D 65 A5 61 6C 69 63 65 A7 56 65 72 73 69 6F 6E 03";

    public const string ClientGoneVector =
        "C1 4C 46 4C 01 02 00 00 20 01 81 A6 52 65 61 73 6F 6E A7 74 69 6D 65 6F 75 74";

    public const string SealedClientGoneVector =
        "C1 4C 46 4C 02 02 00 00 20 01 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 81 A6 52 65 61 73 6F 6E A7 74 69 6D 65 6F 75 74";

    public const string WorkerHelloVector =
        "C1 4C 46 4C 01 01 DE 62 80 FE 85 A6 57 6F 72 6B 65 72 A2 77 31 A6 53 6B 69 6C 6C 73 91 A3 67 70 75 "
        + "A6 4C 69 6D 69 74 73 81 A4 6A 6F 62 73 04 A2 49 64 D9 24 30 30 30 30 30 30 30 30 2D 30 30 30 30 2D "
        + "30 30 30 30 2D 30 30 30 30 2D 30 30 30 30 30 30 30 30 30 30 30 31 A8 50 72 69 6F 72 69 74 79 C0";

    public const string EverythingVector =
        "C1 4C 46 4C 01 01 C9 B3 07 91 DE 00 23 A4 46 6C 61 67 C3 A2 49 38 D0 9C A2 55 38 CC C8 A3 49 31 36 "
        + "D1 FE D4 A3 55 31 36 CD 9C 40 A3 49 33 32 D2 FF FE EE 90 A3 55 33 32 CE B2 D0 5E 00 A3 49 36 34 D3 "
        + "FF FF FF FE D5 FA 0E 00 A3 55 36 34 CF FF FF FF FF FF FF FF FF A3 46 33 32 CA 3F C0 00 00 A3 46 36 "
        + "34 CB BF D0 00 00 00 00 00 00 A5 4D 6F 6E 65 79 A4 31 2E 35 30 A6 4C 65 74 74 65 72 CC E9 A4 54 65 "
        + "78 74 A6 68 C3 A9 6C 6C 6F A9 4D 61 79 62 65 54 65 78 74 C0 A4 42 6C 6F 62 C4 02 00 C1 A9 4D 61 79 "
        + "62 65 42 6C 6F 62 C0 A2 49 64 D9 24 30 30 31 31 32 32 33 33 2D 34 34 35 35 2D 36 36 37 37 2D 38 38 "
        + "39 39 2D 61 61 62 62 63 63 64 64 65 65 66 66 A4 57 68 65 6E D6 FF 3B 9A CA 00 AA 57 68 65 6E 4F 66 "
        + "66 73 65 74 92 D7 FF 77 35 94 00 65 91 F2 70 3C A8 44 75 72 61 74 69 6F 6E CE 00 E4 E1 C0 A5 43 6F "
        + "6C 6F 72 02 A8 4D 61 79 62 65 49 6E 74 07 AA 4D 61 79 62 65 43 6F 6C 6F 72 C0 A7 4E 75 6D 62 65 72 "
        + "73 92 01 FF AC 4D 61 79 62 65 53 74 72 69 6E 67 73 92 A1 61 C0 A4 54 61 67 73 91 A1 78 A9 41 64 64 "
        + "72 65 73 73 65 73 91 83 A6 53 74 72 65 65 74 A4 4D 61 69 6E A6 4E 75 6D 62 65 72 01 A4 4E 6F 74 65 "
        + "C0 A6 43 6F 75 6E 74 73 81 A1 61 01 A5 50 61 74 68 73 81 A1 70 91 82 A1 58 CB 3F E0 00 00 00 00 00 "
        + "00 A1 59 CB BF F0 00 00 00 00 00 00 A4 48 6F 6D 65 83 A6 53 74 72 65 65 74 A3 45 6C 6D A6 4E 75 6D "
        + "62 65 72 02 A4 4E 6F 74 65 A1 6E A4 57 6F 72 6B C0 A6 4F 72 69 67 69 6E 82 A1 58 CB 3F F0 00 00 00 "
        + "00 00 00 A1 59 CB 40 00 00 00 00 00 00 00 A6 54 61 72 67 65 74 C0 A6 4A 61 67 67 65 64 92 91 01 90";

    /// <summary>The value of the every-member-type vector, as docs/wire-format.md shows it.</summary>
    internal static readonly Everything EveryType = new(
        true, -100, 200, -300, 40000, -70000, 3_000_000_000, -5_000_000_000, ulong.MaxValue,
        1.5f, -0.25, 1.50m, 'é', "héllo", null, [0x00, 0xC1], null,
        Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"), new DateTime(2001, 9, 9, 1, 46, 40, DateTimeKind.Utc),
        new DateTimeOffset(2024, 1, 1, 0, 0, 0, 500, TimeSpan.FromHours(1)), TimeSpan.FromMilliseconds(1500), Color.Green, 7, null,
        [1, -1], ["a", null], ["x"], [new Address("Main", 1, null)], new Dictionary<string, int> { ["a"] = 1 },
        new Dictionary<string, List<Point>> { ["p"] = [new Point(0.5, -1)] }, new Address("Elm", 2, "n"), null, new Point(1, 2), null, [[1], []]);

    private static readonly WorkerHello Worker = new("w1", ["gpu"], new Dictionary<string, int> { ["jobs"] = 4 }, Guid.Parse("00000000-0000-0000-0000-000000000001"), null);

    [Fact]
    public void ClientHello_encodes_to_the_published_vector_and_back()
    {
        Assert.Equal(ClientHelloVector, Hex(LifelineFrame.Encode(new ClientHello("alice", 3))));
        Assert.True(LifelineFrame.TryDecode<ClientHello>(Frames.FromHex(ClientHelloVector), out var decoded, out _));
        Assert.Equal(new ClientHello("alice", 3), decoded);
    }

    [Fact]
    public void ClientGone_encodes_to_the_published_vector_and_back()
    {
        Assert.Equal(ClientGoneVector, Hex(LifelineFrame.Encode(new ClientGone("timeout"))));
        Assert.True(LifelineFrame.TryDecode<ClientGone>(Frames.FromHex(ClientGoneVector), out var decoded, out _));
        Assert.Equal(new ClientGone("timeout"), decoded);
    }

    [Fact]
    public void WorkerHello_with_a_default_id_encodes_to_the_published_vector_and_back()
    {
        Assert.Equal(WorkerHelloVector, Hex(LifelineFrame.Encode(Worker)));
        Assert.True(LifelineFrame.TryDecode<WorkerHello>(Frames.FromHex(WorkerHelloVector), out var decoded, out _));
        Assert.Equal(Worker.Worker, decoded!.Worker);
        Assert.Equal(Worker.Skills, decoded.Skills);
        Assert.Equal(Worker.Limits, decoded.Limits);
        Assert.Equal(Worker.Id, decoded.Id);
        Assert.Null(decoded.Priority);
    }

    [Fact]
    public void Every_member_type_encodes_to_the_published_vector_and_back()
    {
        Assert.Equal(EverythingVector, Hex(LifelineFrame.Encode(EveryType)));
        Assert.True(LifelineFrame.TryDecode<Everything>(Frames.FromHex(EverythingVector), out var decoded, out var error), error?.ToString());
        EverythingSamples.AssertEqual(EveryType, decoded!);
    }

    [Fact]
    public void A_sealed_disconnect_matches_its_vector_and_decodes_past_the_seal()
    {
        byte[] seal = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F];
        Assert.Equal(SealedClientGoneVector, Hex(LifelineFrame.EncodeSealed(new ClientGone("timeout"), seal)));
        Assert.True(LifelineFrame.TryDecode<ClientGone>(Frames.FromHex(SealedClientGoneVector), out var decoded, out _));
        Assert.Equal(new ClientGone("timeout"), decoded);
        Assert.True(SocketSeals.Carries(Frames.FromHex(SealedClientGoneVector), seal));
        Assert.False(SocketSeals.Carries(Frames.FromHex(SealedClientGoneVector), new byte[16]));
    }

    [Theory]
    [InlineData(ClientHelloVector)]
    [InlineData(ClientGoneVector)]
    [InlineData(WorkerHelloVector)]
    [InlineData(SealedClientGoneVector)]
    [InlineData(EverythingVector)]
    public void The_wire_format_document_publishes_each_vector(string vector)
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "wire-format.md"));

        // The document wraps long vectors across lines; compare the hex digits only.
        Assert.Contains(vector.Replace(" ", string.Empty, StringComparison.Ordinal), HexDigitsOnly(document), StringComparison.Ordinal);
    }

    internal static string Hex(byte[] bytes) => BitConverter.ToString(bytes).Replace('-', ' ');

    internal static string HexDigitsOnly(string text)
    {
        var result = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            // Only lines of hex pairs are vector text; prose would add stray letters a-f.
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && System.Text.RegularExpressions.Regex.IsMatch(trimmed, "^([0-9A-F]{2} ?)+$"))
            {
                result.Append(trimmed.Replace(" ", string.Empty, StringComparison.Ordinal));
            }
        }

        return result.ToString();
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
