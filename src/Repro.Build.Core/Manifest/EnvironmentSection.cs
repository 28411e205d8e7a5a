using System.Collections.Generic;

namespace Repro.Build.Manifest;

/// <summary>The machine and process environment of the build. Varies between machines, so it is not in the fingerprint.</summary>
public sealed class EnvironmentSection
{
    public OsInfo Os { get; set; } = new();

    public CpuInfo Cpu { get; set; } = new();

    public long? MemoryBytes { get; set; }

    /// <summary>The build's culture (changes how numbers and dates parse), e.g. <c>en-US</c>; empty for the invariant culture.</summary>
    public string? Locale { get; set; }

    public string? TimeZone { get; set; }

    /// <summary>Installed .NET shared runtimes, e.g. <c>Microsoft.NETCore.App 8.0.11</c>.</summary>
    public List<string> DotnetRuntimes { get; set; } = new();

    /// <summary><c>docker</c>, <c>podman</c>, <c>kubernetes</c>, <c>container</c> (another), or null.</summary>
    public string? Container { get; set; }

    public CiRunSection? Ci { get; set; }

    public List<GpuInfo> Gpus { get; set; } = new();

    /// <summary>The CUDA version the NVIDIA driver supports (from nvidia-smi).</summary>
    public string? CudaDriverVersion { get; set; }

    /// <summary>The CUDA toolkit installed (CUDA_VERSION, /usr/local/cuda/version.json, or nvcc).</summary>
    public string? CudaToolkitVersion { get; set; }

    public string? CudnnVersion { get; set; }

    /// <summary>Allow-listed environment variables; values of secret-looking ones are <c>&lt;redacted&gt;</c>.</summary>
    public SortedDictionary<string, string> Variables { get; set; } = new(System.StringComparer.Ordinal);

    /// <summary>Only with <c>ReproRecordHost=true</c>.</summary>
    public string? Host { get; set; }

    /// <summary>Only with <c>ReproRecordHost=true</c>.</summary>
    public string? User { get; set; }
}
