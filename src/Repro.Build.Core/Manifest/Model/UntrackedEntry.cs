namespace Repro.Build.Manifest;

/// <summary>
/// Untracked files that the patch lists instead of carrying (data, binaries, and the rest of a large untracked
/// set): one file, or a folder of them summed up. Not part of the fingerprint: inputs of the build are in the patch,
/// and data that decides the model belongs in <c>ReproData</c>.
/// </summary>
public sealed class UntrackedEntry
{
    /// <summary>A file's path, or a folder's path ending in '/', relative to the repository root.</summary>
    [PartOf(ManifestPart.None)]
    public string Path { get; set; } = "";

    [PartOf(ManifestPart.None)]
    public int FileCount { get; set; }

    [PartOf(ManifestPart.None)]
    public long Size { get; set; }

    /// <summary>The file's SHA-256; for a folder, the SHA-256 over its sorted lines "path-in-folder NUL sha256 LF".</summary>
    [PartOf(ManifestPart.None)]
    public string? Sha256 { get; set; }
}
