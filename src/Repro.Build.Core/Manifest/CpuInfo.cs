namespace Repro.Build.Manifest;

public sealed class CpuInfo
{
    public string? Model { get; set; }

    public int LogicalCores { get; set; }
}
