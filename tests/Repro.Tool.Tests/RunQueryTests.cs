using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Repro.Runs.Records;
using Repro.Tool.Input;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

public sealed class RunQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private static RunListing Run(string id, string status, double accuracy, string learningRate, string lastWrite = "2026-11-28T07:59:50.000Z", string? user = null)
    {
        var record = new RunSummary
        {
            RunId = id,
            Name = "sweep",
            Status = status,
            StartTime = "2026-11-28T07:00:00.000Z",
            LastWriteTime = lastWrite,
            Build = new RunSummaryBuild { Assembly = "Trainer", Fingerprint = "sha256:ab12" + id, Commit = "c0ffee" + id },
        };
        record.Params["learningRate"] = learningRate;
        record.Metrics["accuracy"] = new MetricSummary { Last = accuracy, Count = 1 };
        record.Environment = new RunSummaryEnvironment { User = user };
        return new RunListing(record, Path.Combine("runs", id), Now);
    }

    private static List<RunListing> Runs() =>
    [
        Run("1", RunStatus.Finished, 0.80, "0.1"),
        Run("2", RunStatus.Finished, 0.92, "0.01", user: "alice"),
        Run("3", RunStatus.Running, 0.85, "0.010"),
        Run("4", RunStatus.Running, 0.50, "0.3", lastWrite: "2026-11-28T07:50:00.000Z"),
    ];

    [Fact]
    public void A_run_that_shares_itself_every_few_minutes_is_given_two_intervals_more_and_runs_filter_by_branch()
    {
        var shared = Run("5", RunStatus.Running, 0.7, "0.2", lastWrite: "2026-11-28T07:55:00.000Z").Summary;
        shared.Share = new RunShareSection { Remote = "origin", IntervalSeconds = 120 };
        shared.Build!.Branch = "feature/deeper";
        var silentTooLong = Run("6", RunStatus.Running, 0.7, "0.2", lastWrite: "2026-11-28T07:54:00.000Z").Summary;
        silentTooLong.Share = new RunShareSection { Remote = "origin", IntervalSeconds = 120 };

        Assert.Equal("running", new RunListing(shared, "runs/5", Now).Status); // 5 minutes silent, 2 × 2 + 1 allowed
        Assert.Equal("crashed", new RunListing(silentTooLong, "runs/6", Now).Status);
        var runs = Runs().Append(new RunListing(shared, "runs/5", Now)).ToList();
        Assert.Equal(new[] { "5" }, new RunQuery { Branch = "feature/deeper" }.Apply(runs).Select(r => r.Summary.RunId));
    }

    [Fact]
    public void A_running_run_whose_heartbeat_stopped_is_crashed_and_not_active()
    {
        var runs = Runs();

        Assert.Equal(new[] { "finished", "finished", "running", "crashed" }, runs.Select(r => r.Status));
        Assert.Equal(new[] { "3" }, new RunQuery { ActiveOnly = true }.Apply(runs).Select(r => r.Summary.RunId));
        Assert.Equal(new[] { "4" }, Query(q => q.Statuses.Add("crashed")));
    }

    [Fact]
    public void Parameters_compare_numbers_as_numbers_and_metrics_by_threshold()
    {
        Assert.Equal(new[] { "2", "3" }, Query(q => q.Params.Add("learningRate=0.01")));
        Assert.Equal(new[] { "2", "3" }, Query(q => q.Metrics.Add("accuracy>=0.85")));
        Assert.Equal(new[] { "2" }, Query(q => { q.Metrics.Add("accuracy>0.85"); q.Params.Add("learningRate=0.01"); }));
        Assert.Equal(new[] { "1", "3", "4" }, Query(q => q.Metrics.Add("accuracy != 0.92")));
        Assert.Equal(new[] { "2" }, Query(q => q.Who = "ALICE"));
        Assert.Equal(new[] { "3" }, Query(q => q.Fingerprint = "AB123"));
        Assert.Equal(new[] { "4" }, Query(q => q.Commit = "c0ffee4"));
    }

    [Fact]
    public void Runs_sort_by_a_metric_either_way_and_runs_without_it_come_last()
    {
        var runs = Runs();
        runs.Add(new RunListing(new RunSummary { RunId = "5", Status = RunStatus.Finished, StartTime = "2026-11-28T07:00:00.000Z" }, "runs/5", Now));

        Assert.Equal(new[] { "4", "1", "3", "2", "5" }, new RunQuery { Sort = "accuracy" }.Apply(runs).Select(r => r.Summary.RunId));
        Assert.Equal(new[] { "2", "3", "1", "4", "5" }, new RunQuery { Sort = "accuracy", Descending = true }.Apply(runs).Select(r => r.Summary.RunId));
        Assert.Equal(new[] { "2", "3" }, new RunQuery { Sort = "accuracy", Descending = true, Limit = 2 }.Apply(runs).Select(r => r.Summary.RunId));
    }

    [Fact]
    public void A_malformed_filter_is_a_usage_error_that_shows_the_form()
    {
        var param = Assert.Throws<ToolInputException>(() => Query(q => q.Params.Add("learningRate")));
        var metric = Assert.Throws<ToolInputException>(() => Query(q => q.Metrics.Add("accuracy>high")));

        Assert.Equal(Repro.Build.DiagnosticIds.ToolUsage, param.Code);
        Assert.Contains("key=value", param.Message, StringComparison.Ordinal);
        Assert.Contains("accuracy>=0.9", metric.Message, StringComparison.Ordinal);
    }

    private static string[] Query(Action<RunQuery> configure)
    {
        var query = new RunQuery();
        configure(query);
        return query.Apply(Runs()).Select(r => r.Summary.RunId).ToArray();
    }
}
