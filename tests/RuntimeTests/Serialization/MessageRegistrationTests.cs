using System;
using Lifeline.RuntimeTests.Messages;
using Xunit;

namespace Lifeline.RuntimeTests.Serialization;

/// <summary>What the generator knows of a record reaches the runtime through <see cref="LifelineMessage{T}"/>, on every target.</summary>
public class MessageRegistrationTests
{
    [Fact]
    public void A_generated_record_is_registered_with_its_kind_id_and_formatter()
    {
        Assert.Equal(LifelineKind.Hello, LifelineMessage<ClientHello>.Kind);
        Assert.Equal(0x1001u, LifelineMessage<ClientHello>.MessageId);
        Assert.Equal(LifelineKind.Disconnect, LifelineMessage<ClientGone>.Kind);
        Assert.IsType<ClientHello.LifelineFormatter>(LifelineMessage<ClientHello>.Formatter);
    }

    [Fact]
    public void A_type_that_implements_the_interface_by_hand_is_refused_with_what_to_do()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LifelineFrame.Encode(new HandWritten()));

        Assert.Contains("HandWritten is not a generated lifecycle record", error.Message, StringComparison.Ordinal);
        Assert.Contains("[HelloMessage]", error.Message, StringComparison.Ordinal);
    }

    private sealed class HandWritten : IHelloMessage<HandWritten>
    {
    }
}
