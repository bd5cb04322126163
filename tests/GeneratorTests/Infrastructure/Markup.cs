using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Lifeline.GeneratorTests.Infrastructure;

/// <summary>
/// The inline markup of Roslyn's testing libraries: <c>{|LFL0001:Name|}</c> marks where diagnostic LFL0001 must be
/// reported, exactly on <c>Name</c>. Returns the plain source and the expected (id, span) pairs.
/// </summary>
internal static class Markup
{
    public static (string Source, List<(string Id, TextSpan Span)> Expected) Parse(string markup)
    {
        var source = new StringBuilder();
        var expected = new List<(string Id, TextSpan Span)>();
        var open = new Stack<(string Id, int Start)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (markup.AsSpan(i).StartsWith("{|"))
            {
                var colon = markup.IndexOf(':', i);
                open.Push((markup[(i + 2)..colon], source.Length));
                i = colon + 1;
            }
            else if (markup.AsSpan(i).StartsWith("|}"))
            {
                var (id, start) = open.Pop();
                expected.Add((id, TextSpan.FromBounds(start, source.Length)));
                i += 2;
            }
            else
            {
                source.Append(markup[i]);
                i++;
            }
        }

        return (source.ToString(), expected);
    }
}
