namespace Repro.Build.Manifest;

public sealed class FrameworkReferenceEntry
{
    /// <summary>The shared framework, e.g. <c>Microsoft.NETCore.App</c>.</summary>
    [PartOf(ManifestPart.Both)]
    public string Name { get; set; } = "";

    /// <summary>The targeting pack compiled against, e.g. <c>Microsoft.NETCore.App.Ref</c>.</summary>
    [PartOf(ManifestPart.Fingerprint)]
    public string? TargetingPack { get; set; }

    [PartOf(ManifestPart.Both)]
    public string? TargetingPackVersion { get; set; }
}
