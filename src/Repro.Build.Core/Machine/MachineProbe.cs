using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using Repro.Build.Manifest;

namespace Repro.Build.Machine;

/// <summary>
/// Facts about the machine that do not change while a build process lives: OS, CPU, memory, container, GPUs, CUDA.
/// Probed once per process and cached; every probe is best effort and never throws.
/// </summary>
public sealed class MachineProbe
{
    private static readonly Lazy<MachineProbe> Cached = new(() => Probe(GpuProbe.Run));

    public OsInfo Os { get; private set; } = new();

    public CpuInfo Cpu { get; private set; } = new();

    public long? MemoryBytes { get; private set; }

    public string? Container { get; private set; }

    public GpuProbeResult Gpu { get; private set; } = new();

    /// <summary>The machine facts of this process, probed on first use.</summary>
    public static MachineProbe Current => Cached.Value;

    internal static MachineProbe Probe(Func<GpuProbeResult> gpuProbe)
    {
        var probe = new MachineProbe
        {
            Os = new OsInfo
            {
                Description = Try(() => RuntimeInformation.OSDescription.Trim()),
                Platform = Try(PlatformName),
                KernelVersion = Try(KernelVersion),
                Architecture = Try(() => RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()),
            },
            Cpu = new CpuInfo { Model = Try(CpuModel), LogicalCores = Environment.ProcessorCount },
            MemoryBytes = TryValue(MemoryBytesOfMachine),
            Container = Try(ContainerKind),
        };

        probe.Gpu = Try(gpuProbe) ?? new GpuProbeResult();
        return probe;
    }

    private static string PlatformName() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "windows"
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx"
        : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux"
        : RuntimeInformation.OSDescription.Split(' ')[0].ToLowerInvariant();

    private static string? KernelVersion()
    {
        const string procVersion = "/proc/sys/kernel/osrelease";
        if (File.Exists(procVersion))
        {
            return File.ReadAllText(procVersion).Trim();
        }

        return Environment.OSVersion.Version.ToString();
    }

    private static string? CpuModel()
    {
        if (File.Exists("/proc/cpuinfo"))
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                // x86 says "model name", some ARM kernels "Model" or "Hardware".
                if (line.StartsWith("model name", StringComparison.Ordinal) || line.StartsWith("Model", StringComparison.Ordinal))
                {
                    return line.Substring(line.IndexOf(':') + 1).Trim();
                }
            }
        }

        return Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER")?.Trim();
    }

    private static long? MemoryBytesOfMachine()
    {
        if (File.Exists("/proc/meminfo"))
        {
            // "MemTotal:       24576000 kB" (read by hand: a regex here cost every build its construction, cold)
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
                {
                    var fields = line.Substring("MemTotal:".Length).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    return fields.Length == 2 && fields[1] == "kB" && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture,
                        out var kilobytes)
                        ? kilobytes * 1024
                        : (long?)null;
                }
            }
        }

#if NET
        var total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return total > 0 ? total : null;
#else
        return null;
#endif
    }

    private static string? ContainerKind()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST")))
        {
            return "kubernetes";
        }

        if (File.Exists("/run/.containerenv"))
        {
            return "podman";
        }

        if (File.Exists("/.dockerenv"))
        {
            return "docker";
        }

        if (File.Exists("/proc/1/cgroup"))
        {
            var cgroup = File.ReadAllText("/proc/1/cgroup");
            if (cgroup.IndexOf("kubepods", StringComparison.Ordinal) >= 0)
            {
                return "kubernetes";
            }

            if (cgroup.IndexOf("docker", StringComparison.Ordinal) >= 0 || cgroup.IndexOf("containerd", StringComparison.Ordinal) >= 0)
            {
                return "container";
            }
        }

        return null;
    }

    /// <summary>The .NET shared runtimes under a dotnet root (<c>shared/&lt;name&gt;/&lt;version&gt;</c>), sorted.</summary>
    public static List<string> DotnetRuntimes(string? dotnetRoot)
    {
        var runtimes = new List<string>();
        var shared = string.IsNullOrEmpty(dotnetRoot) ? null : Path.Combine(dotnetRoot, "shared");
        if (shared is null || !Directory.Exists(shared))
        {
            return runtimes;
        }

        try
        {
            foreach (var framework in Directory.GetDirectories(shared))
            {
                foreach (var version in Directory.GetDirectories(framework))
                {
                    runtimes.Add(Path.GetFileName(framework) + " " + Path.GetFileName(version));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // best effort
        }

        runtimes.Sort(StringComparer.Ordinal);
        return runtimes;
    }

    private static T? Try<T>(Func<T?> probe)
        where T : class
    {
        try
        {
            return probe();
        }
        catch (Exception)
        {
            return null; // a probe never fails a build
        }
    }

    private static long? TryValue(Func<long?> probe)
    {
        try
        {
            return probe();
        }
        catch (Exception)
        {
            return null;
        }
    }
}
