using System.Collections.Generic;

namespace Repro.Runs.SystemMetrics;

/// <summary>Reads the NVIDIA GPUs' state: through NVML, or <c>nvidia-smi</c> where NVML cannot be loaded.</summary>
internal interface IGpuQuery
{
    /// <summary>One sample per GPU; empty when the query failed (it is not retried in a way that costs more).</summary>
    IReadOnlyList<GpuSample> Query();
}
