using System;
using System.Linq;
using Repro.Build.Runs;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

public sealed class RunComparisonTests
{
    private static RunRecord Run(string id, string rate, double accuracy, string modelHash)
    {
        var record = new RunRecord { RunId = id, Name = "sweep", Status = RunStatus.Finished, StartTime = "2026-11-28T07:00:00.000Z", EndTime = "2026-11-28T07:00:10.000Z" };
        record.Build = new RunBuildSection { Assembly = "Trainer", Commit = "c0ffee", Fingerprint = "sha256:" + new string('a', 64) };
        record.Params["learningRate"] = rate;
        record.Params["epochs"] = "3";
        record.Metrics["accuracy"] = new MetricSummary { Last = accuracy, Count = 3 };
        record.Outputs.Add(new RunFileEntry { Path = "model.zip", Sha256 = modelHash });
        return record;
    }

    [Fact]
    public void Rows_where_the_runs_disagree_are_the_differences_and_missing_keys_count()
    {
        var a = Run("a", "0.1", 0.9, "11");
        var b = Run("b", "0.3", 0.9, "22");
        b.Params["dropout"] = "0.5";

        var comparison = RunComparison.Compare(new[] { a, b });
        string?[]? Row(string section, string key) => comparison.Sections.Single(s => s.Id == section).Rows.SingleOrDefault(r => r.Key == key).Values;

        Assert.True(comparison.Differs);
        Assert.True(RunComparison.IsDifferent(Row("params", "learningRate")!));
        Assert.False(RunComparison.IsDifferent(Row("params", "epochs")!));
        Assert.Equal(new string?[] { null, "0.5" }, Row("params", "dropout"));
        Assert.False(RunComparison.IsDifferent(Row("metrics", "accuracy")!));
        Assert.Equal(new string?[] { "11", "22" }, Row("outputs", "model.zip"));
        Assert.False(RunComparison.IsDifferent(Row("build", "commit")!));
        var same = RunComparison.Compare(new[] { a, Run("c", "0.1", 0.9, "11") });
        Assert.DoesNotContain(same.Sections.Where(s => s.Id != "run").SelectMany(s => s.Rows), r => RunComparison.IsDifferent(r.Values));
    }
}
