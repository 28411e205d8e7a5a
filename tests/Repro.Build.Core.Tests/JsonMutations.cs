using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Repro.Build.Core.Tests;

/// <summary>One hostile variant of a sample file, and how it was made (for the failure message).</summary>
internal sealed record JsonMutation(string Description, byte[] Bytes, bool ChangesBytesOnly);

/// <summary>
/// A deterministic generator of hostile variants of a well-formed JSON file: cut at every N bytes, values swapped for
/// values of other types (and numbers out of range, broken escapes), deep nesting injected, keys written twice, bytes
/// overwritten, inserted and deleted. The same seed gives the same variants on every run and machine.
/// </summary>
internal static class JsonMutations
{
    /// <summary>What a value is swapped for: every JSON type, numbers no reader can hold, half a surrogate pair.</summary>
    private static readonly string[] Replacements =
    {
        "null", "true", "0", "-1", "3.5", "1e400", "-1e400", "9223372036854775808", "-9223372036854775809", "4294967296",
        "\"\"", "\"text\"", "\"\\uD800\"", "\"\\uDC00x\"", "[]", "[1, \"a\", null]", "{}", "{\"type\": 1}",
    };

    private static readonly byte[] BytePalette = Encoding.ASCII.GetBytes("{}[]\":,\\ nul0123456789eE+-.atrfs/")
        .Concat(new byte[] { 0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF8, 0xFE, 0xFF })
        .ToArray();

    public static IEnumerable<JsonMutation> All(byte[] original, int seed, int truncateEvery, int valueSwaps, int randomEdits)
    {
        var random = new Random(seed);
        using var document = JsonDocument.Parse(original);
        var values = CountValues(document.RootElement) - 1; // the root itself is not swapped
        var objects = CountObjects(document.RootElement);

        for (var length = 0; length < original.Length; length += truncateEvery)
        {
            yield return new JsonMutation($"cut to {length} bytes", original.Take(length).ToArray(), true);
        }

        for (var i = 0; i < valueSwaps && values > 0; i++)
        {
            var index = random.Next(values);
            var replacement = Replacements[random.Next(Replacements.Length)];
            yield return new JsonMutation($"value #{index} swapped for {replacement}", ReplaceValue(document.RootElement, index, replacement), false);
        }

        foreach (var depth in new[] { 10_000, 65, 64, 63 })
        {
            var index = values > 0 ? random.Next(values) : 0;
            var arrays = new string('[', depth) + new string(']', depth);
            yield return new JsonMutation($"value #{index} swapped for arrays {depth} deep", ReplaceValue(document.RootElement, index, arrays), false);
            var nestedObjects = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
            yield return new JsonMutation($"value #{index} swapped for objects {depth} deep", ReplaceValue(document.RootElement, index, nestedObjects), false);
        }

        for (var i = 0; i < Math.Min(objects, 24); i++)
        {
            var index = random.Next(objects);
            yield return new JsonMutation($"a key of object #{index} written twice", DuplicateKey(document.RootElement, index, upperCase: false), false);
            yield return new JsonMutation($"a key of object #{index} written twice, once upper-case", DuplicateKey(document.RootElement, index, upperCase: true), false);
        }

        for (var i = 0; i < randomEdits; i++)
        {
            var bytes = new List<byte>(original);
            var edits = 1 + random.Next(6);
            var description = new StringBuilder("bytes edited:");
            for (var e = 0; e < edits && bytes.Count > 0; e++)
            {
                var at = random.Next(bytes.Count);
                var value = BytePalette[random.Next(BytePalette.Length)];
                switch (random.Next(3))
                {
                    case 0:
                        description.Append($" [{at}]={value:x2}");
                        bytes[at] = value;
                        break;
                    case 1:
                        description.Append($" +{value:x2}@{at}");
                        bytes.Insert(at, value);
                        break;
                    default:
                        var count = Math.Min(1 + random.Next(16), bytes.Count - at);
                        description.Append($" -{count}@{at}");
                        bytes.RemoveRange(at, count);
                        break;
                }
            }

            yield return new JsonMutation(description.ToString(), bytes.ToArray(), true);
        }

        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        yield return new JsonMutation("with a byte-order mark", bom.Concat(original).ToArray(), true);
        yield return new JsonMutation("byte-order mark only", bom, true);
        yield return new JsonMutation("invalid UTF-8 in the first string", InvalidUtf8InFirstString(original), true);
    }

