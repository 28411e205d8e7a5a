using System;
using System.Collections.Generic;
using System.Linq;
using Repro.Runs.Records;
using Repro.Tool.Input;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

/// <summary>The verdict of <c>reproduce</c>: what counts as the same, within tolerance, or not reproduced, and which difference comes first.</summary>
public sealed class ReproductionComparisonTests
{
    private static readonly MetricTolerance Exact = new(0, new Dictionary<string, double>(StringComparer.Ordinal));

    private static RunRecord Run(string id)
    {
        var record = new RunRecord { RunId = id, Status = RunStatus.Finished, ExitCode = 0 };
        record.Params["iterations"] = "3";
        record.Data.Add(new RunDataEntry { Name = "data/sensors.csv", BuildSha256 = new string('d', 64), Sha256 = new string('d', 64) });
        record.Outputs.Add(new RunFileEntry { Path = "bin/model.zip", Sha256 = new string('1', 64), ContentSha256 = new string('c', 64) });
        return record;
    }

    private static List<MetricPoint> Curve(string key, params double[] values) =>
        values.Select((v, i) => new MetricPoint(key, v, i + 1, 1000 + i)).ToList();

    [Fact]
    public void The_same_points_and_the_same_content_in_another_zip_are_bit_identical_and_the_container_difference_is_noted()
    {
        var original = Run("a");
        var again = Run("b");
        again.Outputs[0].Sha256 = new string('2', 64); // another save: other entry times, the same entries

        var comparison = ReproductionComparison.Compare(original, Curve("loss", 0.5, 0.25, 0.125), again, Curve("loss", 0.5, 0.25, 0.125), Exact);

        Assert.Equal(ReproductionVerdict.BitIdentical, comparison.Verdict);
        Assert.Empty(comparison.Differences);
        Assert.Equal(3, comparison.PointsCompared);
        Assert.Equal(1, comparison.OutputsCompared);
        Assert.Contains(comparison.Notes, n => n.StartsWith("output bin/model.zip: the same content", StringComparison.Ordinal));
    }

