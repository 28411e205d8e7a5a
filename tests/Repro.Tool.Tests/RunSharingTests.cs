using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Repro.Build.Core.Tests;
using Repro.Runs.Sharing;
using Repro.Runs.Tests;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

/// <summary>
/// <c>dotnet repro pull</c> and <c>push</c> through <see cref="RunSharing"/>, against a bare repository that plays the
/// team's remote and, where it matters, serves the trees of an attacker (<see cref="HostileRefs"/>).
/// </summary>
public sealed class RunSharingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "repro-sharing-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _remote;

    public RunSharingTests()
    {
        _remote = Path.Combine(_root, "team.git");
        Directory.CreateDirectory(_root);
        GitCli.Run(_root, "init", "-q", "--bare", "-b", "main", _remote);
        var seed = Path.Combine(_root, "seed");
        GitCli.Run(_root, "clone", "-q", _remote, seed);
        File.WriteAllText(Path.Combine(seed, "Program.cs"), "// training code\n");
        GitCli.Run(seed, "add", "-A");
        GitCli.Run(seed, "commit", "-q", "-m", "code");
        GitCli.Run(seed, "push", "-q", "origin", "main");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Theory]
    [InlineData(".repro/runs")] // the default
    [InlineData(".")] // REPRO_RUNS_DIR at the top of the work tree, beside Program.cs
    [InlineData("src")]
    public void A_hostile_pull_writes_nothing_outside_the_folders_of_valid_runs(string runsFolder)
    {
        var alice = Clone("alice");
        var bob = Clone("bob");
        WriteRun(alice, ".repro/runs", "20261207-090000-000-aaaaaa", metricLines: 3);
        RunSharing.ForDirectory(alice, ".repro/runs").Push("origin");
        RunSharing.ForDirectory(bob, runsFolder).Pull("origin"); // bob has pulled before: the attack fast-forwards him
        var parent = GitCli.Run(_remote, "rev-parse", RunRefStore.LocalRef);
        var attack = HostileRefs.Attack("20261207-100000-000-bbbbbb").ToList();
        GitCli.Run(_remote, "update-ref", RunRefStore.LocalRef, HostileRefs.Commit(_remote, attack, parent));
        var before = Snapshot(bob);

        var sharing = RunSharing.ForDirectory(bob, runsFolder);
        var (result, written) = sharing.Pull("origin");

        Assert.Equal(1, result.NewRuns);
        Assert.Equal(1, written);
        var runs = Path.GetFullPath(Path.Combine(bob, runsFolder));
        var allowed = new[] { Path.Combine(runs, "20261207-100000-000-bbbbbb", "run.json"), Path.Combine(runs, SyncState.FileName) };
        var changed = Snapshot(bob).Where(f => !before.TryGetValue(f.Key, out var hash) || hash != f.Value).Select(f => f.Key).ToList();
        Assert.Empty(changed.Except(allowed));
        Assert.Empty(before.Keys.Except(Snapshot(bob).Keys)); // nothing removed either
        Assert.Equal("// training code\n", File.ReadAllText(Path.Combine(bob, "Program.cs")));
        Assert.Contains(sharing.AllWarnings, w => w.Contains("'runs/ab/../../Program.cs' is not a run's file", StringComparison.Ordinal));
        Assert.Equal(attack.Count - 1, sharing.AllWarnings.Count);
    }

    [Fact]
    public void A_file_over_its_limit_is_named_and_skipped_and_the_rest_of_the_pull_goes_on()
    {
        var alice = Clone("alice");
        var bob = Clone("bob");
        WriteRun(alice, ".repro/runs", "big-run", metricLines: 40_000); // ~2 MB of metrics
        WriteRun(alice, ".repro/runs", "small-run", metricLines: 3);
        RunSharing.ForDirectory(alice, ".repro/runs").Push("origin");

        Environment.SetEnvironmentVariable(ShareLimits.FileVariable, "1");
        try
        {
            var sharing = RunSharing.ForDirectory(bob, ".repro/runs");
            var (result, _) = sharing.Pull("origin");

            Assert.Equal(2, result.NewRuns);
            var runs = Path.Combine(bob, ".repro", "runs");
            Assert.True(File.Exists(Path.Combine(runs, "big-run", "run.json")));
            Assert.False(File.Exists(Path.Combine(runs, "big-run", "metrics.jsonl")));
            Assert.True(File.Exists(Path.Combine(runs, "small-run", "metrics.jsonl")));
            var warning = Assert.Single(sharing.AllWarnings);
            Assert.Matches(@"^run big-run: the shared metrics\.jsonl is 2\.\d MiB, over the limit of 1 MiB \(REPRO_SHARE_MAX_FILE_MB raises it\); it was not written$", warning);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ShareLimits.FileVariable, null);
        }
    }

    [Fact]
    public void A_second_exchange_with_nothing_new_writes_nothing_and_new_runs_arrive_alone()
    {
        var alice = Clone("alice");
        var bob = Clone("bob");
        for (var i = 0; i < 5; i++)
        {
            WriteRun(alice, ".repro/runs", $"run-{i}", metricLines: 3);
        }

        RunSharing.ForDirectory(alice, ".repro/runs").Push("origin");
        Assert.Equal(5, RunSharing.ForDirectory(bob, ".repro/runs").Pull("origin").Written);
        var again = RunSharing.ForDirectory(bob, ".repro/runs").Pull("origin");
        Assert.Equal((0, 0, 0), (again.Result.NewRuns, again.Result.UpdatedRuns, again.Written));

        WriteRun(alice, ".repro/runs", "run-new", metricLines: 3);
        var (saved, pushed) = RunSharing.ForDirectory(alice, ".repro/runs").Push("origin");
        Assert.Equal(6, saved);
        Assert.True(pushed.Pushed);
        var last = RunSharing.ForDirectory(bob, ".repro/runs").Pull("origin");
        Assert.Equal((1, 1), (last.Result.NewRuns, last.Written));

        // bob's sync state is the reason: without it, the same pull compares every file again and still writes nothing
        File.Delete(Path.Combine(bob, ".repro", "runs", SyncState.FileName));
        Assert.Equal(0, RunSharing.ForDirectory(bob, ".repro/runs").Pull("origin").Written);
    }

    [Fact]
    public void A_run_deleted_from_the_remote_is_removed_from_every_clone_at_its_next_pull_and_a_clone_that_still_has_it_cannot_share_it_again()
    {
        var alice = Clone("alice");
        var bob = Clone("bob");
        foreach (var id in new[] { "run-keep", "run-drop" })
        {
            WriteRun(alice, ".repro/runs", id, metricLines: 2);
        }

        RunSharing.ForDirectory(alice, ".repro/runs").Push("origin");
        RunSharing.ForDirectory(bob, ".repro/runs").Pull("origin");
        Assert.True(Directory.Exists(Path.Combine(bob, ".repro", "runs", "run-drop")));

        var deleted = RunSharing.ForDirectory(alice, ".repro/runs").Delete(["run-drop"], "origin");

        Assert.Equal(["run-drop"], deleted);
        Assert.False(Directory.Exists(Path.Combine(alice, ".repro", "runs", "run-drop")));
        // Bob still has it and pushes before pulling: the merge keeps the tombstone, and his copy goes.
        RunSharing.ForDirectory(bob, ".repro/runs").Push("origin");
        Assert.False(Directory.Exists(Path.Combine(bob, ".repro", "runs", "run-drop")));
        Assert.True(Directory.Exists(Path.Combine(bob, ".repro", "runs", "run-keep")));
        var carol = Clone("carol");
        RunSharing.ForDirectory(carol, ".repro/runs").Pull("origin");
        Assert.Equal(["run-keep"], Directory.GetDirectories(Path.Combine(carol, ".repro", "runs")).Select(Path.GetFileName));

        // Deleting here only: the shared copy stays, and this clone's next pull does not bring it back.
        RunSharing.ForDirectory(carol, ".repro/runs").Delete(["run-keep"], remote: null);
        RunSharing.ForDirectory(carol, ".repro/runs").Pull("origin");
        Assert.False(Directory.Exists(Path.Combine(carol, ".repro", "runs", "run-keep")));
    }

    private string Clone(string name)
    {
        var path = Path.Combine(_root, name);
        GitCli.Run(_root, "clone", "-q", _remote, path);
        return path;
    }

    private static void WriteRun(string clone, string runsFolder, string runId, int metricLines)
    {
        var folder = Path.Combine(clone, runsFolder, runId);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "run.json"), HostileRefs.Record(runId));
        File.WriteAllText(Path.Combine(folder, "metrics.jsonl"), string.Concat(Enumerable.Range(0, metricLines).Select(i => $"{{\"key\":\"loss\",\"step\":{i},\"value\":{1.0 / (i + 1):R}}}\n")));
    }

    /// <summary>Every file under the clone but .git, with a hash of its content.</summary>
    private static Dictionary<string, string> Snapshot(string clone) =>
        Directory.EnumerateFiles(clone, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => !f.StartsWith(Path.Combine(clone, ".git") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
