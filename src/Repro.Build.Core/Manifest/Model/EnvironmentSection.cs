using System.Collections.Generic;

namespace Repro.Build.Manifest;

/// <summary>The machine and process environment of the build. Varies between machines, so it is not in the fingerprint.</summary>
public sealed class EnvironmentSection
{
    [PartOf(ManifestPart.None)]
    public OsInfo Os { get; set; } = new();

    [PartOf(ManifestPart.None)]
    public CpuInfo Cpu { get; set; } = new();

    [PartOf(ManifestPart.None)]
    public long? MemoryBytes { get; set; }

    /// <summary>The build's culture (changes how numbers and dates parse), e.g. <c>en-US</c>; empty for the invariant culture.</summary>
    [PartOf(ManifestPart.None)]
    public string? Locale { get; set; }

    [PartOf(ManifestPart.None)]
    public string? TimeZone { get; set; }

    /// <summary>Installed .NET shared runtimes, e.g. <c>Microsoft.NETCore.App 8.0.11</c>.</summary>
    [PartOf(ManifestPart.None)]
    public List<string> DotnetRuntimes { get; set; } = [];

    /// <summary><c>docker</c>, <c>podman</c>, <c>kubernetes</c>, <c>container</c> (another), or null.</summary>
    [PartOf(ManifestPart.None)]
    public string? Container { get; set; }

    [PartOf(ManifestPart.None)]
    public CiRunSection? Ci { get; set; }

    [PartOf(ManifestPart.None)]
    public List<GpuInfo> Gpus { get; set; } = [];

    /// <summary>The CUDA version the NVIDIA driver supports (from nvidia-smi).</summary>
    [PartOf(ManifestPart.None)]
    public string? CudaDriverVersion { get; set; }

    /// <summary>The CUDA toolkit installed (CUDA_VERSION, /usr/local/cuda/version.json, or nvcc).</summary>
    [PartOf(ManifestPart.None)]
    public string? CudaToolkitVersion { get; set; }

    [PartOf(ManifestPart.None)]
    public string? CudnnVersion { get; set; }

    /// <summary>Allow-listed environment variables; values of secret-looking ones are <c>&lt;redacted&gt;</c>.</summary>
    [PartOf(ManifestPart.None)]
    public Dictionary<string, string> Variables { get; set; } = new(System.StringComparer.Ordinal);

    /// <summary>Only with <c>ReproRecordHost=true</c>.</summary>
    [PartOf(ManifestPart.None)]
    public string? Host { get; set; }

    /// <summary>Only with <c>ReproRecordHost=true</c>.</summary>
    [PartOf(ManifestPart.None)]
    public string? User { get; set; }
}
