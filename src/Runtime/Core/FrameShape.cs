using System;

namespace Lifeline;

/// <summary>What the first payload frame of a message looks like, before its position is taken into account.</summary>
internal enum FrameShape
{
    /// <summary>No lifecycle magic: application data.</summary>
    Data,

    /// <summary>A version 1 hello header.</summary>
    Hello,

    /// <summary>A version 2 (sealed) disconnect header; whose seal it carries is checked against the socket's.</summary>
    SealedDisconnect,

    /// <summary>The magic with a header that is never a lifecycle event here.</summary>
    Lookalike,
}

/// <summary>The one place where a frame's shape is read from its bytes.</summary>
internal static class FrameShapes
{
    /// <summary>Reads the shape of <paramref name="frame"/>, and the reason it is data should it not be taken.</summary>
    public static FrameShape Of(ReadOnlySpan<byte> frame, out NotLifecycleReason reason)
    {
        reason = NotLifecycleReason.None;
        if (!LifelineFrame.HasMagic(frame))
        {
            return FrameShape.Data;
        }

        if (frame.Length >= 6)
        {
            switch (frame[4], frame[5])
            {
                case (LifelineFrame.FormatVersion, (byte)LifelineKind.Hello):
                    reason = NotLifecycleReason.HelloNotFirst;
                    return FrameShape.Hello;
                case (LifelineFrame.SealedFormatVersion, (byte)LifelineKind.Disconnect):
                    reason = NotLifecycleReason.DisconnectNotSealed;
                    return FrameShape.SealedDisconnect;
                case (LifelineFrame.FormatVersion, (byte)LifelineKind.Disconnect):
                    reason = NotLifecycleReason.DisconnectNotSealed;
                    return FrameShape.Lookalike;
            }
        }

        reason = NotLifecycleReason.UnknownHeader;
        return FrameShape.Lookalike;
    }
}