    [Fact]
    public void Points_within_tolerance_reproduce_and_the_largest_deviation_is_named()
    {
        var tolerance = MetricTolerance.Parse(new[] { "1e-6" });
        var comparison = ReproductionComparison.Compare(Run("a"), Curve("loss", 0.5, 0.25).Concat(Curve("acc", 0.9)).ToList(),
            Run("b"), Curve("loss", 0.5 + 1e-9, 0.25 + 1e-7).Concat(Curve("acc", 0.9)).ToList(), tolerance);

        Assert.Equal(ReproductionVerdict.WithinTolerance, comparison.Verdict);
        var largest = comparison.LargestDeviation!;
        Assert.Equal("loss", largest.Name);
        Assert.Equal(2, largest.Step);
        Assert.Contains("metric loss at step 2", largest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_metric_to_go_astray_by_step_is_the_first_difference_and_a_per_metric_tolerance_applies_to_its_metric_only()
    {
        var tolerance = MetricTolerance.Parse(new[] { "0", "acc=0.01" });
        var comparison = ReproductionComparison.Compare(Run("a"), Curve("acc", 0.90, 0.91).Concat(Curve("loss", 0.5, 0.4, 0.3)).ToList(),
            Run("b"), Curve("acc", 0.905, 0.915).Concat(Curve("loss", 0.5, 0.41, 0.35)).ToList(), tolerance);

        Assert.Equal(ReproductionVerdict.NotReproduced, comparison.Verdict);
        var first = comparison.Differences[0];
        Assert.Equal(("metric", "loss", 2L), (first.Kind, first.Name, first.Step));
        Assert.StartsWith("metric loss at step 2: 0.4 recorded, 0.41 reproduced", first.Text, StringComparison.Ordinal);
        Assert.Single(comparison.Differences); // acc moved by 0.005, within its own 0.01
        Assert.Equal("acc", comparison.LargestDeviation!.Name);
    }

    [Fact]
    public void Data_comes_before_status_parameters_metrics_and_outputs()
    {
        var original = Run("a");
        var again = Run("b");
        again.Data[0].Sha256 = new string('e', 64);
        again.Status = RunStatus.Failed;
        again.ExitCode = 1;
        again.Params["iterations"] = "4";
        again.Outputs[0].ContentSha256 = new string('f', 64);

        var comparison = ReproductionComparison.Compare(original, Curve("loss", 1), again, Curve("loss", 2), Exact);

        Assert.Equal(new[] { "data", "status", "param", "metric", "output" }, comparison.Differences.Select(d => d.Kind));
        Assert.Contains("data 'data/sensors.csv' is not the data the run read", comparison.Differences[0].Text, StringComparison.Ordinal);
        Assert.Contains("differs by content", comparison.Differences[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_without_a_recorded_content_hash_are_compared_by_file_hash_and_say_so()
    {
        var original = Run("a");
        original.Outputs[0].ContentSha256 = null; // a record written before contentSha256
        var again = Run("b");
        again.Outputs[0].Sha256 = new string('2', 64);

        var comparison = ReproductionComparison.Compare(original, null, again, null, Exact);

        var output = Assert.Single(comparison.Differences);
        Assert.Contains("differs by file hash", output.Text, StringComparison.Ordinal);
        Assert.Contains("recorded no content hash", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_points_a_metric_only_one_run_logged_and_system_metrics()
    {
        var original = Run("a");
        var comparison = ReproductionComparison.Compare(original,
            Curve("loss", 1, 2, 3).Concat(Curve("system/cpu", 10)).ToList(), Run("b"),
            Curve("loss", 1, 2).Concat(Curve("extra", 5)).Concat(Curve("system/cpu", 80)).ToList(), Exact);

        Assert.Equal(ReproductionVerdict.NotReproduced, comparison.Verdict);
        Assert.DoesNotContain(comparison.Differences, d => d.Name.StartsWith("system/", StringComparison.Ordinal));
        Assert.Contains(comparison.Differences, d => d.Text == "metric loss has 3 points in the run, 2 in the reproduction");
        Assert.Contains(comparison.Differences, d => d.Text == "metric extra was not logged by the run, only by the reproduction");
    }

    [Fact]
    public void Without_metrics_files_the_summaries_last_values_are_compared()
    {
        var original = Run("a");
        original.Metrics["auc"] = new MetricSummary { Last = 0.8, Step = 10, Count = 10 };
        var again = Run("b");
        again.Metrics["auc"] = new MetricSummary { Last = 0.8, Step = 10, Count = 10 };

        Assert.Equal(ReproductionVerdict.BitIdentical, ReproductionComparison.Compare(original, null, again, null, Exact).Verdict);
        again.Metrics["auc"].Last = 0.7;
        Assert.Equal("auc", ReproductionComparison.Compare(original, null, again, null, Exact).Differences.Single().Name);
    }

    [Theory]
    [InlineData(1.0, 1.0 + 1e-7, 1e-6, true)] // relative
    [InlineData(1e6, 1e6 + 0.5, 1e-6, true)] // relative to the larger magnitude
    [InlineData(1e-9, 2e-9, 1e-6, true)] // absolute near zero
    [InlineData(1.0, 1.01, 1e-6, false)]
    [InlineData(0.1, 0.1, 0, true)]
    [InlineData(double.NaN, double.NaN, 0, true)]
    [InlineData(double.NaN, 1.0, 1, false)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, 0, true)]
    public void Within_is_relative_or_absolute(double a, double b, double tolerance, bool within) =>
        Assert.Equal(within, MetricTolerance.Within(a, b, tolerance));

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("acc=")]
    [InlineData("=0.1")]
    [InlineData("NaN")]
    public void A_tolerance_that_is_no_number_is_a_usage_error_that_says_what_to_give(string text)
    {
        var error = Assert.Throws<ToolInputException>(() => MetricTolerance.Parse(new[] { text }));
        Assert.Equal("REPRO507", error.Code);
        Assert.Contains("NAME=NUMBER", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tolerances_default_to_1e6_and_two_defaults_are_refused()
    {
        Assert.Equal(1e-6, MetricTolerance.Parse(Array.Empty<string>()).Default);
        var parsed = MetricTolerance.Parse(new[] { "accuracy=0.01", "1e-3" });
        Assert.Equal((1e-3, 0.01), (parsed.For("loss"), parsed.For("accuracy")));
        Assert.Throws<ToolInputException>(() => MetricTolerance.Parse(new[] { "1", "2" }));
    }

    [Fact]
    public void Recorded_paths_inside_the_runs_work_tree_are_mapped_into_the_new_one_and_a_dll_runs_with_dotnet()
    {
        var record = new RunRecord { RunId = "r" };
        record.Process.CommandLine.AddRange(new[] { "/home/ann/repo/Trainer/bin/Release/net10.0/Trainer.dll", "--data", "/home/ann/repo/data", "/etc/x" });
        var command = ReproduceService.RecordedCommand(record, p => ReproduceService.MapPath(p, "/home/ann/repo", "/tmp/wt"));

        Assert.Equal(new[] { "dotnet", "/tmp/wt/Trainer/bin/Release/net10.0/Trainer.dll", "--data", "/tmp/wt/data", "/etc/x" }, command);
        Assert.Equal("/home/ann/repository", ReproduceService.MapPath("/home/ann/repository", "/home/ann/repo", "/tmp/wt"));
    }

    [Fact]
    public void A_command_line_with_a_redacted_secret_cannot_be_run_again_and_the_message_says_to_give_the_command()
    {
        var record = new RunRecord { RunId = "r" };
        record.Process.CommandLine.AddRange(new[] { "train", "--token", "<redacted>" });
        var error = Assert.Throws<ToolInputException>(() => ReproduceService.RecordedCommand(record, p => p));
        Assert.Equal("REPRO540", error.Code);
        Assert.Contains("after --", error.Message, StringComparison.Ordinal);
    }
}
