namespace Repro.Build.Manifest;

/// <summary>A configuration or assumptions file: its hash, and its text when it is small enough to read in the manifest.</summary>
public sealed class TextFileEntry
{
    /// <summary>Relative to the project folder with '/' separators, or as declared when outside it.</summary>
    [PartOf(ManifestPart.Both, Portable = true)]
    public string Path { get; set; } = "";

    /// <summary>The SHA-256 of the file as it is on disk (before any redaction); null when it does not exist.</summary>
    [PartOf(ManifestPart.Both)]
    public string? Sha256 { get; set; }

    /// <summary>The text (at most 64 KiB, UTF-8), with secret-looking values replaced by <c>&lt;redacted&gt;</c>; null when larger or binary.</summary>
    [PartOf(ManifestPart.None)]
    public string? Content { get; set; }
}
