using System;
using System.IO;
using Repro.Build.IO;

namespace Repro.Build.Manifest;

/// <summary>
/// The files a build writes beside its assembly, named by the assembly (<c>$(TargetName)</c>), not by the project:
/// <c>&lt;name&gt;.repro.json</c> and, when the tree was dirty, <c>&lt;name&gt;.repro.patch</c>. The one place that
/// knows these names, for everything that reads them back (Repro.Runs, the tool).
/// </summary>
public static class BuildOutputFiles
{
    public const string ManifestSuffix = ".repro.json";
    public const string PatchSuffix = ".repro.patch";

    /// <summary>A manifest or patch is never larger than this when read back.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>The assembly's name without its extension: what its manifest and patch are named after.</summary>
    public static string TargetNameOf(string assemblyPath) => Path.GetFileNameWithoutExtension(assemblyPath);

    /// <summary>The name a manifest file was written under (<c>Trainer.repro.json</c> gives <c>Trainer</c>); null for another name.</summary>
    public static string? TargetNameOfManifest(string manifestPath)
    {
        var name = Path.GetFileName(manifestPath);
        return name.Length > ManifestSuffix.Length && name.EndsWith(ManifestSuffix, StringComparison.OrdinalIgnoreCase)
            ? name.Substring(0, name.Length - ManifestSuffix.Length)
            : null;
    }

    public static string ManifestPath(string folder, string targetName) => Path.Combine(folder, targetName + ManifestSuffix);

    /// <summary>
    /// Where the build's patch is: the file its full manifest names (<c>git.patch</c>), in <paramref name="folder"/>;
    /// without a full manifest, <c>&lt;name&gt;.repro.patch</c> there.
    /// </summary>
    public static string PatchPath(string folder, string targetName, string? recordedPatchName) =>
        Path.Combine(folder, recordedPatchName is { Length: > 0 } named ? Path.GetFileName(named) : targetName + PatchSuffix);

    /// <summary>The assembly (<c>name.dll</c>, else <c>name.exe</c>) in a folder, when there as a regular file (it is read whole).</summary>
    public static string? AssemblyIn(string folder, string? targetName)
    {
        if (string.IsNullOrEmpty(targetName))
        {
            return null;
        }

        foreach (var extension in new[] { ".dll", ".exe" })
        {
            var candidate = Path.Combine(folder, targetName + extension);
            if (FileProbe.Inspect(candidate) == FileKind.Regular)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The patch's bytes when the file at <paramref name="path"/> is a regular file whose SHA-256 is
    /// <paramref name="expectedSha256"/> (the build's <c>git.patchSha256</c>); null when it is missing, unreadable, too
    /// large or another file.
    /// </summary>
    public static byte[]? ReadPatch(string path, string expectedSha256)
    {
        try
        {
            if (FileProbe.Inspect(path) != FileKind.Regular)
            {
                return null;
            }

            var bytes = FileProbe.ReadAllBytes(path, MaxBytes);
            return string.Equals(Hashing.Sha256Hex(bytes), expectedSha256, StringComparison.OrdinalIgnoreCase) ? bytes : null;
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return null;
        }
    }
}
