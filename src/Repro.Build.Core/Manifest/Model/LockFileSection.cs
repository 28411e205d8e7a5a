namespace Repro.Build.Manifest;

public sealed class LockFileSection
{
    /// <summary>The lock file's path relative to the project folder, with '/' separators.</summary>
    [PartOf(ManifestPart.None)]
    public string Path { get; set; } = "";

    [PartOf(ManifestPart.None)]
    public string Sha256 { get; set; } = "";
}
