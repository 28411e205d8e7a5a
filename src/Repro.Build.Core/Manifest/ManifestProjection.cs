using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace Repro.Build.Manifest;

/// <summary>
/// Writes the part of a manifest that its <see cref="PartOfAttribute"/> marks select: the fingerprint's input and
/// the embedded manifest are both this projection, so a field is classified once, where it is declared. Keys are
/// camelCase in declaration order; dictionaries are written with sorted keys; portable paths lose their folders when
/// absolute. The marks are read from the table Repro.Build.Generators writes at compile time (<see cref="ManifestModel"/>);
/// reflection only for a type it did not see.
/// </summary>
public static class ManifestProjection
{
    private static readonly ConcurrentDictionary<Type, ModelProperty[]> Reflected = new();

    public static void Write(Utf8JsonWriter writer, object? model, ManifestPart part) => WriteValue(writer, model, part, portable: false);

    /// <summary>
    /// Every property, paths as they are: the manifest file itself (<see cref="ManifestSerializer"/>). The same keys,
    /// order and values as System.Text.Json writes for the model, without the generic converters it compiles just in
    /// time for every nullable field in the build's short-lived process.
    /// </summary>
    public static void WriteWhole(Utf8JsonWriter writer, object? model) => WriteValue(writer, model, part: null, portable: false);

    /// <summary>The properties of a model type with their marks, in declaration order; a property without a mark has none.</summary>
    public static IReadOnlyList<(PropertyInfo Property, PartOfAttribute? Mark)> Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .Select(p => (p, (PartOfAttribute?)p.GetCustomAttribute<PartOfAttribute>()))
            .ToList();

    /// <summary>An absolute path names the machine's layout: only its last segment is kept.</summary>
    public static string PortableName(string name) =>
        Path.IsPathRooted(name) ? "<outside>/" + name.Replace('\\', '/').TrimEnd('/').Split('/').Last() : name;

    /// <param name="part">The fields to write; null for every field.</param>
    private static void WriteValue(Utf8JsonWriter writer, object? value, ManifestPart? part, bool portable)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(portable ? PortableName(text) : text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (var key in dictionary.Keys.Cast<object>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)!).OrderBy(k => k,
                    StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, dictionary[key], part, portable);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item, part, portable);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                foreach (var property in Marked(value.GetType()))
                {
                    if (part is { } selected && (property.Parts & selected) == 0)
                    {
                        continue;
                    }

                    writer.WritePropertyName(property.JsonName);
                    WriteValue(writer, property.Get(value), part, part is not null && property.Portable);
                }

                writer.WriteEndObject();
                break;
        }
    }

    private static ModelProperty[] Marked(Type type) =>
        ManifestModel.PropertiesOf(type) ?? Reflected.GetOrAdd(type, t => Describe(t)
            .Select(d => d.Mark is { } mark
                ? new ModelProperty(d.Property.Name, mark.Parts, mark.Portable, d.Property.GetValue)
                : throw new InvalidOperationException($"{t.Name}.{d.Property.Name} has no [PartOf] mark: classify it."))
            .ToArray());
}
