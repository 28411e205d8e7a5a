#if NET
using System;
using System.Runtime.InteropServices;

namespace Repro.Runs.SystemMetrics;

/// <summary>
/// NVML loaded at run time with <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/> (<c>libnvidia-ml.so.1</c>,
/// <c>nvml.dll</c>): nothing is linked, so a machine without the NVIDIA driver loads nothing and is told nothing.
/// </summary>
internal sealed class NativeNvml : INvml
{
    private const int Success = 0;
    private const int TemperatureGpu = 0;

    private readonly InitFn _init;
    private readonly CountFn _count;
    private readonly HandleFn _handle;
    private readonly UtilizationFn _utilization;
    private readonly MemoryFn _memory;
    private readonly TemperatureFn _temperature;
    private readonly PowerFn _power;

    private NativeNvml(IntPtr library)
    {
        _init = Function<InitFn>(library, "nvmlInit_v2");
        _count = Function<CountFn>(library, "nvmlDeviceGetCount_v2");
        _handle = Function<HandleFn>(library, "nvmlDeviceGetHandleByIndex_v2");
        _utilization = Function<UtilizationFn>(library, "nvmlDeviceGetUtilizationRates");
        _memory = Function<MemoryFn>(library, "nvmlDeviceGetMemoryInfo");
        _temperature = Function<TemperatureFn>(library, "nvmlDeviceGetTemperature");
        _power = Function<PowerFn>(library, "nvmlDeviceGetPowerUsage");
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int InitFn();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int CountFn(out uint count);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int HandleFn(uint index, out IntPtr device);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int UtilizationFn(IntPtr device, out UtilizationRates utilization);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int MemoryFn(IntPtr device, out MemoryInfo memory);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int TemperatureFn(IntPtr device, int sensor, out uint celsius);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int PowerFn(IntPtr device, out uint milliwatts);

    /// <summary>NVML when the driver's library loads and has every function used, else null.</summary>
    public static NativeNvml? TryLoad()
    {
        var name = OperatingSystem.IsWindows() ? "nvml.dll" : "libnvidia-ml.so.1";
        if (!(OperatingSystem.IsWindows() || OperatingSystem.IsLinux()) || !NativeLibrary.TryLoad(name, out var library))
        {
            return null;
        }

        try
        {
            return new NativeNvml(library);
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    public bool Initialize() => _init() == Success;

    public bool DeviceCount(out uint count) => _count(out count) == Success;

    public bool DeviceHandle(uint index, out IntPtr device) => _handle(index, out device) == Success;

    public bool Utilization(IntPtr device, out uint gpuPercent)
    {
        var ok = _utilization(device, out var rates) == Success;
        gpuPercent = rates.Gpu;
        return ok;
    }

    public bool MemoryUsed(IntPtr device, out ulong bytes)
    {
        var ok = _memory(device, out var memory) == Success;
        bytes = memory.Used;
        return ok;
    }

    public bool Temperature(IntPtr device, out uint celsius) => _temperature(device, TemperatureGpu, out celsius) == Success;

    public bool PowerUsage(IntPtr device, out uint milliwatts) => _power(device, out milliwatts) == Success;

    private static T Function<T>(IntPtr library, string name)
        where T : Delegate =>
        Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(library, name));

    [StructLayout(LayoutKind.Sequential)]
    private struct UtilizationRates
    {
        public uint Gpu;
        public uint Memory;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MemoryInfo
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }
}
#endif
