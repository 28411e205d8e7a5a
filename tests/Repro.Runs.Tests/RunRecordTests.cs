using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Repro.Build;
using Repro.Build.Core.Tests;
using Repro.Runs.Records;

namespace Repro.Runs.Tests;

public sealed class RunRecordTests
{
    private static RunRecord Sample()
    {
        var file = new RunFileEntry { Path = "data/clean.csv", Sha256 = new string('b', 64), FileCount = 1, Size = 10, Time = "2026-11-28T07:15:22.200Z", ProducedBy = "preprocess" };
        var record = new RunRecord
        {
            RunId = "20261128-071522-123-3f9a1c",
            Name = "baseline",
            Status = RunStatus.Failed,
            StartTime = "2026-11-28T07:15:22.123Z",
            EndTime = "2026-11-28T07:15:23.000Z",
            LastWriteTime = "2026-11-28T07:15:23.001Z",
            Failure = new RunFailure { Type = "System.InvalidOperationException", Message = "boom" },
            Signal = "SIGTERM",
            ExitCode = 1,
            Process = new RunProcessSection { Id = 1, CommandLine = { "trainer.dll" }, WorkingDirectory = "/w", ProjectDirectory = "/w", Runtime = ".NET 8.0.0", LibraryVersion = "0.1.0" },
            Build = new RunBuildSection
            {
                Assembly = "Trainer",
                Fingerprint = "sha256:" + new string('c', 64),
                Commit = new string('a', 40),
                Branch = "main",
                Dirty = true,
                PatchSha256 = new string('f', 64),
                Patch = "build.patch",
                Seed = "42",
                Manifest = JsonDocument.Parse("{\"schemaVersion\":2}").RootElement.Clone(),
            },
            Seeds = { ["build"] = "42" },
            Params = { ["learningRate"] = "0.01" },
            Data = { new RunDataEntry { Name = "data/raw.csv", State = RunDataState.Changed, BuildSha256 = new string('d', 64), Sha256 = new string('e', 64), FileCount = 1, Size = 3, ChangedFiles = { "data/raw.csv" } } },
            Inputs = { file },
            Outputs = { file },
            Steps = { new RunStep { Name = "train", Status = RunStatus.Finished, StartTime = "t", EndTime = "t", DurationSeconds = 1.5, Failure = new RunFailure { Message = "m" }, Params = { ["epochs"] = "3" }, Inputs = { file }, Outputs = { file } } },
            Metrics = { ["loss"] = new MetricSummary { Last = double.NaN, Step = 3, Min = 0.1, Max = double.PositiveInfinity, Count = 4 } },
            Share = new RunShareSection { Remote = "origin", IntervalSeconds = 120 },
            Diagnostics = { new RunDiagnostic { Id = DiagnosticIds.DataChangedSinceBuild, Message = "changed", File = "data/raw.csv" } },
        };
        record.Environment.Variables["OMP_NUM_THREADS"] = "4";
        return record;
    }

    [Fact]
    public void A_record_round_trips_with_keys_in_model_order_nan_as_text_and_lf_line_ends()
    {
        var bytes = RunRecordSerializer.ToUtf8Bytes(Sample());
        var text = Encoding.UTF8.GetString(bytes);

        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Contains("\"last\": \"NaN\"", text, StringComparison.Ordinal);
        Assert.Contains("\"max\": \"Infinity\"", text, StringComparison.Ordinal);
        var keys = JsonDocument.Parse(bytes).RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            new[] { "schemaVersion", "runId", "name", "reproduces", "status", "startTime", "endTime", "lastWriteTime", "failure", "signal", "exitCode", "process", "build", "seeds", "params", "data", "inputs", "outputs", "steps", "metrics", "metricsFile", "share", "environment", "diagnostics" },
            keys);

        var back = RunRecordSerializer.FromUtf8Bytes(bytes);
        Assert.Equal(text, Encoding.UTF8.GetString(RunRecordSerializer.ToUtf8Bytes(back)));
        Assert.True(double.IsNaN(back.Metrics["loss"].Last));
        Assert.Equal(2, back.Build!.Manifest!.Value.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("preprocess", back.Steps[0].Inputs[0].ProducedBy);
    }

