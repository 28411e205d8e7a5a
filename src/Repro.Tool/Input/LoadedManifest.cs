using System.IO;
using Repro.Build.Manifest;

namespace Repro.Tool.Input;

/// <summary>A manifest and where it came from.</summary>
public sealed class LoadedManifest
{
    public LoadedManifest(ReproManifest manifest, string path, ManifestOrigin origin)
    {
        Manifest = manifest;
        Path = path;
        Origin = origin;
    }

    public ReproManifest Manifest { get; }

    /// <summary>The full path of the file read (the manifest or the assembly).</summary>
    public string Path { get; }

    public ManifestOrigin Origin { get; }

    /// <summary>The patch file the manifest names beside itself, when it names one and it exists.</summary>
    public string? PatchPath =>
        Origin == ManifestOrigin.File && Manifest.Git?.Patch is { Length: > 0 } name
            && System.IO.Path.GetDirectoryName(Path) is { } directory
            && File.Exists(System.IO.Path.Combine(directory, name))
            ? System.IO.Path.Combine(directory, name)
            : null;
}
