namespace Repro.Build.Manifest;

public sealed class GlobalJsonSection
{
    /// <summary>The path relative to the project folder, with '/' separators.</summary>
    [PartOf(ManifestPart.None)]
    public string Path { get; set; } = "";

    [PartOf(ManifestPart.None)]
    public string Sha256 { get; set; } = "";

    /// <summary>The SDK version it asks for (<c>sdk.version</c>).</summary>
    [PartOf(ManifestPart.None)]
    public string? SdkVersion { get; set; }

    /// <summary>Its roll-forward policy (<c>sdk.rollForward</c>).</summary>
    [PartOf(ManifestPart.None)]
    public string? RollForward { get; set; }
}
