using System.Collections.Generic;
using Repro.Build.Manifest;

namespace Repro.Build.Machine;

public sealed class GpuProbeResult
{
    public List<GpuInfo> Gpus { get; set; } = [];

    public string? CudaDriverVersion { get; set; }

    public string? CudaToolkitVersion { get; set; }

    public string? CudnnVersion { get; set; }
}
