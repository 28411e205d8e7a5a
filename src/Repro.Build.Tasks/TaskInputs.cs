using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Repro.Build.Tasks;

/// <summary>
/// The task → request mapping as one rule instead of a line per input: a task parameter that has the name and type
/// (string or bool) of a settable property of the request (or of its <c>Build</c> section) is copied to it. Inputs
/// that need more (items, numbers, paths) are named in <see cref="StartReproManifest.HandledInputs"/>; a test fails
/// when a task parameter is neither.
/// </summary>
internal static class TaskInputs
{
    /// <returns>The names of the properties copied.</returns>
    public static IReadOnlyList<string> CopyByName(object source, object target, bool emptyAsNull)
    {
        var copied = new List<string>();
        foreach (var property in Mappable(source.GetType(), target.GetType()))
        {
            var value = source.GetType().GetProperty(property.Name)!.GetValue(source);
            if (emptyAsNull && value is string text)
            {
                value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            }

            property.SetValue(target, value);
            copied.Add(property.Name);
        }

        return copied;
    }

    /// <summary>The settable string and bool properties of <paramref name="target"/> that <paramref name="source"/> has too.</summary>
    public static IEnumerable<PropertyInfo> Mappable(Type source, Type target) =>
        target.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && (p.PropertyType == typeof(string) || p.PropertyType == typeof(bool)))
            .Where(p => source.GetProperty(p.Name, BindingFlags.Public | BindingFlags.Instance) is { CanRead: true } s && s.PropertyType == p.PropertyType);
}
