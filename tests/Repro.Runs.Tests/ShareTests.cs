using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Repro.Build;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Runs.Records;

namespace Repro.Runs.Tests;

/// <summary>Automatic sharing (ReproRunOptions.ShareRemote, REPRO_RUNS_SHARE) and the build's branch and patch in the record.</summary>
public sealed class ShareTests : CapturedStderrTests
{
    private ReproRunOptions Options(string? remote, double timeoutSeconds = 30) => new()
    {
        RunsDirectory = Path.Combine(Folder.Path, ".repro", "runs"),
        ProjectDirectory = Folder.Path,
        Assembly = typeof(ShareTests).Assembly,
        ShareRemote = remote,
        ShareTimeout = TimeSpan.FromSeconds(timeoutSeconds),
    };

    private static string Git(string directory, params string[] arguments) =>
        GitOrNull(directory, arguments) ?? throw new Xunit.Sdk.XunitException($"git {string.Join(" ", arguments)} failed");

    /// <summary>git's output, or null when it fails (a ref not pushed yet).</summary>
    private static string? GitOrNull(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Trim() : null;
    }

    private static RunRecord? WaitForShared(string remote, string path, Func<RunRecord, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var text = GitOrNull(remote, "show", path);
            var shared = text is null ? null : RunRecordSerializer.FromUtf8Bytes(Encoding.UTF8.GetBytes(text));
            if (shared is not null && done(shared))
            {
                return shared;
            }

            Thread.Sleep(100);
        }

