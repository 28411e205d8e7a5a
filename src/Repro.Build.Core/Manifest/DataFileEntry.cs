namespace Repro.Build.Manifest;

public sealed class DataFileEntry
{
    /// <summary>Relative to the project folder with '/' separators, or as declared when outside it.</summary>
    public string Path { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public long Size { get; set; }
}
