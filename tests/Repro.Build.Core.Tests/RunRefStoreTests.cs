using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Repro.Build.Sharing;

namespace Repro.Build.Core.Tests;

/// <summary>
/// Runs shared through git: a bare repository plays the team's remote, clones in temporary folders play its members,
/// all with the real git CLI.
/// </summary>
public sealed class RunRefStoreTests : IDisposable
{
    private readonly TemporaryDirectory _root = new();
    private readonly string _remote;

    public RunRefStoreTests()
    {
        _remote = _root.Combine("team.git");
        GitCli.Run(_root.Path, "init", "-q", "--bare", "-b", "main", _remote);
        var seed = _root.Combine("seed");
        GitCli.Run(_root.Path, "clone", "-q", _remote, seed);
        File.WriteAllText(Path.Combine(seed, "train.cs"), "// training code\n");
        GitCli.Run(seed, "add", "-A");
        GitCli.Run(seed, "commit", "-q", "-m", "code");
        GitCli.Run(seed, "push", "-q", "origin", "main");
    }

    public void Dispose() => _root.Dispose();

    private string Clone(string name)
    {
        var path = _root.Combine(name);
        GitCli.Run(_root.Path, "clone", "-q", _remote, path);
        return path;
    }

    private string WriteRun(string clone, string runId, string status, int metricLines = 1, string lastWriteTime = "2026-11-28T07:00:00.000Z")
    {
        var folder = Path.Combine(clone, ".repro", "runs", runId);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "run.json"), $"{{\"id\":\"{runId}\",\"status\":\"{status}\",\"lastWriteTime\":\"{lastWriteTime}\"}}\n");
        File.WriteAllText(Path.Combine(folder, "metrics.jsonl"), string.Concat(Enumerable.Range(0, metricLines).Select(i => $"{{\"key\":\"loss\",\"step\":{i},\"value\":{1.0 / (i + 1)}}}\n")));
        return folder;
    }

    private static string Save(string clone, string runId, string folder) =>
        new RunRefStore(clone).Save(new Dictionary<string, string> { [runId] = folder }, "run " + runId)!;

    [Fact]
    public void Save_writes_the_run_on_the_ref_without_touching_the_work_tree_the_index_or_the_branches()
    {
        var alice = Clone("alice");
        var head = GitCli.Run(alice, "rev-parse", "HEAD");
        var index = File.ReadAllBytes(Path.Combine(alice, ".git", "index"));
        var folder = WriteRun(alice, "20261128-0001-a", "finished");
        File.WriteAllText(Path.Combine(folder, ".run.lock"), "");

        var commit = Save(alice, "20261128-0001-a", folder);

        Assert.NotNull(commit);
        var runs = new RunRefStore(alice).List();
        var run = Assert.Single(runs);
        Assert.Equal("20261128-0001-a", run.Key);
        Assert.Equal(new[] { "metrics.jsonl", "run.json" }, run.Value.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "run.json")), new RunRefStore(alice).ReadBlob(run.Value["run.json"]));
        Assert.StartsWith("runs/", GitCli.Run(alice, "ls-tree", "-r", "--name-only", RunRefStore.LocalRef).Split('\n')[0]);

        Assert.Equal(head, GitCli.Run(alice, "rev-parse", "HEAD"));
        Assert.Equal("main", GitCli.Run(alice, "rev-parse", "--abbrev-ref", "HEAD"));
        Assert.Equal(index, File.ReadAllBytes(Path.Combine(alice, ".git", "index")));
        Assert.Equal("?? .repro/", GitCli.Run(alice, "status", "--porcelain")); // the run folder only; nothing staged
        Assert.Null(Save(alice, "20261128-0001-a", folder)); // unchanged: no new commit
    }

    [Fact]
    public void Runs_pushed_by_one_clone_reach_the_other_and_both_end_with_the_same_runs()
    {
        var alice = Clone("alice");
        var bob = Clone("bob");
        Save(alice, "run-alice", WriteRun(alice, "run-alice", "finished"));
        Save(bob, "run-bob", WriteRun(bob, "run-bob", "finished"));

        var first = new RunRefStore(alice).Push("origin");
        var second = new RunRefStore(bob).Push("origin"); // the remote moved: bob merges alice's run, then pushes
        var pulled = new RunRefStore(alice).Pull("origin");

        Assert.True(first.Pushed);
        Assert.True(second.Pushed);
        Assert.Equal(1, second.NewRuns);
        Assert.Equal(1, pulled.NewRuns);
        Assert.Equal(new[] { "run-alice", "run-bob" }, new RunRefStore(alice).List().Keys);
        Assert.Equal(GitCli.Run(alice, "rev-parse", RunRefStore.LocalRef + "^{tree}"), GitCli.Run(bob, "rev-parse", RunRefStore.LocalRef + "^{tree}"));
        Assert.Equal(new[] { "main" }, GitCli.Run(_remote, "for-each-ref", "--format=%(refname:short)", "refs/heads").Split('\n'));
    }

    [Fact]
    public void Simultaneous_pushes_from_two_clones_lose_no_run()
    {
        var alice = Clone("alice");
        var bob = Clone("bob");
        for (var i = 0; i < 4; i++)
        {
            Save(alice, $"alice-{i}", WriteRun(alice, $"alice-{i}", "finished"));
            Save(bob, $"bob-{i}", WriteRun(bob, $"bob-{i}", "finished"));
        }

        Parallel.Invoke(
            () => new RunRefStore(alice).Push("origin"),
            () => new RunRefStore(bob).Push("origin"));

        var carol = Clone("carol");
        new RunRefStore(carol).Pull("origin");
        Assert.Equal(8, new RunRefStore(carol).List().Count);
    }

    [Fact]
    public void A_run_shared_while_running_is_updated_when_shared_again()
    {
        var alice = Clone("alice");
        var bob = Clone("bob");
        Save(alice, "long-run", WriteRun(alice, "long-run", "running", metricLines: 2));
        new RunRefStore(alice).Push("origin");
        Assert.Equal(1, new RunRefStore(bob).Pull("origin").NewRuns);

        Save(alice, "long-run", WriteRun(alice, "long-run", "finished", metricLines: 50, lastWriteTime: "2026-11-28T07:05:00.000Z"));
        new RunRefStore(alice).Push("origin");
        var pulled = new RunRefStore(bob).Pull("origin");

        Assert.Equal(0, pulled.NewRuns);
        Assert.Equal(1, pulled.UpdatedRuns);
        var run = new RunRefStore(bob).List()["long-run"];
        Assert.Contains("finished", Encoding.UTF8.GetString(new RunRefStore(bob).ReadBlob(run["run.json"])), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_run_changed_in_two_clones_converges_on_the_longer_record()
    {
        var alice = Clone("alice");
        var bob = Clone("bob");
        Save(alice, "shared", WriteRun(alice, "shared", "running", metricLines: 1));
        new RunRefStore(alice).Push("origin");
        new RunRefStore(bob).Pull("origin");
        Save(alice, "shared", WriteRun(alice, "shared", "running", metricLines: 3));
        Save(bob, "shared", WriteRun(bob, "shared", "running", metricLines: 9));

        new RunRefStore(alice).Push("origin");
        new RunRefStore(bob).Push("origin");
        new RunRefStore(alice).Pull("origin");

        var metrics = new RunRefStore(alice).ReadBlob(new RunRefStore(alice).List()["shared"]["metrics.jsonl"]);
        Assert.Equal(9, Encoding.UTF8.GetString(metrics).Count(c => c == '\n'));
        Assert.Equal(GitCli.Run(alice, "rev-parse", RunRefStore.LocalRef + "^{tree}"), GitCli.Run(bob, "rev-parse", RunRefStore.LocalRef + "^{tree}"));
    }

    [Fact]
    public void A_repository_without_the_remote_gets_a_message_that_says_what_to_do()
    {
        var lonely = _root.Combine("lonely");
        GitCli.Run(_root.Path, "init", "-q", "-b", "main", lonely);

        var none = Assert.Throws<RunShareException>(() => new RunRefStore(lonely).Push("origin"));
        var wrong = Assert.Throws<RunShareException>(() => new RunRefStore(Clone("alice")).Pull("upstream"));

        Assert.Contains("git remote add origin URL", none.Message, StringComparison.Ordinal);
        Assert.Contains("no remote named 'upstream' (it has: origin)", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_in_the_remote_URL_never_reach_a_message()
    {
        var alice = Clone("alice");
        GitCli.Run(alice, "remote", "add", "private", "http://alice:s3cr3t-T0ken-value@127.0.0.1:9/team.git");
        GitCli.Run(alice, "remote", "add", "tokened", "http://ghp_abcdefghijklmnopqrstuvwxyz0123456789@127.0.0.1:9/team.git");
        Save(alice, "r", WriteRun(alice, "r", "finished"));

        var withPassword = Assert.Throws<RunShareException>(() => new RunRefStore(alice).Push("private"));
        var withToken = Assert.Throws<RunShareException>(() => new RunRefStore(alice).Pull("tokened"));

        Assert.DoesNotContain("s3cr3t", withPassword.Message + withPassword.InnerException, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", withToken.Message + withToken.InnerException, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", withPassword.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ref_s_files_are_read_in_one_batch_and_known_by_the_blob_ids_of_the_files_on_disk()
    {
        var alice = Clone("alice");
        var folder = WriteRun(alice, "exported", "finished", metricLines: 5);
        Save(alice, "exported", folder);
        var store = new RunRefStore(alice);
        var run = store.List()["exported"];

        var contents = store.ReadBlobs(run.Values.ToList());
        var ids = store.BlobIdsOf(new[] { Path.Combine(folder, "metrics.jsonl"), Path.Combine(folder, "run.json") });

        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "metrics.jsonl")), contents[run["metrics.jsonl"]]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "run.json")), contents[run["run.json"]]);
        Assert.Equal(new[] { run["metrics.jsonl"], run["run.json"] }, ids);
    }

    [Fact]
    public void An_older_copy_of_a_run_in_the_folder_never_replaces_the_newer_one_on_the_ref()
    {
        var alice = Clone("alice");
        var bob = Clone("bob");
        Save(alice, "watched", WriteRun(alice, "watched", "running", metricLines: 2, lastWriteTime: "2026-11-28T07:00:10.000Z"));
        new RunRefStore(alice).Push("origin");
        new RunRefStore(bob).Pull("origin");
        var stale = WriteRun(bob, "watched", "running", metricLines: 2, lastWriteTime: "2026-11-28T07:00:10.000Z"); // bob's copy of it
        Save(alice, "watched", WriteRun(alice, "watched", "running", metricLines: 7, lastWriteTime: "2026-11-28T07:00:20.000Z"));
        new RunRefStore(alice).Push("origin");
        new RunRefStore(bob).Pull("origin");

        // Bob shares his own run; his folder still holds the older copy of alice's.
        Save(bob, "bobs", WriteRun(bob, "bobs", "finished"));
        new RunRefStore(bob).Save(new Dictionary<string, string> { ["watched"] = stale }, "stale copy");
        new RunRefStore(bob).Push("origin");
        new RunRefStore(alice).Pull("origin");

        foreach (var clone in new[] { alice, bob })
        {
            var store = new RunRefStore(clone);
            var run = store.List()["watched"];
            Assert.Contains("07:00:20", Encoding.UTF8.GetString(store.ReadBlob(run["run.json"])), StringComparison.Ordinal);
            Assert.Equal(7, Encoding.UTF8.GetString(store.ReadBlob(run["metrics.jsonl"])).Count(c => c == '\n'));
        }
    }
}
