using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Threading;

namespace Repro.Build.IntegrationTests;

/// <summary>
/// Repro.Runs through real PackageReferences (with Repro.Build): one trainer built once, run as a user runs it.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class RunRecordTests
{
    // The trainer: "record" logs params, two steps with lineage, metrics and an output; "hang" logs and waits to be killed.
    private const string Trainer = """
        using Repro.Runs;

        var mode = args.Length > 0 ? args[0] : "record";
        using var run = ReproRun.Start(mode);
        Console.WriteLine("RUN " + run.RunDirectory);
        run.LogParams(new { learningRate = 0.05, epochs = 3, apiKey = "ghp_abcdefghijklmnopqrstuvwxyz0123456789" });
        var clean = $"bin/clean-{Environment.ProcessId}.csv";
        using (var step = run.Step("load"))
        {
            step.LogInput("data/train.csv");
            File.WriteAllText(clean, File.ReadAllText("data/train.csv").ToUpperInvariant());
            step.LogOutput(clean);
        }

        using (var step = run.Step("train"))
        {
            step.LogInput(clean);
            for (var epoch = 0; epoch < 3; epoch++)
            {
                run.LogMetric("loss", 1.0 / (epoch + 1), epoch);
            }
        }

        if (mode == "hang")
        {
            for (var i = 0; i < 100; i++)
            {
                run.LogMetric("tick", i, i);
            }

            Console.WriteLine("LOGGED");
            Thread.Sleep(Timeout.Infinite);
        }

        var model = $"bin/model-{Environment.ProcessId}.bin";
        File.WriteAllText(model, "model");
        run.LogOutput(model);
        """;

    private static readonly object BuildGate = new();
    private static (string Repository, ConsumerProject Project)? _built;

    private readonly PackageFixture _fixture;

    public RunRecordTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    /// <summary>The trainer, built once for the tests of this class (a consumer build costs about half a minute).</summary>
    private (string Repository, ConsumerProject Project) Built()
    {
        lock (BuildGate)
        {
            if (_built is null)
            {
                var created = ConsumerProject.CreateInRepository(_fixture, "runs", Trainer,
                    extraProperties: "<OutputType>Exe</OutputType><ReproSeed>42</ReproSeed>",
                    extraItems: """<PackageReference Include="Repro.Runs" Version="$(ReproRunsVersion)" /><ReproData Include="data/train.csv" />""");
                Directory.CreateDirectory(Path.Combine(created.Project.Directory, "data"));
                File.WriteAllText(Path.Combine(created.Project.Directory, "data", "train.csv"), "x,y\n1,0\n2,1\n");
                _fixture.GitOutput(created.Repository, "add", "-A");
                _fixture.GitOutput(created.Repository, "commit", "-q", "-m", "data");
                var build = created.Project.Build();
                Assert.True(build.Succeeded, build.ToString());
                _built = created;
            }

            return _built.Value;
        }
    }

    private ProcessStartInfo Start(ConsumerProject project, string mode) =>
        ProcessRunner.StartInfo("dotnet", project.Directory, _fixture.Environment, Path.Combine(project.OutputPath(), "Trainer.dll"), mode);

    private ProcessResult RunTrainer(ConsumerProject project, string mode) =>
        ProcessRunner.Run("dotnet", project.Directory, _fixture.Environment, Path.Combine(project.OutputPath(), "Trainer.dll"), mode);

    private static string RunDirectoryOf(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("RUN ", StringComparison.Ordinal))["RUN ".Length..];

    [Fact]
    public void A_run_records_its_build_params_steps_with_lineage_metrics_and_outputs_git_ignored()
    {
        var (repository, project) = Built();
        var result = RunTrainer(project, "record");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("warning REPRO", result.Output, StringComparison.Ordinal);

        var runDirectory = RunDirectoryOf(result.Output);
        Assert.Equal(Path.Combine(repository, ".repro", "runs"), Path.GetDirectoryName(runDirectory));
        using var record = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(runDirectory, "run.json")));
        var root = record.RootElement;
        Assert.Equal("finished", root.GetProperty("status").GetString());
        Assert.Equal("record", root.GetProperty("name").GetString());

        using (var manifest = project.ReadManifest())
        {
            var build = root.GetProperty("build");
            Assert.Equal(manifest.RootElement.GetProperty("fingerprint").GetString(), build.GetProperty("fingerprint").GetString());
            Assert.Equal(_fixture.GitOutput(repository, "rev-parse", "HEAD"), build.GetProperty("commit").GetString());
            Assert.Equal("42", root.GetProperty("seeds").GetProperty("build").GetString());
            Assert.Contains(build.GetProperty("manifest").GetProperty("dependencies").GetProperty("packages").EnumerateArray(),
                p => p.GetProperty("id").GetString() == "Repro.Runs" && p.GetProperty("version").GetString() == _fixture.RunsPackageVersion);
        }

        var data = Assert.Single(root.GetProperty("data").EnumerateArray());
        Assert.Equal("unchanged", data.GetProperty("state").GetString());
        Assert.Equal(_fixture.Sha256Sum(Path.Combine(project.Directory, "data", "train.csv")), data.GetProperty("sha256").GetString());

        var parameters = root.GetProperty("params");
        Assert.Equal("0.05", parameters.GetProperty("learningRate").GetString());
        Assert.Equal("<redacted>", parameters.GetProperty("apiKey").GetString());
        Assert.DoesNotContain("ghp_", File.ReadAllText(Path.Combine(runDirectory, "run.json")), StringComparison.Ordinal);

        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(new[] { "load", "train" }, steps.Select(s => s.GetProperty("name").GetString()));
        Assert.All(steps, s => Assert.Equal("finished", s.GetProperty("status").GetString()));
        Assert.Equal("data/train.csv", steps[0].GetProperty("inputs")[0].GetProperty("path").GetString());
        Assert.Equal("load", steps[1].GetProperty("inputs")[0].GetProperty("producedBy").GetString());
        var output = Assert.Single(root.GetProperty("outputs").EnumerateArray());
        Assert.Equal(_fixture.Sha256Sum(Path.Combine(project.Directory, output.GetProperty("path").GetString()!)), output.GetProperty("sha256").GetString());

        Assert.Equal(3, root.GetProperty("metrics").GetProperty("loss").GetProperty("count").GetInt64());
        var lines = File.ReadAllLines(Path.Combine(runDirectory, "metrics.jsonl"));
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("{\"key\":\"loss\",\"value\":1,\"step\":0,\"timestamp\":", lines[0], StringComparison.Ordinal);

        // .repro/ ignores itself: a run leaves the working tree clean.
        Assert.Equal("", _fixture.GitOutput(repository, "status", "--porcelain"));

        // Repro.Runs depends on exactly the Repro.Build.Core packed with it.
        using var package = ZipFile.OpenRead(Path.Combine(_fixture.Feed, $"Repro.Runs.{_fixture.RunsPackageVersion}.nupkg"));
        using var nuspec = new StreamReader(package.GetEntry("Repro.Runs.nuspec")!.Open());
        Assert.Contains($"id=\"Repro.Build.Core\" version=\"[{_fixture.CorePackageVersion}]\"", nuspec.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Data_changed_after_the_build_is_REPRO401_on_stderr_and_in_the_record()
    {
        var (_, project) = Built();
        var train = Path.Combine(project.Directory, "data", "train.csv");
        var original = File.ReadAllText(train);
        File.WriteAllText(train, original + "3,1\n");
        try
        {
            var result = RunTrainer(project, "record");
            Assert.True(result.ExitCode == 0, result.ToString());
            var warning = Assert.Single(result.Output.Split('\n'), l => l.StartsWith("warning REPRO401:", StringComparison.Ordinal));
            Assert.Contains("data/train.csv", warning, StringComparison.Ordinal);

            using var record = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RunDirectoryOf(result.Output), "run.json")));
            var data = Assert.Single(record.RootElement.GetProperty("data").EnumerateArray());
            Assert.Equal("changed", data.GetProperty("state").GetString());
            Assert.Equal("data/train.csv", Assert.Single(data.GetProperty("changedFiles").EnumerateArray()).GetString());
            Assert.Equal(_fixture.Sha256Sum(train), data.GetProperty("sha256").GetString());
            Assert.Contains(record.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "REPRO401");
        }
        finally
        {
            File.WriteAllText(train, original);
        }
    }

    [Theory]
    [InlineData("SIGKILL")]
    [InlineData("SIGTERM")]
    public void A_killed_run_keeps_every_metric_flushed_before_and_says_how_it_ended(string signal)
    {
        var (_, project) = Built();
        using var process = Process.Start(Start(project, "hang"))!;
        string? runDirectory = null;
        try
        {
            for (var line = process.StandardOutput.ReadLine(); line is not null && line != "LOGGED"; line = process.StandardOutput.ReadLine())
            {
                if (line.StartsWith("RUN ", StringComparison.Ordinal))
                {
                    runDirectory = line["RUN ".Length..];
                }
            }

            Assert.NotNull(runDirectory);
            var metrics = Path.Combine(runDirectory!, "metrics.jsonl");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (CountTicks(metrics) < 100 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
        finally
        {
            if (signal == "SIGKILL")
            {
                process.Kill(); // no handler runs
            }
            else
            {
                ProcessRunner.Run("kill", project.Directory, _fixture.Environment, "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (!process.WaitForExit(30_000))
            {
                process.Kill();
            }
        }

        Assert.Equal(100, CountTicks(Path.Combine(runDirectory!, "metrics.jsonl")));
        using var record = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(runDirectory!, "run.json")));
        var root = record.RootElement;
        Assert.Equal(2, root.GetProperty("steps").GetArrayLength());
        if (signal == "SIGKILL")
        {
            // Nothing ran at the end: the last write stands, with its time.
            Assert.Equal("running", root.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("endTime").ValueKind);
            Assert.Equal(JsonValueKind.String, root.GetProperty("lastWriteTime").ValueKind);
        }
        else
        {
            Assert.Equal("killed", root.GetProperty("status").GetString());
            Assert.Equal("SIGTERM", root.GetProperty("signal").GetString());
            Assert.Equal(JsonValueKind.String, root.GetProperty("endTime").ValueKind);
            Assert.Equal(100, root.GetProperty("metrics").GetProperty("tick").GetProperty("count").GetInt64());
        }
    }

    [Fact]
    public void Two_runs_at_once_each_write_a_whole_record_of_their_own()
    {
        var (_, project) = Built();
        using var first = Process.Start(Start(project, "record"))!;
        using var second = Process.Start(Start(project, "record"))!;
        var outputs = new[] { first, second }.Select(p => (Output: p.StandardOutput.ReadToEnd(), Error: p.StandardError.ReadToEnd(), Process: p)).ToList();
        foreach (var (output, error, process) in outputs)
        {
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, output + error);
        }

        var directories = outputs.Select(o => RunDirectoryOf(o.Output)).ToList();
        Assert.NotEqual(directories[0], directories[1]);
        foreach (var directory in directories)
        {
            using var record = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "run.json")));
            Assert.Equal("finished", record.RootElement.GetProperty("status").GetString());
            Assert.Equal(Path.GetFileName(directory), record.RootElement.GetProperty("runId").GetString());
            Assert.Equal(3, File.ReadAllLines(Path.Combine(directory, "metrics.jsonl")).Length);
        }
    }

    private static int CountTicks(string metricsPath) =>
        File.Exists(metricsPath) ? File.ReadAllLines(metricsPath).Count(l => l.StartsWith("{\"key\":\"tick\"", StringComparison.Ordinal) && l.EndsWith('}')) : 0;
}
