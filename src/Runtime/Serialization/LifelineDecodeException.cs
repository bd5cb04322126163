using System;
using System.IO;
using MessagePack;

namespace Lifeline.Serialization;

/// <summary>
/// A MessagePack body that does not decode as the record it claims to be. Thrown by generated formatters,
/// with the path of the member that failed; the frame readers turn it into a <see cref="MalformedFrame"/>.
/// </summary>
public sealed class LifelineDecodeException : MessagePackSerializationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="memberPath">The dotted path of the member being read, or null for the record itself.</param>
    /// <param name="problem">What is wrong with it.</param>
    public LifelineDecodeException(string? memberPath, string problem)
        : base(memberPath is null ? problem : $"member '{memberPath}': {problem}")
    {
        MemberPath = memberPath;
        Problem = problem;
    }

    /// <summary>The dotted path of the member being read, or null for the record itself.</summary>
    public string? MemberPath { get; }

    /// <summary>What is wrong, without the member path.</summary>
    public string Problem { get; }

    /// <summary>True for the exceptions that bad input can cause while decoding (not for bugs or out-of-memory).</summary>
    /// <param name="exception">The exception caught.</param>
    /// <returns>Whether it describes bad input.</returns>
    public static bool IsDecodeFailure(Exception exception) =>
        exception is MessagePackSerializationException or EndOfStreamException or OverflowException
            or FormatException or ArgumentException or InvalidOperationException

            // MessagePack's depth guard for untrusted data throws this one.
            or InsufficientExecutionStackException;

    /// <summary>Wraps a decode failure, prefixing the member path of the enclosing record.</summary>
    /// <param name="exception">A failure for which <see cref="IsDecodeFailure"/> is true.</param>
    /// <param name="member">The member of the enclosing record being read, or null.</param>
    /// <returns>The exception to throw.</returns>
    public static LifelineDecodeException Wrap(Exception exception, string? member)
    {
        if (exception is LifelineDecodeException inner)
        {
            var path = member is null ? inner.MemberPath : inner.MemberPath is null ? member : member + "." + inner.MemberPath;
            return new LifelineDecodeException(path, inner.Problem);
        }

        var problem = exception is EndOfStreamException ? "the body ends in the middle of a value" : exception.Message;
        return new LifelineDecodeException(member, problem);
    }
}
