using System;
using System.IO;
using System.Linq;
using Repro.Runs.Records;
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
        var index = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(_runs, RunCatalog.IndexFileName)));
        Write("a", RunStatus.Finished, 0.75, "2026-11-28T07:59:59.000Z");
        File.AppendAllText(Path.Combine(_runs, "b", "run.json"), " "); // any change of size or time is a change
        var second = RunCatalog.Load(_runs, now, out _);

        Assert.Empty(unreadable);
        Assert.Equal(new[] { "running", "finished" }, first.Select(r => r.Status));
        Assert.DoesNotContain("xxxxxxxxxx", index, StringComparison.Ordinal);
        Assert.Equal(new[] { "finished", "finished" }, second.Select(r => r.Status));
        Assert.Equal(0.75, second[0].Summary.Metrics["accuracy"].Last);
        Assert.Equal("0.1", second[1].Summary.Params["learningRate"]);
    }

    [Fact]
    public void Once_the_folder_is_walked_only_running_runs_and_a_changed_folder_are_looked_at_again()
    {
        var now = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        Write("a", RunStatus.Running, 0.5, "2026-11-28T07:59:55.000Z");
        Write("b", RunStatus.Finished, 0.9, "2026-11-28T07:30:00.000Z");
        RunCatalog.Load(_runs, now, out _);
        var past = DateTime.UtcNow.AddHours(-1);
        Directory.SetLastWriteTimeUtc(_runs, past); // a walk long after the folder last changed is trusted
        RunCatalog.Load(_runs, now, out _);

        // A finished record edited in place (no tool does that) is not looked at while the folder is unchanged...
        var record = Path.Combine(_runs, "b", "run.json");
        File.WriteAllText(record, File.ReadAllText(record).Replace("\"learningRate\": \"0.1\"", "\"learningRate\": \"0.2\"", StringComparison.Ordinal));
        // ...while a running one is, every time.
        Write("a", RunStatus.Finished, 0.75, "2026-11-28T07:59:59.000Z");
        Directory.SetLastWriteTimeUtc(_runs, past);
        var second = RunCatalog.Load(_runs, now, out _);
        Assert.Equal(new[] { "finished", "finished" }, second.Select(r => r.Status));
        Assert.Equal(0.75, second[0].Summary.Metrics["accuracy"].Last);
        Assert.Equal("0.1", second[1].Summary.Params["learningRate"]);

        // A new run changes the folder: everything is compared again, the edited record included.
        Write("c", RunStatus.Finished, 0.1, "2026-11-28T07:40:00.000Z");
        var third = RunCatalog.Load(_runs, now, out _);
        Assert.Equal(new[] { "a", "b", "c" }, third.Select(r => r.Summary.RunId).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal("0.2", third.Single(r => r.Summary.RunId == "b").Summary.Params["learningRate"]);
    }

    [Fact]
    public void A_run_added_in_the_same_clock_tick_as_the_last_walk_is_still_found()
    {
        Write("a", RunStatus.Finished, 0.5, "2026-11-28T07:59:55.000Z");
        RunCatalog.Load(_runs, DateTimeOffset.UtcNow, out _);
        var tick = Directory.GetLastWriteTimeUtc(_runs);

        Write("b", RunStatus.Finished, 0.6, "2026-11-28T07:59:56.000Z");
        Directory.SetLastWriteTimeUtc(_runs, tick); // as a coarse clock would leave it
        var runs = RunCatalog.Load(_runs, DateTimeOffset.UtcNow, out _);

        Assert.Equal(new[] { "a", "b" }, runs.Select(r => r.Summary.RunId).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void A_query_that_only_orders_and_limits_reads_only_the_runs_it_shows()
    {
        for (var i = 0; i < 30; i++)
        {
            Write($"r{i:00}", RunStatus.Finished, i / 100.0, $"2026-11-28T07:{i:00}:00.000Z");
        }

        RunCatalog.Load(_runs, DateTimeOffset.UtcNow, out _);
        var query = new RunQuery { Limit = 3, Descending = true };
        var shown = RunCatalog.Load(_runs, DateTimeOffset.UtcNow, query, out _, out var total);

        Assert.Equal(30, total);
        Assert.Equal(3, shown.Count);
        Assert.Equal(new[] { "r29", "r28", "r27" }, query.Apply(shown).Select(r => r.Summary.RunId));
        Assert.Equal(query.Apply(RunCatalog.Load(_runs, DateTimeOffset.UtcNow, out _)).Select(r => r.Summary.RunId), query.Apply(shown).Select(r => r.Summary.RunId));
        Assert.Null(new RunQuery { Limit = 3, Sort = "accuracy" }.IndexOrder); // a metric order needs every run
    }

    [Fact]
    public void The_report_shows_the_most_recent_runs_and_says_how_many_matched()
    {
        for (var i = 0; i < 30; i++)
        {
            Write($"r{i:00}", RunStatus.Finished, i / 100.0, $"2026-11-28T07:{i:00}:00.000Z");
        }

        var page = Path.Combine(_runs, "..", Path.GetFileName(_runs) + "-report.html");
        var (code, output, error) = ToolHarness.Run("report", "--runs-dir", _runs, "--limit", "5", "--charts", "2", "--output", page);
        var (badCode, _, badError) = ToolHarness.Run("report", "--runs-dir", _runs, "--limit", "0", "--output", page);

        Assert.True(code == 0, error);
        Assert.Contains("(5 run(s), the most recent of 30, charts for 2)", output, StringComparison.Ordinal);
        var html = File.ReadAllText(page);
        File.Delete(page);
        Assert.Contains("The 5 most recent of 30 run(s)", html, StringComparison.Ordinal);
        Assert.Contains("r29", html, StringComparison.Ordinal);
        Assert.DoesNotContain("r24", html, StringComparison.Ordinal);
        Assert.Equal(2, badCode);
        Assert.StartsWith("error REPRO507: --limit 0 shows no run", badError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_parameter_is_cut_in_the_report_s_tables()
    {
        foreach (var id in new[] { "p1", "p2" })
        {
            var record = new RunRecord { RunId = id, Status = RunStatus.Finished, StartTime = "2026-11-28T07:00:00.000Z", LastWriteTime = "2026-11-28T07:00:01.000Z" };
            record.Params["prompt"] = id + new string('y', 1_000_000);
            Directory.CreateDirectory(Path.Combine(_runs, id));
            File.WriteAllBytes(Path.Combine(_runs, id, "run.json"), RunRecordSerializer.ToUtf8Bytes(record));
        }

        var page = Path.Combine(_runs, "..", Path.GetFileName(_runs) + "-long.html");
        var (code, _, error) = ToolHarness.Run("report", "--runs-dir", _runs, "--output", page);
        var html = File.ReadAllText(page);
        File.Delete(page);

        Assert.True(code == 0, error);
        Assert.True(html.Length < 100_000, $"{html.Length} characters");
        Assert.Contains("p1" + new string('y', 77) + "…", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_index_or_record_costs_a_reread_or_a_count_never_an_exception()
    {
        var now = DateTimeOffset.UtcNow;
        Write("a", RunStatus.Finished, 0.5, "2026-11-28T07:59:55.000Z");
        Directory.CreateDirectory(Path.Combine(_runs, "broken"));
        File.WriteAllText(Path.Combine(_runs, "broken", "run.json"), "{\"runId\": \"broken\", \"status\": ");
        RunCatalog.Load(_runs, now, out _);
        File.WriteAllText(Path.Combine(_runs, RunCatalog.IndexFileName), "repro-run-index 1\na\tnot-a-number\t1\t{}\n"); // not a database

        var runs = RunCatalog.Load(_runs, now, out var unreadable);

        Assert.Equal("a", Assert.Single(runs).Summary.RunId);
        Assert.Equal("broken", Assert.Single(unreadable).Id);
    }

    [Fact]
    public void Unreadable_records_are_named_with_their_reason_and_the_listing_goes_on()
    {
        Write("a", RunStatus.Finished, 0.5, "2026-11-28T07:59:55.000Z");
        Directory.CreateDirectory(Path.Combine(_runs, "broken"));
        File.WriteAllText(Path.Combine(_runs, "broken", "run.json"), "{\"runId\": \"broken\", \"status\": ");
        Directory.CreateDirectory(Path.Combine(_runs, "huge"));
        using (var huge = File.Create(Path.Combine(_runs, "huge", "run.json")))
        {
            huge.SetLength(RunRecordSerializer.MaxFileBytes + 1); // sparse: costs no disk
        }

        for (var i = 0; i < 6; i++)
        {
            Directory.CreateDirectory(Path.Combine(_runs, "zz" + i));
            File.WriteAllText(Path.Combine(_runs, "zz" + i, "run.json"), "[]");
        }

        var runs = RunCatalog.Load(_runs, DateTimeOffset.UtcNow, out var unreadable);
        var (code, output, error) = ToolHarness.Run("runs", "--runs-dir", _runs);
        var (_, json, _) = ToolHarness.Run("runs", "--runs-dir", _runs, "--json");

        Assert.Equal("a", Assert.Single(runs).Summary.RunId);
        Assert.Equal(new[] { "broken", "huge", "zz0", "zz1", "zz2", "zz3", "zz4", "zz5" }, unreadable.Select(u => u.Id));
        Assert.Contains("64 MiB", unreadable[1].Reason, StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("skipped 8 unreadable record(s): broken (not a run record: ", output, StringComparison.Ordinal);
        Assert.Contains("huge (run.json is larger than the 64 MiB a record may have)", output, StringComparison.Ordinal);
        Assert.Contains(", and 3 more (--json lists them all)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.Contains("\"unreadable\": 8", json, StringComparison.Ordinal);
        Assert.Contains("\"runId\": \"zz5\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_that_claims_another_run_id_is_listed_under_its_folder_and_flagged()
    {
        Write("b", RunStatus.Finished, 0.9, "2026-11-28T07:30:00.000Z");
        Write("a", RunStatus.Finished, 0.5, "2026-11-28T07:59:55.000Z");
        var planted = File.ReadAllText(Path.Combine(_runs, "a", "run.json")).Replace("\"runId\": \"a\"", "\"runId\": \"../../evil\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_runs, "a", "run.json"), planted);

        var runs = RunCatalog.Load(_runs, DateTimeOffset.UtcNow, out _);
        var (_, output, _) = ToolHarness.Run("runs", "--runs-dir", _runs);
        var (_, json, _) = ToolHarness.Run("runs", "--runs-dir", _runs, "--json");
        var (_, compared, _) = ToolHarness.Run("compare", "--runs-dir", _runs, "a", "b");

        Assert.Equal(new[] { "a", "b" }, runs.Select(r => r.Summary.RunId));
        Assert.Equal("../../evil", runs[0].ClaimedRunId);
        Assert.Null(runs[1].ClaimedRunId);
        Assert.Contains("a (!)", output, StringComparison.Ordinal);
        Assert.Contains("(!) a: its record claims to be run '../../evil'", output, StringComparison.Ordinal);
        Assert.Contains("\"claimedRunId\": \"../../evil\"", json, StringComparison.Ordinal);
        Assert.Contains("a: its record claims to be run '../../evil'", compared, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ten_megabyte_parameter_is_shortened_in_tables_and_whole_in_json()
    {
        var record = new RunRecord { RunId = "a", Status = RunStatus.Finished, StartTime = "2026-11-28T07:00:00.000Z", LastWriteTime = "2026-11-28T07:00:01.000Z" };
        record.Params["vocabulary"] = new string('v', 10 * 1024 * 1024);
        Directory.CreateDirectory(Path.Combine(_runs, "a"));
        File.WriteAllBytes(Path.Combine(_runs, "a", "run.json"), RunRecordSerializer.ToUtf8Bytes(record));
        record.RunId = "b";
        record.Params["vocabulary"] = new string('w', 10 * 1024 * 1024);
        Directory.CreateDirectory(Path.Combine(_runs, "b"));
        File.WriteAllBytes(Path.Combine(_runs, "b", "run.json"), RunRecordSerializer.ToUtf8Bytes(record));

        var (_, listed, _) = ToolHarness.Run("runs", "--runs-dir", _runs);
        var (_, compared, _) = ToolHarness.Run("compare", "--runs-dir", _runs, "a", "b");
        var (_, json, _) = ToolHarness.Run("runs", "--runs-dir", _runs, "--json");

        Assert.True(listed.Length < 2000, $"{listed.Length} characters");
        Assert.Contains("vocabulary=" + new string('v', 79) + "…", listed, StringComparison.Ordinal);
        Assert.True(compared.Length < 2000, $"{compared.Length} characters");
        Assert.Contains(new string('w', 79) + "…", compared, StringComparison.Ordinal);
        Assert.Contains(new string('v', 10 * 1024 * 1024), json, StringComparison.Ordinal);
    }
}
