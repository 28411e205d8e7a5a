using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace Repro.Build.IO;

public static class PathText
{
    /// <summary>
    /// How the manifest names a declared file: relative to the project folder with '/' separators, or as declared
    /// when it lies outside the project folder.
    /// </summary>
    public static string ForManifest(string projectDirectory, string declaredPath, string fullPath)
    {
        var relative = Relative(projectDirectory, fullPath);
        return relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? declaredPath.Replace('\\', '/') : relative;
    }

    /// <summary>The path of <paramref name="path"/> relative to <paramref name="baseDirectory"/>, with '/' separators.</summary>
    public static string Relative(string baseDirectory, string path)
    {
#if NETSTANDARD2_0
        var from = Split(Path.GetFullPath(baseDirectory));
        var to = Split(Path.GetFullPath(path));
        var comparison = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (from.Count == 0 || to.Count == 0 || !string.Equals(from[0], to[0], comparison))
        {
            return Path.GetFullPath(path).Replace('\\', '/');
        }

        var common = 0;
        while (common < from.Count && common < to.Count && string.Equals(from[common], to[common], comparison))
        {
            common++;
        }

        var parts = new List<string>();
        for (var i = common; i < from.Count; i++)
        {
            parts.Add("..");
        }

        for (var i = common; i < to.Count; i++)
        {
            parts.Add(to[i]);
        }

        return parts.Count == 0 ? "." : string.Join("/", parts);
#else
        return Path.GetRelativePath(baseDirectory, path).Replace('\\', '/');
#endif
    }

#if NETSTANDARD2_0
    private static List<string> Split(string fullPath)
    {
        var parts = new List<string>();
        foreach (var part in fullPath.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries))
        {
            parts.Add(part);
        }

        // Keep the root distinct ("/" on Unix has no segment of its own).
        parts.Insert(0, Path.GetPathRoot(fullPath) ?? "");
        return parts;
    }
#endif
}
