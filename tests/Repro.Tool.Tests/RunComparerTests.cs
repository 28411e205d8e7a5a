using System.Collections.Generic;
using System.Linq;
using Repro.Runs.Records;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

public sealed class RunComparerTests
{
    [Fact]
    public void Parameters_data_and_metric_deltas_differ_and_times_do_not_count()
    {
        var before = Run("20261128-080000-000-aaaaaa", "0.1", 0.75);
        var after = Run("20261128-090000-000-bbbbbb", "0.2", 0.8);
        after.Data[0].State = RunDataState.Changed;

        var (difference, metrics) = RunComparer.Compare(before, after, all: false);

        Assert.Equal(new[] { "params.learningRate", "data[data/].state" }, difference.Changed.Select(c => c.Path));
        var accuracy = Assert.Single(metrics);
        Assert.Equal(0.05, accuracy.Delta!.Value, 6);
        Assert.Contains(RunComparer.Compare(before, after, all: true).Difference.Changed, c => c.Path == "runId");
    }

    [Fact]
    public void A_metric_only_one_run_has_has_no_delta()
    {
        var before = Run("a", "0.1", 0.75);
        var after = Run("b", "0.1", 0.75);
        after.Metrics["loss"] = new MetricSummary { Last = 0.3, Count = 1 };

        var (difference, metrics) = RunComparer.Compare(before, after, all: false);

        Assert.True(difference.AreSame);
        var loss = metrics.Single(m => m.Name == "loss");
        Assert.Null(loss.Before);
        Assert.Null(loss.Delta);
    }

    private static RunRecord Run(string id, string rate, double accuracy) => new()
    {
        RunId = id,
        Status = RunStatus.Finished,
        StartTime = id,
        LastWriteTime = id,
        Params = new SortedDictionary<string, string>(System.StringComparer.Ordinal) { ["learningRate"] = rate },
        Metrics = new SortedDictionary<string, MetricSummary>(System.StringComparer.Ordinal) { ["accuracy"] = new() { Last = accuracy, Count = 1 } },
        Data = [new() { Name = "data/", State = RunDataState.Unchanged, Sha256 = new string('a', 64) }],
    };
}