        return null;
    }

    private string Repository()
    {
        Git(Folder.Path, "init", "-q", "-b", "main");
        return Folder.Path;
    }

    private string[] WarningLines() => Stderr.ToString().Split('\n').Where(l => l.Contains("REPRO", StringComparison.Ordinal)).ToArray();

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(" false ", null)]
    [InlineData("0", null)]
    [InlineData("true", "origin")]
    [InlineData("TRUE", "origin")]
    [InlineData("1", "origin")]
    [InlineData("team", "team")]
    public void REPRO_RUNS_SHARE_is_off_unless_set_and_true_means_origin(string? value, string? remote)
    {
        Assert.Equal(remote, ShareSettings.RemoteFrom(value));
    }

    [Fact]
    public void A_URL_or_a_bad_timeout_is_refused_with_REPRO407_without_repeating_the_value()
    {
        Assert.Equal(TimeSpan.FromSeconds(2.5), ShareSettings.TimeoutFrom("2.5"));
        Assert.Null(ShareSettings.TimeoutFrom("-1"));
        Assert.Null(ShareSettings.TimeoutFrom("soon"));
        Assert.Null(ShareSettings.TimeoutProblem(null));
        Assert.Contains(ShareSettings.TimeoutVariable, ShareSettings.TimeoutProblem("soon"), StringComparison.Ordinal);
        Assert.True(ShareSettings.IsRemoteName("origin"));
        Assert.True(ShareSettings.IsRemoteName("team-2.backup"));
        Assert.False(ShareSettings.IsRemoteName("--upload-pack=touch x"));
        Assert.False(ShareSettings.IsRemoteName("../other"));

        Repository();
        const string url = "https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@example.invalid/team.git";
        string recordPath;
        using (var run = ReproRun.Start("url", Options(url)))
        {
            recordPath = run.RecordPath;
        }

        var record = RunRecordSerializer.ReadFile(recordPath);
        Assert.Null(record.Share);
        Assert.Equal(RunStatus.Finished, record.Status);
        Assert.Single(record.Diagnostics, d => d.Id == DiagnosticIds.RunNotShared);
        Assert.Single(WarningLines(), l => l.Contains("REPRO407", StringComparison.Ordinal));
        Assert.DoesNotContain("ghp_", Stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", File.ReadAllText(recordPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_pushes_itself_to_the_remote_and_its_final_state_is_there_when_it_ends()
    {
        var repository = Repository();
        var remote = Path.Combine(Folder.Path, "team.git");
        Git(Folder.Path, "init", "-q", "--bare", remote);
        Git(repository, "remote", "add", "origin", remote);

        string runId;
        using (var run = ReproRun.Start("shared", Options(ShareSettings.RemoteFrom("true")!)))
        {
            runId = run.RunId;
            run.LogParam("learningRate", 0.1);
            run.LogMetric("loss", 0.5, 1);
        }

        var listing = Git(remote, "ls-tree", "-r", "--name-only", "refs/repro/runs");
        Assert.Contains($"/{runId}/run.json", listing, StringComparison.Ordinal);
        Assert.Contains($"/{runId}/metrics.jsonl", listing, StringComparison.Ordinal);
        var shared = RunRecordSerializer.FromUtf8Bytes(Encoding.UTF8.GetBytes(Git(remote, "show", "refs/repro/runs:" + Sharing.RunRefStore.RunPath(runId) + "/run.json")));
        Assert.Equal(RunStatus.Finished, shared.Status);
        Assert.Equal("0.1", shared.Params["learningRate"]);
        Assert.Equal("origin", shared.Share!.Remote);
        Assert.Equal(120, shared.Share.IntervalSeconds);
        Assert.DoesNotContain(WarningLines(), l => l.Contains("REPRO407", StringComparison.Ordinal));
        Assert.Equal("main", Git(repository, "symbolic-ref", "--short", "HEAD")); // branches untouched
    }

    [Fact]
    public void A_running_run_is_shared_again_every_interval_with_what_it_has_logged_so_far()
    {
        var repository = Repository();
        var remote = Path.Combine(Folder.Path, "team.git");
        Git(Folder.Path, "init", "-q", "--bare", remote);
        Git(repository, "remote", "add", "origin", remote);
        var options = Options("origin");
        options.ShareInterval = TimeSpan.FromMilliseconds(200);
        options.FlushInterval = TimeSpan.FromMilliseconds(50);

        using var run = ReproRun.Start("periodic", options);
        var path = "refs/repro/runs:" + Sharing.RunRefStore.RunPath(run.RunId) + "/run.json";

        // The push at start makes the run visible; what is logged after it reaches the remote with a later push, in
        // the background, while the run goes on. Both waits are bounded.
        Assert.NotNull(WaitForShared(remote, path, _ => true));
        run.LogParam("epochs", 3);
        run.LogMetric("loss", 0.9, 1);
        var shared = WaitForShared(remote, path, record => record.Params.ContainsKey("epochs"));

        Assert.NotNull(shared);
        Assert.Equal(RunStatus.Running, shared!.Status);
        Assert.Equal("3", shared.Params["epochs"]);
        run.Complete();
    }

    [Fact]
    public void A_remote_that_never_answers_costs_the_run_the_timeout_and_one_REPRO407_line_never_an_exception()
    {
        var repository = Repository();
        // An ssh "transport" that hangs: git waits on it until the run's timeout kills it.
        Git(repository, "config", "core.sshCommand", "sh -c 'sleep 60' --");
        Git(repository, "remote", "add", "origin", "ssh://git@repro.invalid/team.git");

        var clock = Stopwatch.StartNew();
        string recordPath;
        using (var run = ReproRun.Start("offline", Options("origin", timeoutSeconds: 1)))
        {
            recordPath = run.RecordPath;
            run.LogMetric("loss", 0.25, 1);
            System.Threading.Thread.Sleep(200);
        }

        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the run took {clock.Elapsed} to end");
        var record = RunRecordSerializer.ReadFile(recordPath);
        Assert.Equal(RunStatus.Finished, record.Status);
        var diagnostic = Assert.Single(record.Diagnostics, d => d.Id == DiagnosticIds.RunNotShared);
        Assert.Contains("'origin'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet repro push origin", diagnostic.Message, StringComparison.Ordinal);
        var line = Assert.Single(WarningLines(), l => l.Contains("REPRO407", StringComparison.Ordinal));
        Assert.StartsWith("warning REPRO407: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dirty_build_gives_the_record_its_branch_and_a_copy_of_its_patch_without_secret_files()
    {
        var clean = "diff --git a/src/Train.cs b/src/Train.cs\n--- a/src/Train.cs\n+++ b/src/Train.cs\n@@ -1 +1 @@\n-var rate = 0.1;\n+var rate = 0.2;\n";
        var secret = "diff --git a/src/Keys.cs b/src/Keys.cs\n--- a/src/Keys.cs\n+++ b/src/Keys.cs\n@@ -0,0 +1 @@\n+var token = \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\";\n";
        var patch = Encoding.UTF8.GetBytes(clean + secret);
        var output = Directory.CreateDirectory(Path.Combine(Folder.Path, "bin")).FullName;
        File.WriteAllBytes(Path.Combine(output, "Trainer.repro.patch"), patch);
        var manifest = new ReproManifest
        {
            Fingerprint = "sha256:" + new string('f', 64),
            Project = new ProjectSection { Name = "Trainer" },
            Git = new GitSection { Commit = new string('a', 40), Branch = "feature/deeper-trees", Dirty = true, Patch = "Trainer.repro.patch", PatchSha256 = Hashing.Sha256Hex(patch) },
        };
        var options = Options(remote: null);
        options.Build = BuildLink.From("Trainer", EmbeddedManifestWriter.ToUtf8Bytes(manifest), ManifestSerializer.FromUtf8Bytes(ManifestSerializer.ToUtf8Bytes(manifest)), output);

        string recordPath, runDirectory;
        using (var run = ReproRun.Start("dirty", options))
        {
            recordPath = run.RecordPath;
            runDirectory = run.RunDirectory;
        }

        var record = RunRecordSerializer.ReadFile(recordPath);
        Assert.Equal("feature/deeper-trees", record.Build!.Branch);
        Assert.Equal("build.patch", record.Build.Patch);
        Assert.Equal(clean, File.ReadAllText(Path.Combine(runDirectory, "build.patch")));

        // A patch that is not the one the build hashed (edited, or left from another build) is not taken.
        File.WriteAllText(Path.Combine(output, "Trainer.repro.patch"), clean);
        using (var run = ReproRun.Start("stale", options))
        {
            recordPath = run.RecordPath;
            runDirectory = run.RunDirectory;
        }

        Assert.Null(RunRecordSerializer.ReadFile(recordPath).Build!.Patch);
        Assert.False(File.Exists(Path.Combine(runDirectory, "build.patch")));
    }
}
