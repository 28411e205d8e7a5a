using System.Collections;
using System.Globalization;
using System.Reflection;
using Repro.Build.Manifest;

namespace Repro.Tool.Services;

/// <summary>
/// Lists every value of a manifest as a <see cref="ManifestKey"/>, in manifest order, walking the model by the same
/// <see cref="PartOfAttribute"/> marks that decide the fingerprint and the embedded manifest (so the diff and the
/// fingerprint never disagree about what is an input).
/// </summary>
public static class ManifestFlattener
{
    /// <summary>Properties that name a list element, by preference.</summary>
    private static readonly string[] ElementKeys = { "Id", "Name", "Path" };

    /// <summary>Properties whose value sums up a list element when it is added or removed.</summary>
    private static readonly string[] ElementSummaries = { "Version", "Sha256", "Commit", "TargetingPackVersion", "Reason" };

    /// <param name="model">A manifest, or another model of Core (a run record: its fields carry no marks, so none is a fingerprint input).</param>
    /// <param name="only">When set, only fields with this mark (an assembly's manifest holds <see cref="ManifestPart.Embedded"/> ones).</param>
    public static IReadOnlyList<ManifestKey> Flatten(object model, ManifestPart? only = null)
    {
        var keys = new List<ManifestKey>();
        WalkObject(model, "", null, inFingerprint: true, only, keys);
        return keys;
    }

    private static void WalkObject(object model, string path, string? section, bool inFingerprint, ManifestPart? only, List<ManifestKey> keys)
    {
        foreach (var (property, mark) in ManifestProjection.Describe(model.GetType()))
        {
            var parts = mark?.Parts ?? ManifestPart.None;
            if (only is { } required && (parts & required) == 0)
            {
                continue;
            }

            var name = char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
            var childPath = path.Length == 0 ? name : path + "." + name;
            Walk(property.GetValue(model), childPath, section ?? name, inFingerprint && (parts & ManifestPart.Fingerprint) != 0, only, keys);
        }
    }

    private static void Walk(object? value, string path, string section, bool inFingerprint, ManifestPart? only, List<ManifestKey> keys)
    {
        switch (value)
        {
            case null:
                keys.Add(new ManifestKey(path, section, null, inFingerprint, isElement: false));
                break;
            case System.Text.Json.JsonElement element:
                // Raw JSON inside a model (a run's embedded build manifest): one value, compared as text.
                keys.Add(new ManifestKey(path, section,
                    element.ValueKind is System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined ? null
                        : element.GetRawText(), inFingerprint, isElement: false));
                break;
            case string or bool or int or long or double:
                keys.Add(new ManifestKey(path, section, Text(value), inFingerprint, isElement: false));
                break;
            case IDictionary dictionary:
                foreach (var key in dictionary.Keys.Cast<object>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)!).OrderBy(k => k,
                    StringComparer.Ordinal))
                {
                    Walk(dictionary[key], path + "." + key, section, inFingerprint, only, keys);
                }

                break;
            case IEnumerable items:
                var used = new HashSet<string>(StringComparer.Ordinal);
                var index = 0;
                foreach (var item in items)
                {
                    var name = ElementName(item, index++);
                    var unique = name;
                    for (var n = 2; !used.Add(unique); n++)
                    {
                        unique = name + "#" + n.ToString(CultureInfo.InvariantCulture);
                    }

                    var elementPath = path + "[" + unique + "]";
                    keys.Add(new ManifestKey(elementPath, section, Summary(item), inFingerprint, isElement: true));
                    if (item is not null && item is not string)
                    {
                        WalkObject(item, elementPath, section, inFingerprint, only, keys);
                    }
                }

                break;
            default:
                WalkObject(value, path, section, inFingerprint, only, keys);
                break;
        }
    }

    private static string ElementName(object? item, int index)
    {
        if (item is string text)
        {
            return text;
        }

        if (item is not null)
        {
            foreach (var name in ElementKeys)
            {
                if (item.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(item) is string { Length: > 0 } key)
                {
                    return key;
                }
            }
        }

        return index.ToString(CultureInfo.InvariantCulture);
    }

    private static string? Summary(object? item)
    {
        if (item is null or string)
        {
            return null;
        }

        foreach (var name in ElementSummaries)
        {
            if (item.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(item) is string { Length: > 0 } summary)
            {
                return summary;
            }
        }

        return null;
    }

    private static string Text(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
