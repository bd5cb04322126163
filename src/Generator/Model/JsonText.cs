using System.Globalization;
using System.Text;

namespace Lifeline.Generator.Model;

/// <summary>JSON string literals, for the schema and the default values it states.</summary>
internal static class JsonText
{
    /// <summary>The JSON string literal of <paramref name="text"/>: quotes, backslashes and control characters escaped.</summary>
    public static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                '\n' => json.Append("\\n"),
                '\r' => json.Append("\\r"),
                '\t' => json.Append("\\t"),
                < ' ' or '\u2028' or '\u2029' => json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => json.Append(c),
            };
        }

        return json.Append('"').ToString();
    }
}
