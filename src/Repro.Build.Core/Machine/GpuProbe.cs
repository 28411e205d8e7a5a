using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Repro.Build.Manifest;

namespace Repro.Build.Machine;

/// <summary>
/// NVIDIA GPUs, driver and CUDA. Cheap where there is no GPU: nvidia-smi is started only when it is on PATH (or the
/// driver's /proc entry exists); otherwise nothing but a few file lookups happens.
/// </summary>
public static class GpuProbe
{
    public static GpuProbeResult Run()
    {
        var result = new GpuProbeResult
        {
            CudaToolkitVersion = CudaToolkitVersion(),
            CudnnVersion = CudnnVersion(),
        };

        var procDriver = File.Exists("/proc/driver/nvidia/version") ? File.ReadAllText("/proc/driver/nvidia/version") : null;
        var smi = FindOnPath(RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "nvidia-smi.exe" : "nvidia-smi");
        if (smi is null)
        {
            if (procDriver is not null && Regex.Match(procDriver, @"Kernel Module\s+([0-9.]+)") is { Success: true } module)
            {
                result.Gpus.Add(new GpuInfo { DriverVersion = module.Groups[1].Value });
            }

            return result;
        }

        var csv = Run(smi, "--query-gpu=name,driver_version,memory.total,uuid --format=csv,noheader,nounits");
        foreach (var line in (csv ?? "").Split('\n'))
        {
            var fields = line.Split(',');
            if (fields.Length < 4)
            {
                continue;
            }

            result.Gpus.Add(new GpuInfo
            {
                Name = fields[0].Trim(),
                DriverVersion = fields[1].Trim(),
                MemoryBytes = long.TryParse(fields[2].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var mib) ? mib * 1024 * 1024 : null,
                Uuid = fields[3].Trim(),
            });
        }

        // The header of plain nvidia-smi names the highest CUDA version the driver supports.
        if (Run(smi, "") is { } summary && Regex.Match(summary, @"CUDA Version:\s*([0-9.]+)") is { Success: true } cuda)
        {
            result.CudaDriverVersion = cuda.Groups[1].Value;
        }

        return result;
    }

    private static string? CudaToolkitVersion()
    {
        if (Environment.GetEnvironmentVariable("CUDA_VERSION") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment.Trim();
        }

        const string versionJson = "/usr/local/cuda/version.json";
        if (File.Exists(versionJson) && Regex.Match(File.ReadAllText(versionJson),
            "\"cuda\"\\s*:\\s*\\{[^}]*\"version\"\\s*:\\s*\"([0-9.]+)\"") is { Success: true } json)
        {
            return json.Groups[1].Value;
        }

        if (FindOnPath(RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "nvcc.exe" : "nvcc") is { } nvcc
            && Run(nvcc, "--version") is { } output && Regex.Match(output, @"release ([0-9.]+)") is { Success: true } release)
        {
            return release.Groups[1].Value;
        }

        return null;
    }

    private static string? CudnnVersion()
    {
        if (Environment.GetEnvironmentVariable("CUDNN_VERSION") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment.Trim();
        }

        foreach (var header in new[] { "/usr/include/cudnn_version.h", "/usr/local/cuda/include/cudnn_version.h",
            "/usr/include/x86_64-linux-gnu/cudnn_version_v8.h" })
        {
            if (!File.Exists(header))
            {
                continue;
            }

            var text = File.ReadAllText(header);
            string? Define(string name) => Regex.Match(text, @"#define\s+" + name + @"\s+(\d+)") is { Success: true } m ? m.Groups[1].Value : null;
            if (Define("CUDNN_MAJOR") is { } major)
            {
                return $"{major}.{Define("CUDNN_MINOR") ?? "0"}.{Define("CUDNN_PATCHLEVEL") ?? "0"}";
            }
        }

        return null;
    }

    private static string? FindOnPath(string executable)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (directory.Length == 0)
            {
                continue;
            }

            var candidate = Path.Combine(directory, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? Run(string executable, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(executable, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                return null;
            }

            return output.Result;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
