using System;
using System.Collections.Generic;

namespace Repro.Runs.SystemMetrics;

/// <summary>GPU samples through NVML (<see cref="INvml"/>): no process started, a few microseconds a device.</summary>
internal sealed class NvmlGpuQuery : IGpuQuery
{
    private readonly INvml _nvml;
    private readonly IntPtr[] _devices;

    private NvmlGpuQuery(INvml nvml, IntPtr[] devices)
    {
        _nvml = nvml;
        _devices = devices;
    }

    /// <summary>The query for every device NVML sees, or null when NVML does not initialize or sees no device.</summary>
    public static NvmlGpuQuery? Create(INvml nvml)
    {
        if (!nvml.Initialize() || !nvml.DeviceCount(out var count) || count == 0)
        {
            return null;
        }

        var devices = new List<IntPtr>();
        for (uint i = 0; i < count; i++)
        {
            if (nvml.DeviceHandle(i, out var device))
            {
                devices.Add(device);
            }
        }

        return devices.Count == 0 ? null : new NvmlGpuQuery(nvml, devices.ToArray());
    }

    public IReadOnlyList<GpuSample> Query()
    {
        var samples = new GpuSample[_devices.Length];
        for (var i = 0; i < _devices.Length; i++)
        {
            var device = _devices[i];
            samples[i] = new GpuSample(
                i,
                _nvml.Utilization(device, out var percent) ? percent : null,
                _nvml.MemoryUsed(device, out var bytes) ? bytes : null,
                _nvml.Temperature(device, out var celsius) ? celsius : null,
                _nvml.PowerUsage(device, out var milliwatts) ? milliwatts / 1000.0 : null);
        }

        return samples;
    }
}
