using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Repro.Build.Core.Tests;
using Repro.Runs.Records;
using Repro.Runs.Sharing;

namespace Repro.Runs.Tests;

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
    public void Tags_are_shared_and_the_later_edit_wins_even_when_shorter()
    {
        var alice = Clone("alice");
        var bob = Clone("bob");
        var folder = WriteRun(alice, "tagged", "finished");
        void Tag(string runFolder, string time, string note) => File.WriteAllText(Path.Combine(runFolder, RunAnnotationsFile.FileName),
            $"{{\"lastWriteTime\":\"{time}\",\"tags\":{{\"baseline\":\"true\"}},\"note\":\"{note}\"}}\n");
        Tag(folder, "2026-12-07T10:00:00.000Z", "first");
        Save(alice, "tagged", folder);
        new RunRefStore(alice).Push("origin");
        new RunRefStore(bob).Pull("origin");
        Assert.Contains("tags.json", new RunRefStore(bob).List()["tagged"].Keys);

        var bobs = WriteRun(bob, "tagged", "finished");
        Tag(bobs, "2026-12-07T11:00:00.000Z", "a much longer note written by bob in between");
        Tag(folder, "2026-12-07T12:00:00.000Z", "last");
        Save(bob, "tagged", bobs);
        Save(alice, "tagged", folder);
        new RunRefStore(bob).Push("origin");
        new RunRefStore(alice).Push("origin");
        new RunRefStore(bob).Pull("origin");

        foreach (var clone in new[] { alice, bob })
        {
            var tags = Encoding.UTF8.GetString(new RunRefStore(clone).ReadBlob(new RunRefStore(clone).List()["tagged"][RunAnnotationsFile.FileName]));
            Assert.Contains("\"note\":\"last\"", tags, StringComparison.Ordinal);
        }
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
    public void The_ref_s_files_are_streamed_in_one_batch_and_their_ids_are_git_s_own()
    {
        var alice = Clone("alice");
        var folder = WriteRun(alice, "exported", "finished", metricLines: 5);
        Save(alice, "exported", folder);
        var store = new RunRefStore(alice);
        var run = store.List()["exported"];

        var contents = new Dictionary<string, byte[]>();
        store.ReadBlobs(run.Values.ToList(), (id, size, content) =>
        {
            var copy = new MemoryStream();
            content.CopyTo(copy);
            Assert.Equal(size, copy.Length);
            contents[id] = copy.ToArray();
        });

        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "metrics.jsonl")), contents[run["metrics.jsonl"]]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "run.json")), contents[run["run.json"]]);
        // the ids Save computed itself are those git computes
        Assert.Equal(GitCli.Run(alice, "hash-object", Path.Combine(folder, "metrics.jsonl")), run["metrics.jsonl"]);
        Assert.Equal(GitCli.Run(alice, "hash-object", Path.Combine(folder, "run.json")), run["run.json"]);
    }

    [Fact]
    public void A_blob_read_partly_leaves_the_next_one_intact()
    {
        var alice = Clone("alice");
        Save(alice, "a", WriteRun(alice, "a", "finished", metricLines: 5000));
        Save(alice, "b", WriteRun(alice, "b", "finished", metricLines: 3));
        var store = new RunRefStore(alice);
        var ids = new[] { store.List()["a"]["metrics.jsonl"], store.List()["b"]["metrics.jsonl"] };

        var read = new List<string>();
        store.ReadBlobs(ids, (id, size, content) =>
        {
            var buffer = new byte[10];
            content.ReadExactly(buffer); // only the start of each
            read.Add(Encoding.UTF8.GetString(buffer));
        });

        Assert.Equal(2, read.Count);
        Assert.All(read, start => Assert.StartsWith("{\"key\":\"lo", start, StringComparison.Ordinal));
    }

    [Fact]
    public void Unchanged_files_known_to_the_sync_state_are_not_read_again_and_a_save_writes_a_pack_not_loose_objects()
    {
        var alice = Clone("alice");
        // 60 runs: more objects than git's unpack limit (100), under which fast-import leaves them loose on purpose
        var folders = Enumerable.Range(0, 60).ToDictionary(i => $"run-{i}", i => WriteRun(alice, $"run-{i}", "finished", metricLines: 3));
        var state = SyncState.Empty();
        var looseBefore = GitCli.Run(alice, "count-objects").Split(' ')[0];

        Assert.NotNull(new RunRefStore(alice).Save(folders, "all", state));
        Assert.Equal(120, state.Count); // run.json and metrics.jsonl of each run
        Assert.Equal(looseBefore, GitCli.Run(alice, "count-objects").Split(' ')[0]); // fast-import wrote a pack
        Assert.Equal(60, new RunRefStore(alice).List().Count);

        // Unreadable now, but unchanged in size and time: not read, nothing to save.
        var metrics = Path.Combine(folders["run-3"], "metrics.jsonl");
        var time = File.GetLastWriteTimeUtc(metrics);
        File.WriteAllText(metrics, new string('x', (int)new FileInfo(metrics).Length));
        File.SetLastWriteTimeUtc(metrics, time);
        Assert.Null(new RunRefStore(alice).Save(folders, "again", state));

        // A file that grew is shared; the others are not looked at.
        File.AppendAllText(Path.Combine(folders["run-7"], "metrics.jsonl"), "{\"key\":\"loss\",\"step\":9,\"value\":0.1}\n");
        var commit = new RunRefStore(alice).Save(folders, "one", state);
        Assert.NotNull(commit);
        Assert.Equal(new[] { "runs/" + SharedRunNames.ShardOf("run-7") + "/run-7/metrics.jsonl" }, GitCli.Run(alice, "diff-tree", "-r", "--name-only", "--no-commit-id", commit + "^", commit!).Split('\n'));
    }

    [Fact]
    public void A_run_that_has_ended_costs_one_look_at_its_folder_until_something_in_it_is_replaced()
    {
        var alice = Clone("alice");
        var done = WriteRun(alice, "done", "finished", metricLines: 3);
        var live = WriteRun(alice, "live", "running", metricLines: 3);
        var past = DateTime.UtcNow.AddHours(-1);
        Directory.SetLastWriteTimeUtc(done, past);
        Directory.SetLastWriteTimeUtc(live, past);
        var folders = new Dictionary<string, string> { ["done"] = done, ["live"] = live };
        var state = SyncState.Empty();
        Assert.NotNull(new RunRefStore(alice).Save(folders, "first", state));
        Assert.True(state.IsSettled("done", past.Ticks));
        Assert.False(state.IsSettled("live", past.Ticks)); // still running: its metrics may grow

        // An append changes no folder's time: the live run's is seen, the ended run's file is not even looked at.
        File.AppendAllText(Path.Combine(done, "metrics.jsonl"), "{\"key\":\"late\",\"step\":0,\"value\":1}\n");
        File.AppendAllText(Path.Combine(live, "metrics.jsonl"), "{\"key\":\"loss\",\"step\":3,\"value\":0.2}\n");
        var second = new RunRefStore(alice).Save(folders, "second", state);
        Assert.Equal(new[] { SharedRunNames.TreePath("live", "metrics.jsonl") }, GitCli.Run(alice, "diff-tree", "-r", "--name-only", "--no-commit-id", second + "^", second!).Split('\n'));

        // A record replaced in its folder (as Repro.Runs writes it: a new file renamed over) moves the folder's time.
        var record = Path.Combine(done, "run.json");
        File.WriteAllText(record + ".tmp", File.ReadAllText(record).Replace("07:00:00", "07:00:09", StringComparison.Ordinal));
        File.Move(record + ".tmp", record, overwrite: true);
        var third = new RunRefStore(alice).Save(folders, "third", state);
        Assert.Equal(
            new[] { SharedRunNames.TreePath("done", "metrics.jsonl"), SharedRunNames.TreePath("done", "run.json") },
            GitCli.Run(alice, "diff-tree", "-r", "--name-only", "--no-commit-id", third + "^", third!).Split('\n'));
    }

    [Fact]
    public void The_sync_state_reads_back_what_it_wrote_and_starts_over_on_anything_else()
    {
        var folder = _root.Combine("state");
        Directory.CreateDirectory(folder);
        var state = SyncState.Load(folder);
        state.Synced = new string('a', 40);
        state.Set("run-1", "run.json", new string('b', 40), 12, 34);
        state.Set("run-1", "metrics.jsonl", new string('c', 64), 56, -78);
        state.Settle("run-1", 90);
        state.Save();

        var loaded = SyncState.Load(folder);
        Assert.Equal(new string('a', 40), loaded.Synced);
        Assert.Equal(new string('b', 40), loaded.BlobIfUnchanged("run-1", "run.json", 12, 34));
        Assert.Equal(new string('c', 64), loaded.BlobIfUnchanged("run-1", "metrics.jsonl", 56, -78));
        Assert.Null(loaded.BlobIfUnchanged("run-1", "metrics.jsonl", 57, -78));
        Assert.True(loaded.IsSettled("run-1", 90));

        foreach (var damaged in new[] { "run-1\t../run.json\tbbbb\t1\t2", "../x\trun.json\t" + new string('b', 40) + "\t1\t2", "synced\tnot-an-id", "a\tb\tc\td\te\tf" })
        {
            File.WriteAllText(Path.Combine(folder, SyncState.FileName), "repro-sync 1\nsynced\t" + new string('a', 40) + "\n" + damaged + "\n");
            var fresh = SyncState.Load(folder);
            Assert.Equal(0, fresh.Count);
            Assert.Null(fresh.Synced);
        }
    }

    [Fact]
    public void A_pull_that_fast_forwards_takes_the_runs_and_refuses_every_entry_that_is_not_a_run_file()
    {
        var alice = Clone("alice");
        var bob = Clone("bob");
        Save(alice, "first", WriteRun(alice, "first", "finished"));
        new RunRefStore(alice).Push("origin");
        new RunRefStore(bob).Pull("origin"); // bob has pulled before: the hostile commit fast-forwards him
        var parent = GitCli.Run(_remote, "rev-parse", RunRefStore.LocalRef);
        var entries = HostileRefs.Attack("20261207-100000-000-aaaaaa").ToList();
        entries.AddRange(new RunRefStore(alice).List()["first"].Select(f => new HostileRefs.Entry(SharedRunNames.TreePath("first", f.Key), "100644", new RunRefStore(alice).ReadBlob(f.Value))));
        GitCli.Run(_remote, "update-ref", RunRefStore.LocalRef, HostileRefs.Commit(_remote, entries, parent));

        var store = new RunRefStore(bob);
        var pulled = store.Pull("origin");

        Assert.Equal(1, pulled.NewRuns);
        Assert.Equal(new[] { "20261207-100000-000-aaaaaa", "first" }, new RunRefStore(bob).List().Keys);
        AssertOnlyRunFiles(bob);
        Assert.Equal(entries.Count - 3, store.Warnings.Count); // all but the two valid runs' files
        Assert.Contains(store.Warnings, w => w.Contains("'runs/zz/../evil.sh' does not name a valid run id", StringComparison.Ordinal));
        Assert.Contains(store.Warnings, w => w.Contains("is not a regular file (mode 120000)", StringComparison.Ordinal));
        Assert.Contains(store.Warnings, w => w.Contains("ctl\\u001b[2J", StringComparison.Ordinal)); // printed escaped, never raw
    }

    [Fact]
    public void A_first_pull_and_a_merging_pull_refuse_the_same_entries()
    {
        var alice = Clone("alice");
        var hostile = HostileRefs.Commit(_remote, HostileRefs.Attack("20261207-100000-000-bbbbbb"));
        GitCli.Run(_remote, "update-ref", RunRefStore.LocalRef, hostile);

        var fresh = new RunRefStore(alice);
        Assert.Equal(1, fresh.Pull("origin").NewRuns); // nothing local: no merge at all
        AssertOnlyRunFiles(alice);

        var bob = Clone("bob");
        Save(bob, "bobs-own", WriteRun(bob, "bobs-own", "finished")); // diverged: a real merge
        var merging = new RunRefStore(bob);
        Assert.Equal(1, merging.Pull("origin").NewRuns);
        AssertOnlyRunFiles(bob);
        Assert.Equal(new[] { "20261207-100000-000-bbbbbb", "bobs-own" }, new RunRefStore(bob).List().Keys);
        Assert.Equal(fresh.Warnings.OrderBy(w => w, StringComparer.Ordinal), merging.Warnings.OrderBy(w => w, StringComparer.Ordinal));

        // What bob pushes back is clean: the remote's next reader sees run files only.
        new RunRefStore(bob).Push("origin");
        var carol = Clone("carol");
        var clean = new RunRefStore(carol);
        clean.Pull("origin");
        Assert.Empty(clean.Warnings);
    }

    [Fact]
    public void Run_ids_and_file_names_are_checked_before_any_path_is_made_of_them()
    {
        Assert.True(SharedRunNames.IsRunId("20261207-161631-123-a1b2c3"));
        Assert.True(SharedRunNames.IsRunId("run-alice"));
        foreach (var bad in new[] { "", ".", "..", "a/b", "a\\b", "../x", "x..y", ".hidden", "-flag", "C:", "/abs", "a b", "a\u0000b", new string('a', 129), "\u00e9t\u00e9" })
        {
            Assert.False(SharedRunNames.IsRunId(bad), bad);
        }

        Assert.False(SharedRunNames.IsFileName("evil.sh"));
        Assert.False(SharedRunNames.IsFileName("../run.json"));
        var root = Path.Combine(_root.Path, "runs");
        Assert.Equal(Path.Combine(root, "r1", "run.json"), SharedRunNames.FilePath(root, "r1", "run.json"));
        Assert.Throws<RunShareException>(() => SharedRunNames.FilePath(root, "..", "run.json"));
        Assert.Throws<RunShareException>(() => SharedRunNames.FilePath(root, "r1", "../../x"));
    }

    [Fact]
    public void A_blob_larger_than_the_limit_is_not_read_whole()
    {
        var alice = Clone("alice");
        Save(alice, "big", WriteRun(alice, "big", "finished", metricLines: 20000));
        var store = new RunRefStore(alice) { Limits = new ShareLimits { MaxFileBytes = 1024, MaxRecordBytes = 1024 } };

        var refused = Assert.Throws<RunShareException>(() => store.ReadBlob(store.List()["big"]["metrics.jsonl"]));
        Assert.Contains("larger than 1 kB", refused.Message, StringComparison.Ordinal);
    }

    private static void AssertOnlyRunFiles(string clone)
    {
        foreach (var path in GitCli.Run(clone, "ls-tree", "-r", "-z", "--name-only", RunRefStore.LocalRef).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var mode = GitCli.Run(clone, "ls-tree", RunRefStore.LocalRef, "--", path).Split(' ')[0];
            Assert.True(SharedRunNames.TryParseTreePath(path, mode, out _, out _, out var problem), problem);
        }
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
