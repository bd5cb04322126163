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
    public void The_wire_format_document_publishes_each_vector(string vector)
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "wire-format.md"));

        // The document wraps long vectors across lines; compare the hex digits only.
        Assert.Contains(vector.Replace(" ", string.Empty, StringComparison.Ordinal), HexDigitsOnly(document), StringComparison.Ordinal);
    }

    private static string Hex(byte[] bytes) => BitConverter.ToString(bytes).Replace('-', ' ');

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