    /// <summary>The file with a first key whose value is a string of about <paramref name="bytes"/> bytes.</summary>
    public static byte[] WithHugeString(byte[] original, int bytes)
    {
        var open = Array.IndexOf(original, (byte)'{');
        var prefix = Encoding.ASCII.GetBytes("\"padding\": \"");
        var suffix = Encoding.ASCII.GetBytes("\",");
        var result = new byte[original.Length + prefix.Length + bytes + suffix.Length];
        Array.Copy(original, result, open + 1);
        Array.Copy(prefix, 0, result, open + 1, prefix.Length);
        result.AsSpan(open + 1 + prefix.Length, bytes).Fill((byte)'a');
        Array.Copy(suffix, 0, result, open + 1 + prefix.Length + bytes, suffix.Length);
        Array.Copy(original, open + 1, result, open + 1 + prefix.Length + bytes + suffix.Length, original.Length - open - 1);
        return result;
    }

    private static byte[] InvalidUtf8InFirstString(byte[] original)
    {
        var copy = (byte[])original.Clone();
        var quote = Array.IndexOf(copy, (byte)'"');
        if (quote >= 0 && quote + 1 < copy.Length)
        {
            copy[quote + 1] = 0xC3; // a lead byte followed by ASCII: not UTF-8
        }

        return copy;
    }

    private static int CountValues(JsonElement element) => 1 + element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Sum(p => CountValues(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Sum(CountValues),
        _ => 0,
    };

    private static int CountObjects(JsonElement element) => (element.ValueKind == JsonValueKind.Object ? 1 : 0) + element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Sum(p => CountObjects(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Sum(CountObjects),
        _ => 0,
    };

    private static byte[] ReplaceValue(JsonElement root, int target, string raw)
    {
        var counter = -1; // the root is value -1, never replaced
        return Rewrite(root, (element, writer) =>
        {
            if (counter++ == target)
            {
                writer.WriteRawValue(raw, skipInputValidation: true);
                return true;
            }

            return false;
        });
    }

    private static byte[] DuplicateKey(JsonElement root, int target, bool upperCase)
    {
        var counter = 0;
        return Rewrite(root, (element, writer) =>
        {
            if (element.ValueKind != JsonValueKind.Object || counter++ != target)
            {
                return false;
            }

            var properties = element.EnumerateObject().ToList();
            writer.WriteStartObject();
            foreach (var property in properties)
            {
                property.WriteTo(writer);
            }

            if (properties.Count == 0)
            {
                writer.WritePropertyName("a");
                writer.WriteNullValue();
                writer.WritePropertyName(upperCase ? "A" : "a");
                writer.WriteNullValue();
            }
            else
            {
                var first = properties[0];
                writer.WritePropertyName(upperCase ? first.Name.ToUpperInvariant() : first.Name);
                first.Value.WriteTo(writer);
            }

            writer.WriteEndObject();
            return true;
        });
    }

    /// <summary>Writes the document again; <paramref name="replace"/> may write a value itself and return true.</summary>
    private static byte[] Rewrite(JsonElement root, Func<JsonElement, Utf8JsonWriter, bool> replace)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, SkipValidation = true }))
        {
            Write(root, writer, replace);
        }

        return stream.ToArray();
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer, Func<JsonElement, Utf8JsonWriter, bool> replace)
    {
        if (replace(element, writer))
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, writer, replace);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer, replace);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
