using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace Repro.Runs.SystemMetrics;

/// <summary>
/// Records <c>system/</c> metrics while a run lives (docs/autolog.md): the first sample a second after the run starts,
/// then one every interval, from a thread-pool timer (a timer never keeps the process alive). Process CPU %, working
/// set and GC heap everywhere; on Linux also the machine's CPU %, available memory and network bytes, and the process's
/// disk bytes (<see cref="LinuxProc"/>); per NVIDIA GPU utilization, memory used, temperature and power through NVML
/// or <c>nvidia-smi</c> (<see cref="IGpuQuery"/>). What a machine cannot give is left out, silently.
/// </summary>
internal sealed class SystemMetricsSampler
{
    /// <summary>Seconds between samples; 0 or <c>off</c> turns sampling off.</summary>
    public const string IntervalVariable = "REPRO_SYSTEM_METRICS_INTERVAL";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan FirstSample = TimeSpan.FromSeconds(1);

    private readonly Action<string, double, long> _record;
    private readonly Func<IGpuQuery?> _findGpus;
    private readonly object _gate = new();
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly (double Read, double Written)? _diskAtStart;
    private readonly (double Received, double Sent)? _networkAtStart;
    private readonly Timer _timer;
    private TimeSpan _lastProcessorTime;
    private TimeSpan _lastWallTime;
    private (ulong Busy, ulong Total)? _lastMachineCpu;
    private IGpuQuery? _gpus;
    private bool _gpusSearched;
    private bool _stopped;
    private long _step;

    private SystemMetricsSampler(Action<string, double, long> record, TimeSpan interval, Func<IGpuQuery?> findGpus)
    {
        _record = record;
        _findGpus = findGpus;
        _lastProcessorTime = _process.TotalProcessorTime;
        _lastMachineCpu = LinuxProc.CpuTimes();
        _diskAtStart = LinuxProc.DiskBytes();
        _networkAtStart = LinuxProc.NetworkBytes();
        _timer = new Timer(_ => Sample(), null, interval < FirstSample ? interval : FirstSample, interval);
    }

    /// <summary>Starts sampling, or returns null when <paramref name="interval"/> is not positive.</summary>
    /// <param name="record">Where each point goes: key, value, step (the sample's number).</param>
    /// <param name="interval">The time between samples.</param>
    /// <param name="findGpus">Finds the GPUs on the first sample (off the run's start); default: NVML, then <c>nvidia-smi</c> on PATH.</param>
    public static SystemMetricsSampler? Start(Action<string, double, long> record, TimeSpan interval, Func<IGpuQuery?>? findGpus = null)
    {
        if (interval <= TimeSpan.Zero)
        {
            return null;
        }

        try
        {
            return new SystemMetricsSampler(record, interval, findGpus ?? FindGpus);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or PlatformNotSupportedException
            or System.ComponentModel.Win32Exception)
        {
            return null; // a platform that cannot tell the process's CPU time
        }
    }

    /// <summary>
    /// The interval from <see cref="IntervalVariable"/>: seconds, or 0 / <c>off</c> / <c>false</c> for none; unset or
    /// unreadable: the default.
    /// </summary>
    public static TimeSpan IntervalFrom(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultInterval;
        }

        var text = value!.Trim();
        if (text.Equals("off", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return TimeSpan.Zero;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : DefaultInterval;
    }

    /// <summary>How many samples were taken.</summary>
    public long Samples => Interlocked.Read(ref _step);

    /// <summary>Stops the timer; a sample in progress records nothing more. Later calls do nothing.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        _timer.Dispose();
        _process.Dispose();
    }

    /// <summary>Takes one sample now (the timer's callback; tests and benchmarks call it directly).</summary>
    public void Sample()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            try
            {
                SampleLocked();
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                // the process's counters could not be read this time; the next sample tries again
            }
        }
    }

    private void SampleLocked()
    {
        var step = _step;
        var points = new List<KeyValuePair<string, double>>(16);

        var wall = _clock.Elapsed;
        _process.Refresh();
        var processor = _process.TotalProcessorTime;
        var elapsed = (wall - _lastWallTime).TotalSeconds;
        if (elapsed > 0)
        {
            var percent = (processor - _lastProcessorTime).TotalSeconds / elapsed / Environment.ProcessorCount * 100;
            points.Add(new("system/process_cpu_percent", Math.Max(0, Math.Min(100, percent))));
        }

        _lastProcessorTime = processor;
        _lastWallTime = wall;
        points.Add(new("system/process_working_set_bytes", Environment.WorkingSet));
        points.Add(new("system/process_gc_heap_bytes", GC.GetTotalMemory(forceFullCollection: false)));

        var machine = LinuxProc.CpuTimes();
        if (machine is { } now && _lastMachineCpu is { } before && now.Total > before.Total)
        {
            points.Add(new("system/machine_cpu_percent", (double)(now.Busy - before.Busy) / (now.Total - before.Total) * 100));
        }

        _lastMachineCpu = machine ?? _lastMachineCpu;
        if (LinuxProc.AvailableMemory() is { } available)
        {
            points.Add(new("system/machine_available_memory_bytes", available));
        }

        if (LinuxProc.DiskBytes() is { } disk && _diskAtStart is { } diskAtStart)
        {
            points.Add(new("system/process_disk_read_bytes", disk.Read - diskAtStart.Read));
            points.Add(new("system/process_disk_write_bytes", disk.Written - diskAtStart.Written));
        }

        if (LinuxProc.NetworkBytes() is { } network && _networkAtStart is { } networkAtStart)
        {
            points.Add(new("system/machine_network_received_bytes", network.Received - networkAtStart.Received));
            points.Add(new("system/machine_network_sent_bytes", network.Sent - networkAtStart.Sent));
        }

        if (!_gpusSearched)
        {
            _gpusSearched = true;
            _gpus = _findGpus();
        }

        if (_gpus is not null)
        {
            foreach (var gpu in _gpus.Query())
            {
                var prefix = "system/gpu" + gpu.Index.ToString(CultureInfo.InvariantCulture) + "/";
                Add(points, prefix + "utilization_percent", gpu.UtilizationPercent);
                Add(points, prefix + "memory_used_bytes", gpu.MemoryUsedBytes);
                Add(points, prefix + "temperature_celsius", gpu.TemperatureCelsius);
                Add(points, prefix + "power_watts", gpu.PowerWatts);
            }
        }

        foreach (var point in points)
        {
            _record(point.Key, point.Value, step);
        }

        Interlocked.Increment(ref _step);
    }

    private static void Add(List<KeyValuePair<string, double>> points, string key, double? value)
    {
        if (value is { } number)
        {
            points.Add(new(key, number));
        }
    }

    /// <summary>NVML where the driver's library loads, else <c>nvidia-smi</c> on PATH, else none.</summary>
    private static IGpuQuery? FindGpus()
    {
#if NET
        try
        {
            if (NativeNvml.TryLoad() is { } nvml && NvmlGpuQuery.Create(nvml) is { } query)
            {
                return query;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException
            or System.Runtime.InteropServices.MarshalDirectiveException)
        {
            // a broken driver installation: try the tool
        }
#endif
        return NvidiaSmiGpuQuery.Find(Environment.GetEnvironmentVariable("PATH"));
    }
}
