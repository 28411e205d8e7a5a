namespace Repro.Build.Manifest;

public sealed class GpuInfo
{
    [PartOf(ManifestPart.None)]
    public string? Name { get; set; }

    [PartOf(ManifestPart.None)]
    public string? DriverVersion { get; set; }

    [PartOf(ManifestPart.None)]
    public long? MemoryBytes { get; set; }

    [PartOf(ManifestPart.None)]
    public string? Uuid { get; set; }
}
