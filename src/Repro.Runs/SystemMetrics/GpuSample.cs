namespace Repro.Runs.SystemMetrics;

/// <summary>One NVIDIA GPU at one moment; a value the driver could not give is null.</summary>
internal readonly struct GpuSample
{
    public GpuSample(int index, double? utilizationPercent, double? memoryUsedBytes, double? temperatureCelsius, double? powerWatts)
    {
        Index = index;
        UtilizationPercent = utilizationPercent;
        MemoryUsedBytes = memoryUsedBytes;
        TemperatureCelsius = temperatureCelsius;
        PowerWatts = powerWatts;
    }

    public int Index { get; }

    public double? UtilizationPercent { get; }

    public double? MemoryUsedBytes { get; }

    public double? TemperatureCelsius { get; }

    public double? PowerWatts { get; }
}
