namespace Lifeline;

/// <summary>What a received message turned out to be.</summary>
public enum ReadKind
{
    /// <summary>Application data: the first payload frame does not carry the lifecycle magic.</summary>
    ApplicationData,

    /// <summary>A typed hello message.</summary>
    Hello,

    /// <summary>A typed disconnect message.</summary>
    Disconnect,

    /// <summary>A frame with the lifecycle magic that could not be read; see <see cref="LifelineReadResult.Error"/>.</summary>
    Malformed,
}
