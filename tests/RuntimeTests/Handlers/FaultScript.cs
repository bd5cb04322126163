using System;
using System.Collections.Generic;

namespace Lifeline.RuntimeTests.Handlers;

/// <summary>
/// What the throwing handlers share: they record every call, and the one handler method named by
/// <see cref="ThrowIn"/> throws for the bad peer's events (its hello, its "boom" message, any malformed frame).
/// </summary>
internal sealed class FaultScript(string throwIn)
{
    public const string BadName = "bad";
    public const string Boom = "boom";

    private readonly List<Exception> _thrown = [];

    public string ThrowIn { get; } = throwIn;

    public Journal<Seen> Calls { get; } = new();

    /// <summary>The exceptions the handlers threw, in order.</summary>
    public IReadOnlyList<Exception> Thrown
    {
        get
        {
            lock (_thrown)
            {
                return [.. _thrown];
            }
        }
    }

    public void Hit(string handler, PeerId peer, string what, bool bad)
    {
        Calls.Add(new Seen(handler, peer, what));
        if (bad && handler == ThrowIn)
        {
            var exception = new InvalidOperationException($"{handler} failed on purpose for {what}");
            lock (_thrown)
            {
                _thrown.Add(exception);
            }

            throw exception;
        }
    }
}
