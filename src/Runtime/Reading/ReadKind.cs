namespace Lifeline;

/// <summary>What a received message turned out to be.</summary>
public enum ReadKind
{
    /// <summary>Nothing was read (the <c>default</c> of a result whose receive timed out).</summary>
    None = 0,

    /// <summary>Application data: delivered whole, including frames that only look like lifecycle frames (see <see cref="LifelineReadResult.Reason"/>).</summary>
    ApplicationData,

    /// <summary>A typed hello message: the first message of a connection.</summary>
    Hello,

    /// <summary>A typed disconnect message: the socket's own, sealed.</summary>
    Disconnect,

    /// <summary>A hello in a lifecycle position that could not be read; see <see cref="LifelineReadResult.Error"/>, which holds its bytes.</summary>
    Malformed,
}
