namespace Repro.Build.Manifest;

public sealed class ProjectSection
{
    [PartOf(ManifestPart.Embedded)]
    public string? Name { get; set; }

    [PartOf(ManifestPart.Both)]
    public string? TargetFramework { get; set; }

    [PartOf(ManifestPart.Embedded)]
    public string? Configuration { get; set; }
}
