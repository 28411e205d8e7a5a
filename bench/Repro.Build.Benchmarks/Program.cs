using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Repro.Build;
using Repro.Build.Manifest;

// Usage: Repro.Build.Benchmarks [files=10000] [runs=15]      the manifest step in a generated repository
//        Repro.Build.Benchmarks data [megabytes=1024]          data hashing, the hash cache and the environment probe
//        Repro.Build.Benchmarks share [runs=1000]              runs shared through git: save, push, pull, one more
//        Repro.Build.Benchmarks runs [BenchmarkDotNet options]  Repro.Runs: LogMetric (1,000,000 points), Start (10,000 data files)
//        Repro.Build.Benchmarks autolog [BenchmarkDotNet options]  an intercepted call with no run; one system-metrics sample
//
// Manifest step: generates a repository with the given number of tracked files, then times, in one run:
//   - git status --porcelain=v2 (the baseline: what git itself needs to tell clean from dirty)
//   - the whole manifest step (managed git reading + git status + dependencies + serialization), clean tree
//   - the same with one modified file (adds git diff and the patch)
if (args.Length > 0 && args[0] == "share")
{
    ShareBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
    return;
}

if (args.Length > 0 && args[0] == "runs")
{
    // BenchmarkDotNet, in process (no generated project to build), a short job: a few iterations of each benchmark.
    var config = BenchmarkDotNet.Configs.ManualConfig.Create(BenchmarkDotNet.Configs.DefaultConfig.Instance)
        .AddJob(BenchmarkDotNet.Jobs.JobExtensions.WithToolchain(BenchmarkDotNet.Jobs.Job.ShortRun, BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
    BenchmarkDotNet.Running.BenchmarkRunner.Run<RunsBenchmarks>(config, args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "autolog")
{
    var config = BenchmarkDotNet.Configs.ManualConfig.Create(BenchmarkDotNet.Configs.DefaultConfig.Instance)
        .AddJob(BenchmarkDotNet.Jobs.JobExtensions.WithToolchain(BenchmarkDotNet.Jobs.Job.ShortRun, BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
    BenchmarkDotNet.Running.BenchmarkRunner.Run<Repro.Build.Benchmarks.AutologBenchmarks>(config, args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "data")
{
    DataBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1024);
    return;
}

var files = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
var root = Path.Combine(Path.GetTempPath(), "repro-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(root);
try
{
    Console.WriteLine($"Repository with {files:N0} tracked files in {root}");
    Git(root, "init", "-q", "-b", "main");
    Git(root, "config", "gc.auto", "0"); // no background gc racing the explicit one below
    for (var i = 0; i < files; i++)
    {
        var directory = Path.Combine(root, "src", "module" + (i / 200).ToString("D3", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, $"File{i:D5}.cs"), $"namespace M{i / 200}; public static class C{i} {{ public const int Value = {i}; }}\n");
    }

    File.WriteAllText(Path.Combine(root, ".gitignore"), "bin/\nobj/\n");
    Git(root, "add", "-A");
    Git(root, "commit", "-q", "-m", "generated");
    Git(root, "gc", "-q");

    var request = new ManifestRequest
    {
        ProjectDirectory = Path.Combine(root, "src"),
        ProjectName = "Bench",
        TargetFramework = "net10.0",
        Configuration = "Release",
        SuggestLockFile = false,
    };

    var status = Measure(runs, () => Git(root, "--no-optional-locks", "status", "--porcelain=v2", "-z", "--untracked-files=all"));
    var clean = Measure(runs, () => Collect(request));

    var modified = Path.Combine(root, "src", "module000", "File00000.cs");
    File.AppendAllText(modified, "// tuned\n");
    var dirty = Measure(runs, () => Collect(request));

    Console.WriteLine();
    Console.WriteLine($"{"step",-44} {"median ms",10} {"min ms",8} {"vs git status",14}");
    Report("git status (baseline)", status, status);
    Report("manifest step, clean tree", clean, status);
    Report("manifest step, one modified file (+patch)", dirty, status);
}
finally
{
    foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
    {
        File.SetAttributes(file, FileAttributes.Normal);
    }

    Directory.Delete(root, recursive: true);
}

static void Collect(ManifestRequest request)
{
    var diagnostics = new List<ReproDiagnostic>();
    var collection = ManifestCollector.Collect(request, diagnostics);
    ManifestSerializer.ToUtf8Bytes(collection.Manifest);
}

static List<double> Measure(int runs, Action action)
{
    action(); // warm the file system cache and the JIT
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return times;
}

static void Report(string name, List<double> times, List<double> baseline)
{
    var median = times[times.Count / 2];
    Console.WriteLine($"{name,-44} {median,10:F1} {times[0],8:F1} {median / baseline[baseline.Count / 2],13:F2}x");
}

static void Git(string directory, params string[] arguments)
{
    var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
    start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Bench";
    start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "bench@example.com";
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    output.Wait();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
    }
}
