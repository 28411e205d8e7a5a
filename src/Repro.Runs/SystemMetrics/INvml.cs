namespace Repro.Runs.SystemMetrics;

/// <summary>
/// The NVML calls the sampler makes (nvml.h), behind an interface so that tests can stand in for the driver. Every
/// method returns false when NVML returned an error for it.
/// </summary>
internal interface INvml
{
    bool Initialize();

    bool DeviceCount(out uint count);

    bool DeviceHandle(uint index, out System.IntPtr device);

    /// <summary>nvmlDeviceGetUtilizationRates: the GPU's busy percentage over the driver's last sample period.</summary>
    bool Utilization(System.IntPtr device, out uint gpuPercent);

    /// <summary>nvmlDeviceGetMemoryInfo: bytes in use.</summary>
    bool MemoryUsed(System.IntPtr device, out ulong bytes);

    /// <summary>nvmlDeviceGetTemperature with NVML_TEMPERATURE_GPU: degrees Celsius.</summary>
    bool Temperature(System.IntPtr device, out uint celsius);

    /// <summary>nvmlDeviceGetPowerUsage: milliwatts.</summary>
    bool PowerUsage(System.IntPtr device, out uint milliwatts);
}
