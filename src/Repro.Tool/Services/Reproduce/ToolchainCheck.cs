using System.Globalization;
using Repro.Build.Machine;
using Repro.Build.Manifest;
using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>
/// The toolchain and machine of a run against this machine's: the SDK that <c>global.json</c> selects in the new work
/// tree, the .NET runtime the run ran on (installed here or not), the OS and architecture, the processor and its
/// logical cores, the GPUs and the CUDA driver.
/// </summary>
public static class ToolchainCheck
{
    public static List<ToolchainItem> Compare(RunRecord run, ReproManifest build, string projectDirectory)
    {
        var here = EnvironmentCapture.Capture(System.Environment.GetEnvironmentVariables(), [], null, recordHost: false);
        var items = new List<ToolchainItem>
        {
            new("sdk", build.Toolchain.SdkVersion, DotnetCli.Output(projectDirectory, "--version"), "as global.json selects it in the work tree"),
            Runtime(run.Process.Runtime, DotnetCli.Output(projectDirectory, "--list-runtimes")),
            new("os", run.Environment.Os?.Platform, here.Os?.Platform, here.Os?.Description),
            new("architecture", run.Environment.Os?.Architecture, here.Os?.Architecture),
            new("cpu", run.Environment.Cpu?.Model, here.Cpu?.Model),
            new("logical cores", Count(run.Environment.Cpu?.LogicalCores), Count(here.Cpu?.LogicalCores)),
            new("gpus", Gpus(run.Environment.Gpus), Gpus(here.Gpus) ?? (run.Environment.Gpus.Count > 0 ? "none" : null)),
            new("cuda driver", run.Environment.CudaDriverVersion, here.CudaDriverVersion),
        };
        return items;
    }

    /// <summary>
    /// The runtime the run ran on (<c>.NET 10.0.1</c>) and whether this machine has that exact version; a program rolls
    /// forward to a later patch when it does not, which may change floating-point results.
    /// </summary>
    private static ToolchainItem Runtime(string? recorded, string? installed)
    {
        var version = recorded?.StartsWith(".NET ", StringComparison.Ordinal) == true ? recorded.Substring(5).Trim() : null;
        if (version is null)
        {
            return new ToolchainItem("runtime", recorded is { Length: > 0 } ? recorded : null, null);
        }

        var versions = (installed ?? "").Split('\n').Select(l => l.Trim().Split(' '))
            .Where(p => p.Length >= 2 && p[0] == "Microsoft.NETCore.App").Select(p => p[1]).ToList();
        if (versions.Contains(version, StringComparer.Ordinal))
        {
            return new ToolchainItem("runtime", recorded, recorded);
        }

        var major = version.Split('.')[0] + ".";
        var later = versions.Where(v => v.StartsWith(major, StringComparison.Ordinal)).LastOrDefault();
        return new ToolchainItem("runtime", recorded, later is null ? "not installed" : ".NET " + later,
            later is null ? "the program may roll forward to a later major version, or not start" : "not installed: the program rolls forward to " + later);
    }

    private static string? Count(int? value) => value is > 0 ? value.Value.ToString(CultureInfo.InvariantCulture) : null;

    private static string? Gpus(IReadOnlyList<Repro.Build.Manifest.GpuInfo> gpus) =>
        gpus.Count == 0 ? null : string.Join(", ", gpus.Select(g => g.Name + (g.DriverVersion is { } d ? " (driver " + d + ")" : "")));
}
