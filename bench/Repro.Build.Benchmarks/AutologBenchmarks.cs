using System;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Repro.Runs.Autolog;
using Repro.Runs.SystemMetrics;

namespace Repro.Build.Benchmarks;

/// <summary>
/// What autologging adds to a training program (docs/autolog.md): an intercepted call with no run active, against the
/// same call made directly; and one system-metrics sample, which the sampler takes every 15 seconds.
/// </summary>
[MemoryDiagnoser]
public class AutologBenchmarks
{
    private const bool AutoRun = false;

    private readonly double[] _weights = { 0.5, 0.25, 0.125 };
    private SystemMetricsSampler? _sampler;
    private double _sink;

    [GlobalSetup]
    public void Setup() => _sampler = SystemMetricsSampler.Start((_, value, _) => _sink += value, TimeSpan.FromHours(1));

    [GlobalCleanup]
    public void Cleanup() => _sampler?.Stop();

    /// <summary>The call as written (a stand-in for a cheap library call: nothing to hide the interceptor's cost behind).</summary>
    [Benchmark(Baseline = true)]
    public double Direct() => Original(_weights, 2.0);

    /// <summary>The interceptor's path with no run active, as the generator writes it for every call site.</summary>
    [Benchmark]
    public double InterceptedWithoutRun() => Interceptor(_weights, 2.0);

    /// <summary>One system sample: process CPU and memory, /proc on Linux, GPUs where there are any.</summary>
    [Benchmark]
    public void SystemSample() => _sampler!.Sample();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Original(double[] weights, double scale) => weights[0] * scale;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Interceptor(double[] weights, double scale)
    {
        var run = AutologRuntime.Run(AutoRun);
        if (run is null)
        {
            return Original(weights, scale);
        }

        var result = Original(weights, scale);
        AutologRuntime.Metric(run, "x", result, 0);
        return result;
    }
}
