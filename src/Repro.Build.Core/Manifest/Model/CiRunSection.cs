namespace Repro.Build.Manifest;

public sealed class CiRunSection
{
    [PartOf(ManifestPart.None)]
    public string Provider { get; set; } = "";

    [PartOf(ManifestPart.None)]
    public string? RunId { get; set; }

    /// <summary>The run's web page, without credentials.</summary>
    [PartOf(ManifestPart.None)]
    public string? Url { get; set; }
}
