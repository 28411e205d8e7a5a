namespace Repro.Build.Manifest;

public sealed class OmittedFileEntry
{
    [PartOf(ManifestPart.None)]
    public string Path { get; set; } = "";

    /// <summary><c>secret-name</c>, <c>secret-content</c>, <c>binary</c>, <c>unreadable</c> or <c>size-cap</c>.</summary>
    [PartOf(ManifestPart.None)]
    public string Reason { get; set; } = "";
}
