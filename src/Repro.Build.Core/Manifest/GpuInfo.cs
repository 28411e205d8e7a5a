namespace Repro.Build.Manifest;

public sealed class GpuInfo
{
    public string? Name { get; set; }

    public string? DriverVersion { get; set; }

    public long? MemoryBytes { get; set; }

    public string? Uuid { get; set; }
}
