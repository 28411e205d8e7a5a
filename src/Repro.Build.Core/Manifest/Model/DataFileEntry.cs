namespace Repro.Build.Manifest;

public sealed class DataFileEntry
{
    /// <summary>Relative to the project folder with '/' separators, or as declared when outside it.</summary>
    [PartOf(ManifestPart.None)]
    public string Path { get; set; } = "";

    [PartOf(ManifestPart.None)]
    public string Sha256 { get; set; } = "";

    [PartOf(ManifestPart.None)]
    public long Size { get; set; }
}