    [Fact]
    public void Reading_ignores_unknown_keys_and_refuses_what_is_not_a_record()
    {
        var record = RunRecordSerializer.FromUtf8Bytes(Encoding.UTF8.GetBytes("{\"schemaVersion\":1,\"runId\":\"x\",\"futureKey\":{\"a\":1}}"));
        Assert.Equal("x", record.RunId);

        Assert.Throws<InvalidDataException>(() => RunRecordSerializer.FromUtf8Bytes(Encoding.UTF8.GetBytes("null")));
        Assert.Throws<InvalidDataException>(() => RunRecordSerializer.FromUtf8Bytes(Encoding.UTF8.GetBytes("{\"runId\": 5}")));
        Assert.Throws<InvalidDataException>(() => RunRecordSerializer.FromUtf8Bytes(Encoding.UTF8.GetBytes("{\"runId\": \"x\"")));
    }

    [Fact]
    public void Every_key_of_the_record_and_of_a_metrics_line_is_documented_in_docs_runs_md()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "runs.md"));
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        using (var document = JsonDocument.Parse(RunRecordSerializer.ToUtf8Bytes(Sample())))
        {
            CollectKeys(document.RootElement, keys, skip: new[] { "environment", "manifest", "seeds", "params", "metrics" });
        }

        keys.UnionWith(new[] { "last", "step", "min", "max", "count", "key", "value", "timestamp" });
        var undocumented = keys.Where(key => !docs.Contains($"`{key}`", StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, "Not in docs/runs.md: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Metric_lines_round_trip_and_a_line_cut_short_is_skipped_not_fatal()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine(MetricsFileFormat.FileName);
        using (var stream = File.Create(path))
        using (var writer = new Utf8JsonWriter(stream))
        {
            MetricsFileFormat.WriteLine(writer, stream, new MetricPoint("loss", 0.25, 3, 1764314122123));
            MetricsFileFormat.WriteLine(writer, stream, new MetricPoint("acc\"uracy", double.NegativeInfinity, 4, 1764314122124));
            stream.Write(Encoding.UTF8.GetBytes("{\"key\":\"loss\",\"val"));
        }

        Assert.Equal("{\"key\":\"loss\",\"value\":0.25,\"step\":3,\"timestamp\":1764314122123}", File.ReadLines(path).First());
        var points = MetricsFileFormat.Read(path, out var malformed);
        Assert.Equal(1, malformed);
        Assert.Equal(2, points.Count);
        Assert.Equal(("loss", 0.25, 3L, 1764314122123L), (points[0].Key, points[0].Value, points[0].Step, points[0].Timestamp));
        Assert.Equal("acc\"uracy", points[1].Key);
        Assert.True(double.IsNegativeInfinity(points[1].Value));
        Assert.False(MetricsFileFormat.TryParse("{\"key\":\"a\",\"value\":\"high\",\"step\":1,\"timestamp\":1}", out _));
    }

    [Fact]
    public void The_store_is_at_the_work_tree_root_unless_configured_and_lists_runs_oldest_first()
    {
        using var directory = new TemporaryDirectory();
        GitCli.Run(directory.Path, "init", "-q");
        var project = directory.Combine("src", "Trainer");
        Directory.CreateDirectory(project);

        Assert.Equal(Path.Combine(directory.Path, ".repro", "runs"), RunStore.Locate(project));
        Assert.Equal(Path.Combine(project, "elsewhere"), RunStore.Locate(project, "elsewhere"));

        var runs = Path.Combine(directory.Path, ".repro", "runs");
        foreach (var id in new[] { "20261128-071522-123-bbbbbb", "20261128-071522-123-aaaaaa", "not-a-run" })
        {
            Directory.CreateDirectory(Path.Combine(runs, id));
            if (id != "not-a-run")
            {
                File.WriteAllText(RunStore.RecordPath(runs, id), "{}");
            }
        }

        Assert.Equal(new[] { "20261128-071522-123-aaaaaa", "20261128-071522-123-bbbbbb" }, RunStore.ListRunIds(runs));
    }

    private static void CollectKeys(JsonElement element, ISet<string> keys, string[] skip)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                keys.Add(property.Name);
                if (Array.IndexOf(skip, property.Name) < 0)
                {
                    CollectKeys(property.Value, keys, skip);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectKeys(item, keys, skip);
            }
        }
    }
}
