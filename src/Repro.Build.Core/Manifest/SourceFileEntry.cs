namespace Repro.Build.Manifest;

public sealed class SourceFileEntry
{
    /// <summary>Relative to the project folder with '/' separators.</summary>
    public string Path { get; set; } = "";

    public string Sha256 { get; set; } = "";
}
