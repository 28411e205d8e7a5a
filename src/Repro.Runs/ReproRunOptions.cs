using System;
using System.Collections.Generic;
using System.Reflection;

namespace Repro.Runs;

/// <summary>Where and how <see cref="ReproRun.Start(string?, ReproRunOptions?)"/> records a run. Every setting has a default.</summary>
public sealed class ReproRunOptions
{
    /// <summary>
    /// The runs folder (one folder per run goes in it). Default: <c>REPRO_RUNS_DIR</c> when set, else <c>.repro/runs</c>
    /// at the root of the git work tree that holds the project folder (or in the project folder outside git).
    /// </summary>
    public string? RunsDirectory { get; set; }

    /// <summary>
    /// The project folder that the build's data paths are relative to. Default: <c>REPRO_PROJECT_DIR</c> when set, else
    /// the nearest folder above the assembly that holds its project file (as in <c>bin/Release/net8.0/</c>), else the
    /// current folder.
    /// </summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>The assembly whose embedded build manifest the run links to. Default: the entry assembly.</summary>
    public Assembly? Assembly { get; set; }

    /// <summary>Hash the build's <c>ReproData</c> again when the run starts (REPRO401 on a change). Default: true.</summary>
    public bool CheckData { get; set; } = true;

    /// <summary>Record the machine and user names (<c>environment.host</c>, <c>user</c>). Default: <c>REPRO_RECORD_HOST=true</c>, else false.</summary>
    public bool RecordHost { get; set; } = string.Equals(Environment.GetEnvironmentVariable("REPRO_RECORD_HOST"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Environment variable names (or prefixes ending in '*') to record beside the default allowlist.</summary>
    public IList<string> EnvironmentVariables { get; } = [];

    /// <summary>How often buffered metric points are written to the metrics file. Default: 1 second.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often run.json is rewritten while the run lives (its <c>lastWriteTime</c>). Default: 10 seconds.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The git remote the run pushes itself to (on <c>refs/repro/runs</c>, as <c>dotnet repro push</c> does) when it
    /// starts, every <see cref="ShareInterval"/> while it runs, and when it ends; null for no automatic sharing.
    /// Default: <c>REPRO_RUNS_SHARE</c> (<c>true</c> or <c>1</c> for <c>origin</c>, or a remote's name; unset, empty,
    /// <c>false</c> or <c>0</c>: off). A push that fails or times out gives warning REPRO407 once and never fails the run.
    /// </summary>
    public string? ShareRemote { get; set; } = ShareSettings.RemoteFrom(Environment.GetEnvironmentVariable(ShareSettings.RemoteVariable));

    /// <summary>How often a running run is pushed again (on a background thread, one push at a time). Default: 2 minutes.</summary>
    public TimeSpan ShareInterval { get; set; } = ShareSettings.DefaultInterval;

    /// <summary>
    /// How long one push may take before git is stopped; the push at the end of the run holds the program at most this
    /// long. Default: <c>REPRO_RUNS_SHARE_TIMEOUT</c> (seconds) when set, else 30 seconds.
    /// </summary>
    public TimeSpan ShareTimeout { get; set; } = ShareSettings.TimeoutFrom(Environment.GetEnvironmentVariable(ShareSettings.TimeoutVariable))
        ?? ShareSettings.DefaultTimeout;

    /// <summary>
    /// How often <c>system/</c> metrics (CPU, memory, disk, network, NVIDIA GPUs) are sampled while the run lives; the
    /// first sample comes a second after the start. <see cref="TimeSpan.Zero"/>: none. Default:
    /// <c>REPRO_SYSTEM_METRICS_INTERVAL</c> (seconds; <c>0</c> or <c>off</c> for none) when set, else 15 seconds.
    /// </summary>
    public TimeSpan SystemMetricsInterval { get; set; } =
        SystemMetrics.SystemMetricsSampler.IntervalFrom(Environment.GetEnvironmentVariable(SystemMetrics.SystemMetricsSampler.IntervalVariable));

    /// <summary>The build to link to instead of reading it from <see cref="Assembly"/> (benchmarks and tests).</summary>
    internal BuildLink? Build { get; set; }
}
