using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Repro.Runs.Records;
using Repro.Runs.SystemMetrics;

namespace Repro.Runs.Tests;

public sealed class SystemMetricsTests : CapturedStderrTests
{
    private readonly List<(string Key, double Value, long Step)> _points = [];

    private void Record(string key, double value, long step)
    {
        lock (_points)
        {
            _points.Add((key, value, step));
        }
    }

    private Dictionary<string, double> Last()
    {
        lock (_points)
        {
            return _points.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        }
    }

    [Fact]
    public void A_fake_nvidia_smi_on_PATH_gives_each_GPUs_utilization_memory_temperature_and_power()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Fail("the fake nvidia-smi is a shell script: this test runs on Linux and macOS");
            return;
        }

        var tools = Path.Combine(Folder.Path, "bin");
        var script = Folder.WriteFile("bin/nvidia-smi", $$"""
            #!/bin/sh
            [ "$*" = "{{NvidiaSmiGpuQuery.Arguments}}" ] || { echo "unexpected arguments: $*" >&2; exit 2; }
            echo "0, 45, 1024, 61, 120.50"
            echo "1, [N/A], 2048, 55, [N/A]"
            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var query = NvidiaSmiGpuQuery.Find("/nonexistent" + Path.PathSeparator + tools);
        Assert.NotNull(query);
        var sampler = SystemMetricsSampler.Start(Record, TimeSpan.FromHours(1), () => query)!;
        sampler.Sample();
        sampler.Stop();

        var last = Last();
        Assert.Equal(45, last["system/gpu0/utilization_percent"]);
        Assert.Equal(1024.0 * 1024 * 1024, last["system/gpu0/memory_used_bytes"]);
        Assert.Equal(61, last["system/gpu0/temperature_celsius"]);
        Assert.Equal(120.5, last["system/gpu0/power_watts"]);
        Assert.Equal(2048.0 * 1024 * 1024, last["system/gpu1/memory_used_bytes"]);
        Assert.False(last.ContainsKey("system/gpu1/utilization_percent"));
        Assert.False(last.ContainsKey("system/gpu1/power_watts"));
    }

    [Fact]
    public void NVML_gives_the_samples_of_every_device_and_leaves_out_what_a_call_could_not_read()
    {
        var nvml = new FakeNvml(2) { TemperatureFails = true };
        var query = NvmlGpuQuery.Create(nvml)!;
        var sampler = SystemMetricsSampler.Start(Record, TimeSpan.FromHours(1), () => query)!;
        sampler.Sample();
        sampler.Stop();

        var last = Last();
        Assert.Equal(71, last["system/gpu1/utilization_percent"]);
        Assert.Equal(3_000_000_001, last["system/gpu1/memory_used_bytes"]);
        Assert.Equal(250.5, last["system/gpu1/power_watts"]);
        Assert.Equal(70, last["system/gpu0/utilization_percent"]);
        Assert.DoesNotContain(last.Keys, k => k.EndsWith("temperature_celsius", StringComparison.Ordinal));
        Assert.Null(NvmlGpuQuery.Create(new FakeNvml(2) { InitializeFails = true }));
        Assert.Null(NvmlGpuQuery.Create(new FakeNvml(0)));
    }

    [Fact]
    public void Without_a_GPU_nothing_GPU_is_recorded_and_nothing_is_said()
    {
        Assert.Null(NvidiaSmiGpuQuery.Find(Path.Combine(Folder.Path, "empty")));
        Assert.Null(NvidiaSmiGpuQuery.Find(null));

        // The machine's own search (NVML, then nvidia-smi on PATH): this test machine has no NVIDIA GPU.
        var sampler = SystemMetricsSampler.Start(Record, TimeSpan.FromHours(1))!;
        sampler.Sample();
        sampler.Stop();

        Assert.Contains("system/process_working_set_bytes", Last().Keys);
        Assert.DoesNotContain(Last().Keys, k => k.StartsWith("system/gpu", StringComparison.Ordinal));
        Assert.Equal("", Stderr.ToString());
    }

    [Fact]
    public void A_sample_has_the_process_and_on_Linux_the_machine()
    {
        var sampler = SystemMetricsSampler.Start(Record, TimeSpan.FromHours(1), () => null)!;
        var clock = Stopwatch.StartNew();
        var spin = 0.0;
        while (clock.ElapsedMilliseconds < 200)
        {
            spin += Math.Sqrt(clock.ElapsedTicks);
        }

        sampler.Sample();
        sampler.Stop();

        var last = Last();
        Assert.True(spin > 0);
        Assert.InRange(last["system/process_cpu_percent"], 100.0 / Environment.ProcessorCount / 4, 100);
        Assert.True(last["system/process_working_set_bytes"] > 1_000_000);
        Assert.True(last["system/process_gc_heap_bytes"] > 0);
        if (OperatingSystem.IsLinux())
        {
            Assert.InRange(last["system/machine_cpu_percent"], 0, 100);
            Assert.True(last["system/machine_available_memory_bytes"] > 0);
            Assert.True(last["system/process_disk_read_bytes"] >= 0);
            Assert.True(last["system/process_disk_write_bytes"] >= 0);
            Assert.Equal(LinuxProc.NetworkBytes() is not null, last.ContainsKey("system/machine_network_received_bytes"));
        }
    }

    [Fact]
    public void The_proc_files_are_read_as_Linux_writes_them()
    {
        Assert.Equal((3500UL, 13500UL), LinuxProc.CpuTimes("cpu  1000 500 2000 9000 1000 0 0 0 0 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n"));
        Assert.Null(LinuxProc.CpuTimes("intr 1 2 3\n"));
        Assert.Equal(2048.0 * 1024, LinuxProc.AvailableMemory("MemTotal:       16384 kB\nMemFree:  1 kB\nMemAvailable:    2048 kB\n"));
        Assert.Equal((4096.0, 8192.0), LinuxProc.DiskBytes("rchar: 1\nwchar: 2\nsyscr: 3\nsyscw: 4\nread_bytes: 4096\nwrite_bytes: 8192\ncancelled_write_bytes: 0\n"));
        const string Dev = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                lo:  999999     10    0    0    0     0          0         0   999999     10    0    0    0     0       0          0
              eth0:    1000     10    0    0    0     0          0         0     2000     20    0    0    0     0       0          0
              eth1:     500      5    0    0    0     0          0         0      700      7    0    0    0     0       0          0
            """;
        Assert.Equal((1500.0, 2700.0), LinuxProc.NetworkBytes(Dev));
    }

    [Fact]
    public void The_interval_comes_from_the_environment_variable_with_off_and_a_default()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), SystemMetricsSampler.IntervalFrom(null));
        Assert.Equal(TimeSpan.FromSeconds(2.5), SystemMetricsSampler.IntervalFrom("2.5"));
        Assert.Equal(TimeSpan.Zero, SystemMetricsSampler.IntervalFrom("0"));
        Assert.Equal(TimeSpan.Zero, SystemMetricsSampler.IntervalFrom("off"));
        Assert.Equal(TimeSpan.FromSeconds(15), SystemMetricsSampler.IntervalFrom("soon"));
        Assert.Null(SystemMetricsSampler.Start(Record, TimeSpan.Zero));
    }

    [Fact]
    public void A_stopped_sampler_takes_no_more_samples()
    {
        var sampler = SystemMetricsSampler.Start(Record, TimeSpan.FromMilliseconds(20), () => null)!;
        var clock = Stopwatch.StartNew();
        while (sampler.Samples < 3 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(10);
        }

        sampler.Stop();
        var taken = sampler.Samples;
        int points;
        lock (_points)
        {
            points = _points.Count;
        }

        Thread.Sleep(200);
        Assert.True(taken >= 3, $"{taken} samples in {clock.Elapsed}");
        Assert.Equal(taken, sampler.Samples);
        lock (_points)
        {
            Assert.Equal(points, _points.Count);
            Assert.Equal(Enumerable.Range(0, (int)taken).Select(i => (long)i), _points.Select(p => p.Step).Distinct());
        }
    }

    [Fact]
    public void A_run_records_system_metrics_from_its_first_second_until_it_ends()
    {
        string recordPath;
        var options = new ReproRunOptions
        {
            RunsDirectory = Path.Combine(Folder.Path, "runs"),
            ProjectDirectory = Folder.Path,
            Assembly = typeof(SystemMetricsTests).Assembly,
            SystemMetricsInterval = TimeSpan.FromMilliseconds(300),
        };
        using (var run = ReproRun.Start("sampled", options))
        {
            recordPath = run.RecordPath;
            Thread.Sleep(1500); // the first sample within a second, then every 300 ms
        }

        var record = RunRecordSerializer.ReadFile(recordPath);
        var samples = record.Metrics["system/process_working_set_bytes"].Count;
        Assert.InRange(samples, 2, 6);
        Assert.True(record.Metrics.ContainsKey("system/process_cpu_percent"));
        var lines = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(recordPath)!, "metrics.jsonl"));
        Thread.Sleep(700);
        Assert.Equal(lines, File.ReadAllLines(Path.Combine(Path.GetDirectoryName(recordPath)!, "metrics.jsonl")));
    }

    private sealed class FakeNvml(uint devices) : INvml
    {
        public bool InitializeFails { get; init; }

        public bool TemperatureFails { get; init; }

        public bool Initialize() => !InitializeFails;

        public bool DeviceCount(out uint count)
        {
            count = devices;
            return true;
        }

        public bool DeviceHandle(uint index, out IntPtr device)
        {
            device = new IntPtr(100 + index);
            return true;
        }

        public bool Utilization(IntPtr device, out uint gpuPercent)
        {
            gpuPercent = (uint)(70 + (device.ToInt64() - 100));
            return true;
        }

        public bool MemoryUsed(IntPtr device, out ulong bytes)
        {
            bytes = 3_000_000_000UL + (ulong)(device.ToInt64() - 100);
            return true;
        }

        public bool Temperature(IntPtr device, out uint celsius)
        {
            celsius = 60;
            return !TemperatureFails;
        }

        public bool PowerUsage(IntPtr device, out uint milliwatts)
        {
            milliwatts = 250_500;
            return true;
        }
    }
}
