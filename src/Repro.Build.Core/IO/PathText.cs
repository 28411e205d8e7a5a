using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace Repro.Build.IO;

public static class PathText
{
    /// <summary>
    /// How the manifest names a declared file: relative to the project folder with '/' separators whenever it lies in
    /// the project's repository (so that two clones of one commit record the same names), and as declared otherwise.
    /// </summary>
    public static string ForManifest(string projectDirectory, string declaredPath, string fullPath, string? repositoryRoot = null)
    {
        var relative = Relative(projectDirectory, fullPath);
        if (!IsOutside(relative))
        {
            return relative;
        }

        if (repositoryRoot is not null && !IsOutside(Relative(repositoryRoot, fullPath)))
        {
            return relative;
        }

        return declaredPath.Replace('\\', '/');
    }

    /// <summary>True for a relative path that climbs out of its base ("../…") or could not be made relative.</summary>
    public static bool IsOutside(string relativePath) =>
        relativePath == ".." || relativePath.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relativePath);

    /// <summary>Joins '/'-separated path segments; a backslash in a name on Unix stays part of the name.</summary>
    public static string Join(string parent, string name) => parent.Length == 0 ? name : parent.TrimEnd('/') + "/" + name;

    /// <summary>The path of <paramref name="path"/> relative to <paramref name="baseDirectory"/>, with '/' separators.</summary>
    public static string Relative(string baseDirectory, string path)
    {
#if NETSTANDARD2_0
        var from = Split(Path.GetFullPath(baseDirectory));
        var to = Split(Path.GetFullPath(path));
        var comparison = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (from.Count == 0 || to.Count == 0 || !string.Equals(from[0], to[0], comparison))
        {
            return ToForwardSlashes(Path.GetFullPath(path));
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
        return ToForwardSlashes(Path.GetRelativePath(baseDirectory, path));
#endif
    }

    // On Unix a backslash is an ordinary character of a file name, not a separator.
    private static string ToForwardSlashes(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;

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
