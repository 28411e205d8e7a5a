using System;
using System.Collections.Generic;

namespace Repro.Build.IO;

/// <summary>
/// The name → value maps of the model (environment variables, build properties) are plain dictionaries, written in
/// ordinal order of their names. Not SortedDictionary: that is generic code over a framework struct which no
/// ahead-of-time image holds, so every build's fresh MSBuild process JIT-compiled some thirty of its methods; and one that
/// System.Text.Json creates when reading compares names by the current culture, not ordinally.
/// </summary>
public static class OrdinalMap
{
    /// <summary>
    /// The map itself when its names already enumerate in ordinal order, else a copy filled in that order (a dictionary
    /// that was only added to enumerates in the order of its additions), for System.Text.Json to write as it enumerates
    /// (the run record's serializer; the manifest's writer, <c>ManifestProjection</c>, sorts the names itself).
    /// </summary>
    public static Dictionary<string, string> InOrder(Dictionary<string, string> map)
    {
        if (map is null)
        {
            throw new ArgumentNullException(nameof(map));
        }

        string? previous = null;
        var ordered = true;
        foreach (var name in map.Keys)
        {
            if (previous is not null && string.CompareOrdinal(previous, name) >= 0)
            {
                ordered = false;
                break;
            }

            previous = name;
        }

        if (ordered)
        {
            return map;
        }

        var names = new string[map.Count];
        map.Keys.CopyTo(names, 0);
        Array.Sort(names, StringComparer.Ordinal);
        var copy = new Dictionary<string, string>(map.Count, StringComparer.Ordinal);
        foreach (var name in names)
        {
            copy.Add(name, map[name]);
        }

        return copy;
    }
}
