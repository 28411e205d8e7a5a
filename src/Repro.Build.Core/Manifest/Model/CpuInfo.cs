namespace Repro.Build.Manifest;

public sealed class CpuInfo
{
    [PartOf(ManifestPart.None)]
    public string? Model { get; set; }

    [PartOf(ManifestPart.None)]
    public int LogicalCores { get; set; }
}
