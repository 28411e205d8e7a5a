using System;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Attributes;
using Repro.Build.Data;
using Repro.Build.Manifest;
using Repro.Runs;

/// <summary>
/// Repro.Runs in a training process: what logging a metric costs the caller, and what starting a run costs when the
/// build declared 10,000 data files that have not changed (the stat-keyed cache is warm).
/// </summary>
[MemoryDiagnoser]
public class RunsBenchmarks
{
    private const int Points = 1_000_000;
    private const int DataFiles = 10_000;

    private string _root = "";
    private ReproRunOptions _options = new();
    private ReproRun? _run;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "repro-bench-runs-" + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(_root, "data");
        for (var i = 0; i < DataFiles; i++)
        {
            var folder = Path.Combine(data, (i / 500).ToString("D2", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"sample{i:D5}.csv"), $"id,value\n{i},{i * 0.5}\n");
        }

        // The manifest a build of this project would embed, and the full one beside the assembly.
        var manifest = new ReproManifest { Fingerprint = "sha256:" + new string('0', 64), Project = new ProjectSection { Name = "Bench" } };
        manifest.Data = DataHasher.Hash(_root, new[] { new DataDeclaration("data/", data + "/", null) }, new FileHashCache(), new HashProgress(), [], strict: false);
        _options = new ReproRunOptions
        {
            RunsDirectory = Path.Combine(_root, "runs"),
            ProjectDirectory = _root,
            Build = BuildLink.From("Bench", EmbeddedManifestWriter.ToUtf8Bytes(manifest), manifest),
        };

        // A first run hashes everything and leaves the cache warm, as the first run after a build does.
        using var first = ReproRun.Start("warm-up", _options);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [IterationSetup(Targets = new[] { nameof(LogMetric), nameof(LogMetricAndComplete) })]
    public void StartRun() => _run = ReproRun.Start("metrics", new ReproRunOptions { RunsDirectory = _options.RunsDirectory, ProjectDirectory = _root, Build = _options.Build, CheckData = false });

    [IterationCleanup(Targets = new[] { nameof(LogMetric), nameof(Start), nameof(StartWithoutData) })]
    public void EndRun() => _run?.Complete();

    /// <summary>The caller's cost of one point: the background thread writes meanwhile.</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public void LogMetric()
    {
        var run = _run!;
        for (var i = 0; i < Points; i++)
        {
            run.LogMetric("loss", 1.0 / (i + 1), i);
        }
    }

    /// <summary>One point including its share of writing metrics.jsonl: every point is on disk when Complete returns.</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public void LogMetricAndComplete()
    {
        var run = _run!;
        for (var i = 0; i < Points; i++)
        {
            run.LogMetric("loss", 1.0 / (i + 1), i);
        }

        run.Complete();
    }

    /// <summary>ReproRun.Start with 10,000 unchanged data files: what the program waits for (the data check runs on).</summary>
    [Benchmark]
    public void Start() => _run = ReproRun.Start("start", _options);

    /// <summary>ReproRun.Start with 10,000 unchanged data files and Complete, which waits for the data check: its whole cost.</summary>
    [Benchmark]
    public void StartAndComplete() => ReproRun.Start("start", _options).Complete();

    /// <summary>ReproRun.Start of a program whose build declared no data (or CheckData = false): the build link, the environment, run.json.</summary>
    [Benchmark]
    public void StartWithoutData() => _run = ReproRun.Start("start", new ReproRunOptions { RunsDirectory = _options.RunsDirectory, ProjectDirectory = _root, Build = _options.Build, CheckData = false });
}
