using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MessagePack;

namespace Lifeline.Serialization;

/// <summary>
/// A MessagePack body that does not decode as the record it claims to be. Thrown by generated formatters,
/// with the path of the member that failed; the frame readers turn it into a <see cref="MalformedFrame"/>.
/// </summary>
/// <remarks>
/// One exception travels from the failure to the reader: each enclosing record adds its member to the path as
/// the exception unwinds (from an exception filter, without catching and rethrowing), and the path is joined
/// only when it is read. Rejecting a failure nested n records deep therefore costs work linear in n.
/// </remarks>
public sealed class LifelineDecodeException : MessagePackSerializationException
{
    // The path from the failing member outwards: the innermost member first, each enclosing record's after it.
    private readonly List<string> _path = [];
    private string? _joined;

    /// <summary>Creates the exception.</summary>
    /// <param name="memberPath">The dotted path of the member being read, or null for the record itself.</param>
    /// <param name="problem">What is wrong with it.</param>
    public LifelineDecodeException(string? memberPath, string problem)
        : base(problem)
    {
        Problem = problem;
        AddEnclosing(memberPath);
    }

    /// <summary>The dotted path of the member being read, or null for the record itself.</summary>
    public string? MemberPath => _path.Count == 0 ? null : _joined ??= Join();

    /// <summary>What is wrong, without the member path.</summary>
    public string Problem { get; }

    /// <inheritdoc />
    public override string Message => MemberPath is { } path ? $"member '{path}': {Problem}" : Problem;

    /// <summary>True when the body would decode to more than the decoded-size budget.</summary>
    internal bool ExceedsBudget { get; init; }

    /// <summary>True for the exceptions that bad input can cause while decoding (not for bugs or out-of-memory).</summary>
    /// <param name="exception">The exception caught.</param>
    /// <returns>Whether it describes bad input.</returns>
    public static bool IsDecodeFailure(Exception exception) =>
        exception is MessagePackSerializationException or EndOfStreamException or OverflowException
            or FormatException or ArgumentException or InvalidOperationException

            // MessagePack's depth guard for untrusted data throws this one.
            or InsufficientExecutionStackException;

    /// <summary>
    /// The exception filter of generated formatters, run as a failure unwinds through a record: adds
    /// <paramref name="member"/> to the path of a <see cref="LifelineDecodeException"/> and lets it unwind further
    /// (returns false), or returns true for another decode failure, which the formatter then wraps once with
    /// <see cref="Wrap"/>.
    /// </summary>
    /// <param name="exception">The exception unwinding.</param>
    /// <param name="member">The member of the record being read, or null.</param>
    /// <returns>True when the formatter must catch and wrap the exception.</returns>
    public static bool ShouldWrap(Exception exception, string? member)
    {
        if (exception is LifelineDecodeException decode)
        {
            decode.AddEnclosing(member);
            return false;
        }

        return IsDecodeFailure(exception);
    }

    /// <summary>Wraps a decode failure, adding the member of the enclosing record to its path.</summary>
    /// <param name="exception">A failure for which <see cref="IsDecodeFailure"/> is true.</param>
    /// <param name="member">The member of the enclosing record being read, or null.</param>
    /// <returns>The exception to throw: <paramref name="exception"/> itself when it already is a decode exception.</returns>
    public static LifelineDecodeException Wrap(Exception exception, string? member)
    {
        if (exception is LifelineDecodeException inner)
        {
            inner.AddEnclosing(member);
            return inner;
        }

        var problem = exception is EndOfStreamException ? "the body ends in the middle of a value" : exception.Message;
        return new LifelineDecodeException(member, problem);
    }

    private void AddEnclosing(string? member)
    {
        if (member is not null)
        {
            _path.Add(member);
            _joined = null;
        }
    }

    private string Join()
    {
        var length = _path.Count - 1;
        foreach (var segment in _path)
        {
            length += segment.Length;
        }

        var text = new StringBuilder(length);
        for (var i = _path.Count - 1; i >= 0; i--)
        {
            text.Append(_path[i]);
            if (i > 0)
            {
                text.Append('.');
            }
        }

        return text.ToString();
    }
}
