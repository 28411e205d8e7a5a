using System;
using System.IO;
using System.Linq;
using Repro.Build.Runs;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

public sealed class RunCatalogTests : IDisposable
{
    private readonly string _runs = Path.Combine(Path.GetTempPath(), "repro-catalog-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    private void Write(string id, string status, double accuracy, string lastWrite)
    {
        var record = new RunRecord { RunId = id, Status = status, StartTime = "2026-11-28T07:00:00.000Z", LastWriteTime = lastWrite };
        record.Params["learningRate"] = "0.1";
        record.Metrics["accuracy"] = new MetricSummary { Last = accuracy, Count = 3 };
        record.Environment.Variables["HUGE"] = new string('x', 10_000); // what listing skips
        Directory.CreateDirectory(Path.Combine(_runs, id));
        File.WriteAllBytes(Path.Combine(_runs, id, "run.json"), RunRecordSerializer.ToUtf8Bytes(record));
    }

    [Fact]
    public void Listing_reads_what_changed_and_the_summary_cache_for_the_rest()
    {
        var now = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        Write("a", RunStatus.Running, 0.5, "2026-11-28T07:59:55.000Z");
        Write("b", RunStatus.Finished, 0.9, "2026-11-28T07:30:00.000Z");

        var first = RunCatalog.Load(_runs, now, out var unreadable);
        var index = File.ReadAllText(Path.Combine(_runs, RunCatalog.IndexFileName));
        Write("a", RunStatus.Finished, 0.75, "2026-11-28T07:59:59.000Z");
        File.AppendAllText(Path.Combine(_runs, "b", "run.json"), " "); // any change of size or time is a change
        var second = RunCatalog.Load(_runs, now, out _);

        Assert.Equal(0, unreadable);
        Assert.Equal(new[] { "running", "finished" }, first.Select(r => r.Status));
        Assert.DoesNotContain("xxxxxxxxxx", index, StringComparison.Ordinal);
        Assert.Equal(new[] { "finished", "finished" }, second.Select(r => r.Status));
        Assert.Equal(0.75, second[0].Record.Metrics["accuracy"].Last);
        Assert.Equal("0.1", second[1].Record.Params["learningRate"]);
    }

    [Fact]
    public void A_damaged_index_or_record_costs_a_reread_or_a_count_never_an_exception()
    {
        var now = DateTimeOffset.UtcNow;
        Write("a", RunStatus.Finished, 0.5, "2026-11-28T07:59:55.000Z");
        Directory.CreateDirectory(Path.Combine(_runs, "broken"));
        File.WriteAllText(Path.Combine(_runs, "broken", "run.json"), "{\"runId\": \"broken\", \"status\": ");
        RunCatalog.Load(_runs, now, out _);
        File.WriteAllText(Path.Combine(_runs, RunCatalog.IndexFileName), "repro-run-index 1\na\tnot-a-number\t1\t{}\n");

        var runs = RunCatalog.Load(_runs, now, out var unreadable);

        Assert.Equal("a", Assert.Single(runs).Record.RunId);
        Assert.Equal(1, unreadable);
    }
}
