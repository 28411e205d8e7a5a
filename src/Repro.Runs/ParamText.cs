using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Repro.Runs;

/// <summary>
/// Turns parameter values into the text the record keeps (invariant culture, round-trippable numbers, lower-case
/// booleans, lists as <c>[a, b]</c>), and objects, dictionaries and JSON documents into dotted names.
/// </summary>
internal static class ParamText
{
    private const int MaxDepth = 5;

    public static string Format(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case string text:
                return text;
            case bool flag:
                return flag ? "true" : "false";
            case double number:
                return number.ToString("R", CultureInfo.InvariantCulture);
            case float number:
                return number.ToString("R", CultureInfo.InvariantCulture);
            case DateTime time:
                return time.ToString("o", CultureInfo.InvariantCulture);
            case DateTimeOffset time:
                return time.ToString("o", CultureInfo.InvariantCulture);
            case Enum member:
                return member.ToString();
            case JsonElement element:
                return element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            case IEnumerable items:
                var list = new StringBuilder("[");
                foreach (var item in items)
                {
                    list.Append(list.Length > 1 ? ", " : "").Append(Format(item));
                }

                return list.Append(']').ToString();
            default:
                return value.ToString() ?? "";
        }
    }

    /// <summary>The (name, value) pairs of an object's public properties and fields, a dictionary's entries, or a JSON object's members; nested objects become
    /// <c>outer.inner</c>.</summary>
    public static List<KeyValuePair<string, object?>> Flatten(object values)
    {
        var pairs = new List<KeyValuePair<string, object?>>();
        Flatten("", values, pairs, 0);
        return pairs;
    }

    private static void Flatten(string prefix, object? value, List<KeyValuePair<string, object?>> pairs, int depth)
    {
        if (depth > 0 && (IsScalar(value) || depth > MaxDepth))
        {
            pairs.Add(new KeyValuePair<string, object?>(prefix, value));
            return;
        }

        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                foreach (var member in element.EnumerateObject())
                {
                    Flatten(Join(prefix, member.Name), member.Value, pairs, depth + 1);
                }

                return;
            case JsonElement element:
                pairs.Add(new KeyValuePair<string, object?>(prefix, element));
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Flatten(Join(prefix, Format(entry.Key)), entry.Value, pairs, depth + 1);
                }

                return;
            case IEnumerable items when KeyValuePairs(items) is { } entries:
                foreach (var entry in entries)
                {
                    Flatten(Join(prefix, entry.Key), entry.Value, pairs, depth + 1);
                }

                return;
            case IEnumerable:
                pairs.Add(new KeyValuePair<string, object?>(prefix, value));
                return;
        }

        var type = value!.GetType();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanRead && property.GetIndexParameters().Length == 0)
            {
                Flatten(Join(prefix, property.Name), property.GetValue(value), pairs, depth + 1);
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            Flatten(Join(prefix, field.Name), field.GetValue(value), pairs, depth + 1);
        }
    }

    // IEnumerable<KeyValuePair<string, T>> that is not an IDictionary (IReadOnlyDictionary-only types, lists of pairs).
    private static List<KeyValuePair<string, object?>>? KeyValuePairs(IEnumerable items)
    {
        foreach (var face in items.GetType().GetInterfaces())
        {
            if (face.IsGenericType && face.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                && face.GetGenericArguments()[0] is { IsGenericType: true } element
                && element.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
            {
                var keyProperty = element.GetProperty("Key")!;
                var valueProperty = element.GetProperty("Value")!;
                var entries = new List<KeyValuePair<string, object?>>();
                foreach (var item in items)
                {
                    entries.Add(new KeyValuePair<string, object?>(Format(keyProperty.GetValue(item)), valueProperty.GetValue(item)));
                }

                return entries;
            }
        }

        return null;
    }

    private static bool IsScalar(object? value) =>
        value is null or string or bool or char or Enum or IFormattable or Uri or Version
        || value is JsonElement { ValueKind: not JsonValueKind.Object };

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
}
