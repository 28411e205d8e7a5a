using Repro.Runs.Records;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

public sealed class ReproducibilityCheckTests
{
    private static RunRecord Run(double loss, string modelHash, string seed = "42")
    {
        var record = new RunRecord { RunId = "r", Status = RunStatus.Finished };
        record.Params["seed"] = seed;
        record.Metrics["loss"] = new MetricSummary { Last = loss, Count = 10 };
        record.Outputs.Add(new RunFileEntry { Path = "model.zip", Sha256 = modelHash });
        return record;
    }

    [Fact]
    public void Outputs_come_first_then_metrics_within_the_tolerance_then_parameters()
    {
        var differences = ReproducibilityCheck.Compare(Run(0.5, "aaaa"), Run(0.5000001, "bbbb", seed: "7"), tolerance: 0);

        Assert.Equal(3, differences.Count);
        Assert.StartsWith("output model.zip differs", differences[0]);
        Assert.StartsWith("metric loss: last value 0.5 vs 0.5000001", differences[1]);
        Assert.Equal("parameter seed: 42 vs 7", differences[2]);
        Assert.Empty(ReproducibilityCheck.Compare(Run(0.5, "aaaa"), Run(0.5000001, "aaaa"), tolerance: 1e-6));
        Assert.Empty(ReproducibilityCheck.Compare(Run(0.5, "aaaa"), Run(0.5, "aaaa"), tolerance: 0));
    }
}
