using System;
using System.Linq;
using Repro.Runs.Records;
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

    [Fact]
    public void The_code_section_compares_the_builds_patches_file_by_file_when_the_runs_folders_are_known()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("repro-compare-").FullName;
        try
        {
            string Patched(string id, string patch)
            {
                var runFolder = System.IO.Directory.CreateDirectory(System.IO.Path.Combine(folder, id)).FullName;
                System.IO.File.WriteAllText(System.IO.Path.Combine(runFolder, "build.patch"), patch);
                return runFolder;
            }

            const string train = "diff --git a/Train.cs b/Train.cs\n--- a/Train.cs\n+++ b/Train.cs\n@@ -1 +1 @@\n-var trees = 10;\n+var trees = 20;\n";
            const string other = "diff --git a/Train.cs b/Train.cs\n--- a/Train.cs\n+++ b/Train.cs\n@@ -1 +1 @@\n-var trees = 10;\n+var trees = 50;\n";
            const string notes = "diff --git a/Notes.md b/Notes.md\n--- a/Notes.md\n+++ b/Notes.md\n@@ -0,0 +1 @@\n+deeper\n";
            var a = Run("a", "0.1", 0.9, "11");
            var b = Run("b", "0.1", 0.9, "11");
            a.Build!.Patch = b.Build!.Patch = "build.patch";

            var comparison = RunComparison.Compare(new[] { a, b }, new[] { Patched("a", train + notes), Patched("b", other + notes) });
            var code = comparison.Sections.Single(s => s.Id == "code").Rows.ToDictionary(r => r.Key, r => r.Values);

            Assert.True(RunComparison.IsDifferent(code["Train.cs"]));
            Assert.StartsWith("+1 -1 lines, ", code["Train.cs"][0], StringComparison.Ordinal);
            Assert.False(RunComparison.IsDifferent(code["Notes.md"])); // changed alike in both
            Assert.DoesNotContain(RunComparison.Compare(new[] { a, b }).Sections, s => s.Id == "code"); // folders unknown: no section
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
