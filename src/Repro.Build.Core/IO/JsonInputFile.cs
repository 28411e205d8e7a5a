using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Repro.Build.IO;

/// <summary>
/// A JSON file that another tool wrote and Repro.Build only reads (NuGet's assets and lock files, <c>global.json</c>).
/// Every way such a file can be malformed — too large, not UTF-8, truncated, nested too deeply, a key twice in one
/// object, a value of the wrong type, a string with a broken escape — becomes an <see cref="InvalidDataException"/>
/// whose message names the file and the place in it, never another exception.
/// </summary>
internal sealed class JsonInputFile : IDisposable
{
    /// <summary>The nesting the files we read need is 6 or so; deeper input is rejected before it costs anything.</summary>
    public const int MaxDepth = 64;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly JsonDocument _document;

    private JsonInputFile(string path, JsonDocument document)
    {
        Path = path;
        _document = document;
    }

    /// <summary>The file, as the messages name it.</summary>
    public string Path { get; }

    public JsonElement Root => _document.RootElement;

    /// <exception cref="InvalidDataException">The file is larger than <paramref name="maxBytes"/> or not well-formed JSON.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file could not be read.</exception>
    public static JsonInputFile Read(string path, long maxBytes)
    {
        var (bytes, length) = ReadBytes(path, maxBytes);
        var offset = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            StrictUtf8.GetCharCount(bytes, offset, length - offset);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"'{path}' is not valid UTF-8 text.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(
                new ReadOnlyMemory<byte>(bytes, offset, length - offset),
                new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON ({ex.Message}).", ex);
        }

        var file = new JsonInputFile(path, document);
        try
        {
            file.CheckKeys(document.RootElement, "");
        }
        catch
        {
            document.Dispose();
            throw;
        }

        return file;
    }

    /// <summary>The value of <paramref name="name"/> in <paramref name="parent"/>, or null when it is absent.</summary>
    public static JsonElement? Property(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value : null;

    /// <summary>The object at <paramref name="location"/>; anything else is invalid data.</summary>
    public JsonElement RequireObject(JsonElement element, string location) =>
        element.ValueKind == JsonValueKind.Object ? element : throw WrongKind(element, location, "an object");

    /// <summary>The object-valued property <paramref name="name"/>: null when absent, invalid data when not an object.</summary>
    public JsonElement? OptionalObject(JsonElement parent, string name, string location) =>
        Property(parent, name) is { } value ? RequireObject(value, Append(location, name)) : null;

    /// <summary>The string-valued property <paramref name="name"/>: null when absent, invalid data when not a string.</summary>
    public string? OptionalString(JsonElement parent, string name, string location) =>
        Property(parent, name) is { } value ? RequireString(value, Append(location, name)) : null;

    public string RequireString(JsonElement element, string location)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw WrongKind(element, location, "a string");
        }

        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escape such as \uD800 that names half a character.
            throw Invalid(location, "is a string that is not valid text");
        }
    }

    /// <summary>The place of a property below <paramref name="location"/>, as the messages write it: <c>targets."net8.0".type</c>.</summary>
    public static string Append(string location, string name)
    {
        var plain = name.Length > 0;
        foreach (var c in name)
        {
            plain &= c < 128 && (char.IsLetterOrDigit(c) || c == '_' || c == '-');
        }

        var segment = plain ? name : "\"" + (name.Length > 80 ? name.Substring(0, 80) + "…" : name) + "\"";
        return location.Length == 0 ? segment : location + "." + segment;
    }

    public InvalidDataException Invalid(string location, string problem) =>
        new($"'{Path}' is not what NuGet or the SDK writes: {(location.Length == 0 ? "the document" : location)} {problem}.");

    public void Dispose() => _document.Dispose();

    private InvalidDataException WrongKind(JsonElement element, string location, string expected) =>
        Invalid(location, $"is {Describe(element.ValueKind)} where {expected} belongs");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>
    /// A key twice in one object leaves open which value counts (readers differ), and a key with a broken escape is not
    /// text: both make the file invalid. This also reads every key once, so later reads of keys cannot fail.
    /// </summary>
    private void CheckKeys(JsonElement element, string location)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                CheckKeys(item, location + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
                index++;
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException)
            {
                throw Invalid(location, "has a key that is not valid text");
            }

            if (!names.Add(name))
            {
                throw Invalid(location, $"has the key \"{name}\" twice");
            }

            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                CheckKeys(property.Value, Append(location, name));
            }
        }
    }

    private static (byte[] Bytes, int Length) ReadBytes(string path, long maxBytes)
    {
        using var stream = FileProbe.OpenRegular(path, bufferSize: 1 << 16);
        if (stream.Length > maxBytes)
        {
            throw TooLarge(path, maxBytes);
        }

        // The file may grow while it is read: read at most one chunk past the limit to notice.
        var buffer = new MemoryStream((int)Math.Min(stream.Length + 1, maxBytes + 1));
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw TooLarge(path, maxBytes);
            }
        }

        return (buffer.GetBuffer(), (int)buffer.Length);
    }

    private static InvalidDataException TooLarge(string path, long maxBytes)
    {
        var limit = maxBytes >= 1 << 20
            ? (maxBytes >> 20).ToString(CultureInfo.InvariantCulture) + " MiB"
            : maxBytes.ToString(CultureInfo.InvariantCulture) + " bytes";
        return new($"'{path}' is larger than {limit}, more than such a file can hold; it is not read.");
    }
}
