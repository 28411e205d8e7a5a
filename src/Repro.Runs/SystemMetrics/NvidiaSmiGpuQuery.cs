using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace Repro.Runs.SystemMetrics;

/// <summary>
/// GPU samples from <c>nvidia-smi --query-gpu=… --format=csv,noheader,nounits</c>, where NVML cannot be loaded (a
/// container with the tool but not the library on the loader's path, or the netstandard2.0 build). A query that fails
/// or takes longer than <see cref="Timeout"/> gives no sample; after three failures in a row the query gives up.
/// </summary>
internal sealed class NvidiaSmiGpuQuery : IGpuQuery
{
    public const string Arguments = "--query-gpu=index,utilization.gpu,memory.used,temperature.gpu,power.draw --format=csv,noheader,nounits";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly string _path;
    private int _failures;

    private NvidiaSmiGpuQuery(string path)
    {
        _path = path;
    }

    /// <summary>The query when <c>nvidia-smi</c> is on <paramref name="searchPath"/> (the PATH variable's value), else null.</summary>
    public static NvidiaSmiGpuQuery? Find(string? searchPath)
    {
        if (string.IsNullOrEmpty(searchPath))
        {
            return null;
        }

        var names = Path.DirectorySeparatorChar == '\\' ? new[] { "nvidia-smi.exe" } : new[] { "nvidia-smi" };
        foreach (var folder in searchPath!.Split(Path.PathSeparator))
        {
            foreach (var name in names)
            {
                try
                {
                    var candidate = Path.Combine(folder.Trim(), name);
                    if (folder.Trim().Length > 0 && File.Exists(candidate))
                    {
                        return new NvidiaSmiGpuQuery(candidate);
                    }
                }
                catch (ArgumentException)
                {
                    // a malformed PATH entry
                }
            }
        }

        return null;
    }

    public IReadOnlyList<GpuSample> Query()
    {
        if (_failures >= 3)
        {
            return Array.Empty<GpuSample>();
        }

        try
        {
            var start = new ProcessStartInfo(_path, Arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
            {
                process.Kill();
                _failures++;
                return Array.Empty<GpuSample>();
            }

            var samples = process.ExitCode == 0 ? Parse(output.Result) : [];
            _failures = samples.Count == 0 ? _failures + 1 : 0;
            return samples;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            _failures++;
            return Array.Empty<GpuSample>();
        }
    }

    /// <summary>One GPU a line: index, utilization %, memory used MiB, temperature °C, power W; <c>[N/A]</c> where the GPU cannot say.</summary>
    public static List<GpuSample> Parse(string output)
    {
        var samples = new List<GpuSample>();
        foreach (var line in output.Split('\n'))
        {
            var fields = line.Split(',');
            if (fields.Length < 5 || !int.TryParse(fields[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            var memoryMiB = Number(fields[2]);
            samples.Add(new GpuSample(index, Number(fields[1]), memoryMiB * 1024 * 1024, Number(fields[3]), Number(fields[4])));
        }

        return samples;
    }

    private static double? Number(string field) =>
        double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
