using Lifeline.RuntimeTests.Messages;
using Xunit;

namespace Lifeline.RuntimeTests.Serialization;

/// <summary>
/// The evolution rules of docs/wire-format.md. Each version has its own id here (one compilation cannot
/// hold two records with one id), so bodies are decoded across versions with <see cref="BodyDecoder"/>,
/// which reads the body whatever id the header names.
/// </summary>
public class EvolutionTests
{
    [Fact]
    public void An_older_receiver_ignores_members_a_newer_sender_appended()
    {
        var frame = LifelineFrame.Encode(new VersionedHelloV2("n", 5, ["a"]));

        Assert.True(BodyDecoder.TryDecode<VersionedHelloV1>(LifelineKind.Hello, frame, out var old, out _));
        Assert.Equal(new VersionedHelloV1("n"), old);
    }

    [Fact]
    public void A_newer_receiver_gives_appended_members_their_defaults()
    {
        var frame = LifelineFrame.Encode(new VersionedHelloV1("n"));

        Assert.True(BodyDecoder.TryDecode<VersionedHelloV2>(LifelineKind.Hello, frame, out var newer, out _));
        Assert.Equal("n", newer!.Name);
        Assert.Equal(2, newer.Version);
        Assert.Null(newer.Tags);
    }

    [Fact]
    public void A_required_member_missing_from_an_older_sender_is_reported_not_defaulted()
    {
        var frame = LifelineFrame.Encode(new VersionedHelloV1("n"));

        BodyDecoder.TryDecode<VersionedHelloV3>(LifelineKind.Hello, frame, out _, out var error);

        Assert.Equal(MalformedReason.InvalidBody, error!.Reason);
        Assert.Contains("VersionedHelloV3.Level is required", error.Detail, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Member_order_does_not_matter_because_members_are_keyed_by_name()
    {
        var frame = Frames.WithBody<ClientHello>(w =>
        {
            w.WriteMapHeader(2);
            w.Write("Version");
            w.Write(9);
            w.Write("Name");
            w.Write("z");
        });

        Assert.True(LifelineFrame.TryDecode<ClientHello>(frame, out var hello, out _));
        Assert.Equal(new ClientHello("z", 9), hello);
    }
}
