using System.Text;

namespace Repro.Tool.Output;

/// <summary>
/// Text from a manifest is data, not terminal commands: control characters (an escape sequence in a branch name or a
/// data file's name) are shown as <c>\u001b</c>, never sent to the terminal.
/// </summary>
public static class Printable
{
    public static string Of(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsControl(c) && c != '\u2028' && c != '\u2029' && c != '\u202e' && c != '\u202d')
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length + 16);
            builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder?.ToString() ?? text;
    }
}
