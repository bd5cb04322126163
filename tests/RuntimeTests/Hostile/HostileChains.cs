using Lifeline.RuntimeTests.Messages;
using Lifeline.RuntimeTests.Serialization;

namespace Lifeline.RuntimeTests.Hostile;

/// <summary>Builds <see cref="ChainHello"/> frames nested as deep as a test needs.</summary>
internal static class HostileChains
{
    /// <summary>
    /// A chain of <paramref name="depth"/> nodes whose innermost Value is a string where an int belongs, so the
    /// failure is found at the deepest level and unwinds through every record.
    /// </summary>
    public static byte[] WithInvalidInnermostValue(int depth) => Frames.WithBody<ChainHello>(w =>
    {
        w.WriteMapHeader(2);
        w.Write("Labels");
        w.WriteMapHeader(0);
        w.Write("Head");
        for (var i = 0; i < depth; i++)
        {
            w.WriteMapHeader(2);
            w.Write("Next");
        }

        w.WriteNil();
        w.Write("Value");
        w.Write("not a number");
        for (var i = 1; i < depth; i++)
        {
            w.Write("Value");
            w.Write(i);
        }
    });

    /// <summary>
    /// A chain of <paramref name="depth"/> valid nodes whose innermost node also carries an unknown member
    /// <c>Extra</c>: arrays nested <paramref name="extraDepth"/> deep.
    /// </summary>
    public static byte[] WithDeepUnknownMember(int depth, int extraDepth) => Frames.WithBody<ChainHello>(w =>
    {
        w.WriteMapHeader(2);
        w.Write("Labels");
        w.WriteMapHeader(0);
        w.Write("Head");
        for (var i = 0; i < depth; i++)
        {
            w.WriteMapHeader(i == depth - 1 ? 3 : 2);
            w.Write("Value");
            w.Write(i);
            w.Write("Next");
        }

        w.WriteNil();
        w.Write("Extra");
        for (var i = 0; i < extraDepth; i++)
        {
            w.WriteArrayHeader(1);
        }

        w.WriteNil();
    });
}
