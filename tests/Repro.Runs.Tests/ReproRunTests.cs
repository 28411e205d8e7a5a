using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Repro.Build;
using Repro.Runs.Records;

namespace Repro.Runs.Tests;

public sealed class ReproRunTests : CapturedStderrTests
{
    private ReproRunOptions Options() => new()
    {
        RunsDirectory = Path.Combine(Folder.Path, "runs"),
        ProjectDirectory = Folder.Path,
        Assembly = typeof(ReproRunTests).Assembly, // no embedded manifest: REPRO403
    };

    [Fact]
    public void A_run_records_params_steps_with_lineage_outputs_and_metrics_and_reads_back()
    {
        var raw = Folder.WriteFile("data/raw.csv", "a,b\n1,2\n");
        string recordPath;
        using (var run = ReproRun.Start("baseline", Options()))
        {
            recordPath = run.RecordPath;
            Assert.Same(run, ReproRun.Current);
            run.LogParams(new { LearningRate = 0.01, Trees = 100, Optimizer = new { Name = "adam", Beta = 0.9 }, ApiKey = "plain" });
            run.LogParam("tags", new[] { "a", "b" });
            run.LogParam("connection", "Server=db;Password=hunter2;");
            run.LogParam("trees", 100);
            run.LogSeed("shuffle", 7);
            using (var step = run.Step("preprocess"))
            {
                step.LogInput(raw);
                step.LogParam("dropNa", true);
                Folder.WriteFile("data/clean.csv", "a,b\n1,2\n");
                step.LogOutput(Path.Combine(Folder.Path, "data", "clean.csv"));
            }

            using (var step = run.Step("train"))
            {
                step.LogInput(Path.Combine(Folder.Path, "data", "clean.csv"));
                for (var epoch = 0; epoch < 5; epoch++)
                {
                    run.LogMetric("loss", 1.0 / (epoch + 1), epoch);
                }

                run.LogMetric("auc", double.NaN);
            }

            Folder.WriteFile("model.zip", "model");
            run.LogOutput(Path.Combine(Folder.Path, "model.zip"));
        }

        Assert.Null(ReproRun.Current);
        var record = RunRecordSerializer.ReadFile(recordPath);
        Assert.Equal(RunStatus.Finished, record.Status);
        Assert.Equal("baseline", record.Name);
        Assert.NotNull(record.EndTime);
        Assert.Equal("0.01", record.Params["LearningRate"]);
        Assert.Equal("adam", record.Params["Optimizer.Name"]);
        Assert.Equal("<redacted>", record.Params["ApiKey"]);
        Assert.Equal("[a, b]", record.Params["tags"]);
        Assert.DoesNotContain("hunter2", record.Params["connection"], StringComparison.Ordinal);
        Assert.Equal("7", record.Seeds["shuffle"]);

        Assert.Equal(new[] { "preprocess", "train" }, record.Steps.Select(s => s.Name));
        Assert.All(record.Steps, s => Assert.Equal(RunStatus.Finished, s.Status));
        Assert.Equal("true", record.Steps[0].Params["dropNa"]);
        Assert.Equal("data/raw.csv", record.Steps[0].Inputs[0].Path);
        Assert.Null(record.Steps[0].Inputs[0].ProducedBy);
        Assert.Equal("preprocess", record.Steps[1].Inputs[0].ProducedBy);
        Assert.Equal(Sha256("a,b\n1,2\n"), record.Steps[1].Inputs[0].Sha256);
        Assert.Equal("model.zip", Assert.Single(record.Outputs).Path);
        Assert.Equal(5, record.Outputs[0].Size);

        Assert.Equal(5, record.Metrics["loss"].Count);
        Assert.Equal(0.2, record.Metrics["loss"].Last);
        Assert.Equal(4, record.Metrics["loss"].Step);
        Assert.True(double.IsNaN(record.Metrics["auc"].Last));
        var points = MetricsFileFormat.Read(Path.Combine(Path.GetDirectoryName(recordPath)!, MetricsFileFormat.FileName), out var malformed);
        Assert.Equal(0, malformed);
        Assert.Equal(6, points.Count);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (long)i), points.Where(p => p.Key == "loss").Select(p => p.Step));

        Assert.Null(record.Build);
        Assert.Contains(record.Diagnostics, d => d.Id == DiagnosticIds.NoBuildManifest);
        Assert.Contains("warning REPRO403:", Stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(Environment.ProcessorCount, record.Environment.Cpu.LogicalCores);
        Assert.False(File.Exists(Path.Combine(Folder.Path, ".gitignore")), "a configured runs folder gets no .gitignore");
    }

    [Fact]
    public void Logged_outputs_go_into_the_store_as_they_are_hashed_a_folder_with_its_listing_unless_the_team_turns_it_off()
    {
        Folder.WriteFile("model.zip", "weights");
        Folder.WriteFile("checkpoints/epoch1.bin", "one");
        Folder.WriteFile("checkpoints/epoch2.bin", "two");
        RunRecord record;
        using (var run = ReproRun.Start("cached", Options()))
        {
            run.LogOutput(Path.Combine(Folder.Path, "model.zip"));
            run.LogOutput(Path.Combine(Folder.Path, "checkpoints"));
            run.Complete();
            record = RunRecordSerializer.ReadFile(run.RecordPath);
        }

        var cache = new Repro.Build.Store.LocalCache(Path.Combine(Folder.Path, ".repro", "cache"));
        Assert.Equal("weights", File.ReadAllText(cache.ObjectPath(Sha256("weights"))));
        Assert.True(cache.Contains(Sha256("one")) && cache.Contains(Sha256("two")));
        var folder = record.Outputs.Single(o => o.Path == "checkpoints/");
        var listing = Repro.Build.Store.DirectoryListing.Decode(File.ReadAllBytes(cache.ObjectPath(folder.Sha256!)));
        Assert.Equal(new[] { "epoch1.bin", "epoch2.bin" }, listing.Select(e => e.Key));
        Assert.Equal(Sha256("one"), listing[0].Value);
        Assert.DoesNotContain(record.Diagnostics, d => d.Id == DiagnosticIds.RunNotCached);

        // A team that keeps its models elsewhere turns it off in the committed configuration.
        Folder.WriteFile(".repro/config.json", """{ "cache": { "outputs": false } }""");
        Folder.WriteFile("other.zip", "other weights");
        using (var run = ReproRun.Start("not cached", Options()))
        {
            run.LogOutput(Path.Combine(Folder.Path, "other.zip"));
        }

        Assert.False(cache.Contains(Sha256("other weights")));
    }

    [Fact]
    public void A_parameter_set_again_to_another_value_throws_REPRO404_and_keeps_the_first()
    {
        using var run = ReproRun.Start(options: Options());
        run.LogParam("lr", 0.1);
        run.LogParam("lr", 0.1);

        var error = Assert.Throws<InvalidOperationException>(() => run.LogParam("lr", 0.2));
        Assert.StartsWith("REPRO404: the parameter 'lr'", error.Message, StringComparison.Ordinal);
        using (var step = run.Step("train"))
        {
            step.LogParam("lr", 0.5); // a step's parameters are its own
        }

        run.Complete();
        var record = RunRecordSerializer.ReadFile(run.RecordPath);
        Assert.Equal("0.1", record.Params["lr"]);
        Assert.Equal("0.5", record.Steps[0].Params["lr"]);
        Assert.Contains(record.Diagnostics, d => d.Id == DiagnosticIds.ParamConflict);
    }

    [Fact]
    public void A_runs_folder_that_cannot_be_written_warns_once_and_the_training_goes_on()
    {
        var blocker = Folder.WriteFile("not-a-folder", "x");
        var options = Options();
        options.RunsDirectory = Path.Combine(blocker, "runs");
        options.FlushInterval = TimeSpan.FromMilliseconds(10);
        using (var run = ReproRun.Start(options: options))
        {
            run.LogParam("lr", 0.1);
            for (var i = 0; i < 1000; i++)
            {
                run.LogMetric("loss", i, i);
            }

            using (var step = run.Step("train"))
            {
                step.LogParam("epochs", 3);
            }

            run.Fail(new InvalidOperationException("diverged"));
            Assert.Equal(RunStatus.Failed, run.Status);
        }

        var warnings = Stderr.ToString().Split('\n').Where(l => l.StartsWith("warning REPRO402", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings);
        Assert.Contains("REPRO_RUNS_DIR", warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_output_is_recorded_without_a_hash_with_REPRO406()
    {
        using var run = ReproRun.Start(options: Options());
        run.LogOutput(Path.Combine(Folder.Path, "never-written.zip"));
        run.Complete();

        var record = RunRecordSerializer.ReadFile(run.RecordPath);
        Assert.Null(Assert.Single(record.Outputs).Sha256);
        Assert.Contains(record.Diagnostics, d => d.Id == DiagnosticIds.RunFileMissing);
        Assert.Contains("warning REPRO406:", Stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_logged_from_many_threads_are_all_written_and_an_async_run_disposes()
    {
        string recordPath;
        await using (var run = ReproRun.Start(options: Options()))
        {
            recordPath = run.RecordPath;
            await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
            {
                for (var i = 0; i < 100_000; i++)
                {
                    run.LogMetric("worker" + t, i, i);
                }
            })));
        }

        var points = MetricsFileFormat.Read(Path.Combine(Path.GetDirectoryName(recordPath)!, MetricsFileFormat.FileName), out var malformed);
        Assert.Equal(0, malformed);
        Assert.Equal(400_000, points.Count(p => p.Key.StartsWith("worker", StringComparison.Ordinal))); // and system/ samples when it took a second
        var record = RunRecordSerializer.ReadFile(recordPath);
        Assert.All(Enumerable.Range(0, 4), t => Assert.Equal(100_000, record.Metrics["worker" + t].Count));
    }

    [Fact]
    public void Json_config_files_become_dotted_parameters_and_an_input()
    {
        var config = Folder.WriteFile("hparams.json", """{ "optimizer": { "lr": 0.001, "betas": [0.9, 0.999] }, "epochs": 10, "token": "ghp_abcdefghijklmnopqrstuvwxyz0123456789" }""");
        using var run = ReproRun.Start(options: Options());
        run.LogParamsFromJsonFile(config);
        run.Complete();

        var record = RunRecordSerializer.ReadFile(run.RecordPath);
        Assert.Equal("0.001", record.Params["optimizer.lr"]);
        Assert.Equal("[0.9, 0.999]", record.Params["optimizer.betas"]);
        Assert.Equal("10", record.Params["epochs"]);
        Assert.Equal("<redacted>", record.Params["token"]);
        Assert.Equal("hparams.json", Assert.Single(record.Inputs).Path);
    }

    [Fact]
    public void Secret_values_are_redacted_by_their_shape_whatever_the_parameter_is_called()
    {
        using var run = ReproRun.Start(options: Options());
        run.LogParams(new Dictionary<string, object>
        {
            ["bucket_id"] = "AKIAIOSFODNN7EXAMPLE",
            ["bucket_other"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            ["commit"] = "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
            ["endpoint"] = "https://acct.blob.core.windows.net/data?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2027-01-01T00:00:00Z&sig=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo%3D",
            ["storage"] = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo=;EndpointSuffix=core.windows.net",
            ["hub"] = "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            ["chat"] = "xoxb-123456789012-abcdefghijklmnop",
            ["session"] = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            ["gcp"] = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n",
            ["run_guid"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
        });
        run.Complete();

        var record = RunRecordSerializer.ReadFile(run.RecordPath);
        Assert.Equal(SecretDetectorRedacted, record.Params["bucket_id"]);
        Assert.Equal(SecretDetectorRedacted, record.Params["bucket_other"]);
        Assert.Equal("4b825dc642cb6eb9a060e54bf8d69288fbee4904", record.Params["commit"]); // a git SHA is not an AWS key
        Assert.DoesNotContain("Zm9vYmFy", record.Params["endpoint"], StringComparison.Ordinal);
        Assert.StartsWith("https://acct.blob.core.windows.net/data?sv=2022-11-02", record.Params["endpoint"], StringComparison.Ordinal);
        Assert.DoesNotContain("Zm9vYmFy", record.Params["storage"], StringComparison.Ordinal);
        Assert.Equal(SecretDetectorRedacted, record.Params["hub"]);
        Assert.Equal(SecretDetectorRedacted, record.Params["chat"]);
        Assert.Equal(SecretDetectorRedacted, record.Params["session"]);
        Assert.DoesNotContain("MIIEvQ", record.Params["gcp"], StringComparison.Ordinal);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", record.Params["run_guid"]);
        Assert.DoesNotContain("wJalrXUtnFEMI", File.ReadAllText(run.RecordPath), StringComparison.Ordinal);
    }

    [Fact]
    public void An_aws_secret_key_logged_before_its_key_id_is_redacted_too()
    {
        using var run = ReproRun.Start(options: Options());
        run.LogParam("b", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        run.LogParam("a", "AKIAIOSFODNN7EXAMPLE");
        run.Complete();

        var record = RunRecordSerializer.ReadFile(run.RecordPath);
        Assert.Equal(SecretDetectorRedacted, record.Params["a"]);
        Assert.Equal(SecretDetectorRedacted, record.Params["b"]);
    }

    private const string SecretDetectorRedacted = Repro.Build.Security.SecretDetector.Redacted;

    [Fact]
    public void Run_ids_sort_by_start_time_and_two_runs_at_once_get_their_own_folders()
    {
        using var first = ReproRun.Start(options: Options());
        using var second = ReproRun.Start(options: Options());
        Assert.NotEqual(first.RunDirectory, second.RunDirectory);
        Assert.Matches("^[0-9]{8}-[0-9]{6}-[0-9]{3}-[0-9a-f]{6}$", first.RunId);
        Assert.True(string.CompareOrdinal(first.RunId[..19], second.RunId[..19]) <= 0);
    }

    [Fact]
    public void The_command_line_keeps_its_shape_with_secrets_redacted()
    {
        var redacted = CommandLine.Redacted(new[] { "train.dll", "--epochs", "3", "--api-key", "sk-live-123", "--password=hunter2", "--data", "https://user:pw@host/x.csv" });
        Assert.Equal(new[] { "train.dll", "--epochs", "3", "--api-key", "<redacted>", "--password=<redacted>", "--data", "https://<redacted>@host/x.csv" }, redacted);
    }

    private static string Sha256(string text) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
