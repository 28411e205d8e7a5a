using System;
using System.Text.Json;

namespace Repro.Build.IO;

/// <summary>
/// What is wrong with a JSON file, in words a user can act on: empty, cut short (a copy interrupted, a disk full),
/// not JSON, or a value of the wrong type at a path, with the line; never the serializer's internals or a .NET type name.
/// </summary>
public static class JsonProblem
{
    public static string Describe(JsonException ex, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return "the file is empty";
        }

        var line = ex.LineNumber is { } number ? $" (line {number + 1})" : "";
        if (EndsEarly(ex, utf8))
        {
            return $"the JSON ends early{line}: the file is truncated";
        }

        // A deserializer's conversion failure names the .NET type it wanted: say where instead.
        return ex.Path is { Length: > 1 } path && ex.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"the value at {path}{line} is not of the type a record has there"
            : $"it is not valid JSON{line}";
    }

    /// <summary>True when the reader failed at the last non-blank byte: the document stopped, rather than went wrong.</summary>
    private static bool EndsEarly(JsonException ex, ReadOnlySpan<byte> utf8)
    {
        var end = utf8.Length;
        while (end > 0 && (utf8[end - 1] == (byte)' ' || utf8[end - 1] == (byte)'\n' || utf8[end - 1] == (byte)'\r' || utf8[end - 1] == (byte)'\t'))
        {
            end--;
        }

        long lineNumber = 0;
        var lineStart = 0;
        for (var i = 0; i < end; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineNumber++;
                lineStart = i + 1;
            }
        }

        return ex.LineNumber == lineNumber && ex.BytePositionInLine >= end - lineStart;
    }
}
