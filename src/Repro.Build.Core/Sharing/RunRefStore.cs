using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Repro.Build.Git;

namespace Repro.Build.Sharing;

/// <summary>
/// Keeps run records on a git ref of the project's own repository (<c>refs/repro/runs</c>) and exchanges them with
/// its remotes through git's own transport and credentials, as DVC shares experiments. Only git's plumbing is used
/// (<c>hash-object</c>, <c>mktree</c>, <c>commit-tree</c>, <c>update-ref</c>, <c>fetch</c>, <c>push</c>): the working
/// tree, the index and the branches are never touched.
/// </summary>
/// <remarks>
/// Layout of the ref's tree: <c>runs/&lt;shard&gt;/&lt;run id&gt;/&lt;file&gt;</c>, where the shard is the first two hex
/// digits of the SHA-256 of the run id (so that no tree object grows with the number of runs). A run is written by the
/// one machine that made it, so merging two histories is a union of runs; when both sides changed the same file (the
/// same run shared from two clones), the larger content wins (records and metrics only grow), ties broken by object id,
/// so that every clone converges on the same tree.
/// </remarks>
public sealed class RunRefStore
{
    /// <summary>The local ref that holds the runs.</summary>
    public const string LocalRef = "refs/repro/runs";

    private const string RunsFolder = "runs";
    private const int MaxPushAttempts = 8;
    private const string RecordFileName = "run.json";

    // The ref's commits are bookkeeping, not anyone's work: a fixed identity, so that no name or address is shared
    // without the opt-in the run records themselves respect.
    private static readonly Dictionary<string, string> CommitIdentity = new()
    {
        ["GIT_AUTHOR_NAME"] = "repro",
        ["GIT_AUTHOR_EMAIL"] = "repro@localhost",
        ["GIT_COMMITTER_NAME"] = "repro",
        ["GIT_COMMITTER_EMAIL"] = "repro@localhost",
    };

    private readonly string _workingDirectory;
    private readonly GitCommandRunner _git;

    /// <param name="workingDirectory">Any folder inside the repository.</param>
    /// <param name="gitExecutable">The git executable; null for git on PATH.</param>
    /// <param name="cancellation">Stops the git process running and throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="commandTimeout">How long one git command may take before it is killed; null for 5 minutes.</param>
    public RunRefStore(string workingDirectory, string? gitExecutable = null, CancellationToken cancellation = default, TimeSpan? commandTimeout = null)
    {
        _workingDirectory = workingDirectory ?? throw new ArgumentNullException(nameof(workingDirectory));
        _git = new GitCommandRunner(gitExecutable, commandTimeout ?? TimeSpan.FromMinutes(5), cancellation);
    }

    /// <summary>The ref under which the runs last fetched from <paramref name="remote"/> are kept.</summary>
    public static string RemoteTrackingRef(string remote) => "refs/repro/remotes/" + remote + "/runs";

    /// <summary>The path of a run's folder in the ref's tree.</summary>
    public static string RunPath(string runId) => RunsFolder + "/" + Shard(runId) + "/" + runId;

    /// <summary>The shard folder of a run: the first byte of SHA-256(run id), in hex.</summary>
    private static string Shard(string runId)
    {
        ValidateName(runId, "run id");
        using var sha = SHA256.Create();
        return sha.ComputeHash(Encoding.UTF8.GetBytes(runId))[0].ToString("x2", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Adds or replaces runs on the local ref in one commit. Each run is a folder on disk whose regular files (not
    /// subfolders) become the run's files on the ref; a file the folder no longer has is removed from the run.
    /// Returns the new commit, or null when nothing changed.
    /// </summary>
    public string? Save(IReadOnlyDictionary<string, string> runFolders, string message)
    {
        if (runFolders is null)
        {
            throw new ArgumentNullException(nameof(runFolders));
        }

        var files = new List<(string Path, string File)>();
        foreach (var pair in runFolders.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var prefix = RunPath(pair.Key) + "/";
            foreach (var file in Directory.GetFiles(pair.Value).OrderBy(f => f, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (IO.FileProbe.Inspect(file, followLinks: false) != IO.FileKind.Regular || name.StartsWith(".", StringComparison.Ordinal))
                {
                    continue; // lock files, temporary files of an atomic write, anything that is not a record
                }

                files.Add((prefix + name, file));
            }
        }

        var blobs = HashObjects(files.Select(f => f.File).ToList());
        var saved = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var id in runFolders.Keys)
        {
            saved[id] = new SortedDictionary<string, string>(StringComparer.Ordinal);
        }

        for (var i = 0; i < files.Count; i++)
        {
            var path = files[i].Path;
            saved[RunIdOf(path)!][path.Substring(path.LastIndexOf('/') + 1)] = blobs[i];
        }

        var savedTrees = WriteRunTrees(saved);

        // Another process of this clone may save at the same time: compare-and-swap the ref, retry on a race.
        for (var attempt = 0; ; attempt++)
        {
            var parent = ResolveCommit(LocalRef);
            var runs = parent is null ? new SortedDictionary<string, string>(StringComparer.Ordinal) : ReadRunTrees(parent);
            var combined = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var run in savedTrees)
            {
                if (run.Value is null || !runs.TryGetValue(run.Key, out var existing))
                {
                    if (run.Value is not null)
                    {
                        runs[run.Key] = run.Value;
                    }

                    continue;
                }

                if (existing != run.Value)
                {
                    // The ref may hold a newer state of this run than the folder (pulled from the clone that runs it):
                    // file by file, the newer one stays.
                    combined[run.Key] = Newest(ReadRunFiles(existing), saved[run.Key]);
                }
            }

            foreach (var run in WriteRunTrees(combined))
            {
                runs[run.Key] = run.Value!;
            }

            var treeId = WriteRoot(runs);
            if (parent is not null && treeId == TreeOf(parent))
            {
                return null;
            }

            var commit = CommitTree(treeId, message, parent is null ? Array.Empty<string>() : new[] { parent });
            if (TryUpdateRef(LocalRef, commit, parent))
            {
                return commit;
            }

            if (attempt >= MaxPushAttempts)
            {
                throw new RunShareException($"Another process kept changing {LocalRef} while the runs were being saved. Try again.");
            }
        }
    }

    /// <summary>The runs on a ref (the local one by default): run id → file name → blob id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> List(string reference = LocalRef)
    {
        var commit = ResolveCommit(reference);
        var runs = new SortedDictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (commit is null)
        {
            return runs;
        }

        foreach (var group in ReadTree(commit).GroupBy(p => RunIdOf(p.Key)))
        {
            if (group.Key is null)
            {
                continue;
            }

            runs[group.Key] = group.ToDictionary(p => p.Key.Substring(p.Key.LastIndexOf('/') + 1), p => p.Value, StringComparer.Ordinal);
        }

        return runs;
    }

    /// <summary>The content of a blob (a run's file, by the id <see cref="List"/> gives).</summary>
    public byte[] ReadBlob(string blobId) => Git(new[] { "cat-file", "blob", blobId });

    /// <summary>The contents of many blobs, read by one <c>git cat-file --batch</c>: id → bytes.</summary>
    public Dictionary<string, byte[]> ReadBlobs(IReadOnlyCollection<string> blobIds)
    {
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (blobIds.Count == 0)
        {
            return contents;
        }

        // Each object comes back as "<id> <type> <size>\n<content>\n".
        var output = Git(new[] { "cat-file", "--batch" }, Encoding.ASCII.GetBytes(string.Join("\n", blobIds) + "\n"));
        var position = 0;
        while (position < output.Length)
        {
            var newline = Array.IndexOf(output, (byte)'\n', position);
            var header = Encoding.ASCII.GetString(output, position, newline - position).Split(' ');
            if (header.Length != 3)
            {
                throw new RunShareException($"git cat-file could not read object {header[0]}.");
            }

            var size = int.Parse(header[2], System.Globalization.CultureInfo.InvariantCulture);
            var content = new byte[size];
            Array.Copy(output, newline + 1, content, 0, size);
            contents[header[0]] = content;
            position = newline + 1 + size + 1;
        }

        return contents;
    }

    /// <summary>The blob ids files on disk would have, without writing them into the repository.</summary>
    public List<string> BlobIdsOf(IReadOnlyList<string> files) => HashObjects(files, write: false);

    /// <summary>
    /// Fetches the runs of <paramref name="remote"/> and merges them into the local ref. A remote that has no runs yet
    /// is not an error.
    /// </summary>
    public SyncResult Pull(string remote)
    {
        RequireRemote(remote);
        var theirs = Fetch(remote);
        if (theirs is null)
        {
            return new SyncResult(remote, 0, 0, pushed: false);
        }

        var before = List();
        for (var attempt = 0; ; attempt++)
        {
            var ours = ResolveCommit(LocalRef);
            var merged = Merge(ours, theirs);
            if (merged == ours || TryUpdateRef(LocalRef, merged!, ours))
            {
                var after = List();
                return new SyncResult(remote, after.Keys.Count(k => !before.ContainsKey(k)), after.Count(r => before.TryGetValue(r.Key, out var old) && !SameFiles(old, r.Value)), pushed: false);
            }

            if (attempt >= MaxPushAttempts)
            {
                throw new RunShareException($"Another process kept changing {LocalRef} while runs were being pulled. Try again.");
            }
        }
    }

    /// <summary>
    /// Pushes the local runs to <paramref name="remote"/>. When someone pushed in between (the remote ref moved), their
    /// runs are fetched and merged first and the push is tried again, so that concurrent pushes both land.
    /// </summary>
    public SyncResult Push(string remote)
    {
        RequireRemote(remote);
        var received = 0;
        for (var attempt = 0; ; attempt++)
        {
            var theirs = Fetch(remote);
            var ours = ResolveCommit(LocalRef);
            if (ours is null && theirs is null)
            {
                return new SyncResult(remote, 0, 0, pushed: false);
            }

            var merged = Merge(ours, theirs)!;
            if (merged != ours)
            {
                var before = ours is null ? 0 : List().Count;
                if (!TryUpdateRef(LocalRef, merged, ours))
                {
                    continue; // a local save raced us: merge again
                }

                received += List().Count - before;
            }

            if (merged == theirs)
            {
                return new SyncResult(remote, received, 0, pushed: false); // the remote has everything already
            }

            try
            {
                // Pushing the commit, not a branch: a non-fast-forward is refused by the remote (no force), and
                // the next attempt merges what arrived there. No delta search (pack.window=0): records of many runs
                // look alike, and searching them for deltas made a push of 1,000 runs 4× slower for little gain.
                Git(new[] { "-c", "pack.window=0", "push", "--quiet", "--no-verify", remote, merged + ":" + LocalRef });
                Git(new[] { "update-ref", RemoteTrackingRef(remote), merged });
                return new SyncResult(remote, received, 0, pushed: true);
            }
            catch (GitCommandException ex) when (IsRejected(ex) && attempt < MaxPushAttempts)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(50 * (attempt + 1) + new Random().Next(100)));
            }
            catch (GitCommandException ex)
            {
                throw new RunShareException($"The runs could not be pushed to '{remote}': {ex.StandardError.Trim()}", ex);
            }
        }
    }

    private static bool IsRejected(GitCommandException ex) =>
        ex.StandardError.IndexOf("rejected", StringComparison.OrdinalIgnoreCase) >= 0
        || ex.StandardError.IndexOf("non-fast-forward", StringComparison.OrdinalIgnoreCase) >= 0
        || ex.StandardError.IndexOf("fetch first", StringComparison.OrdinalIgnoreCase) >= 0
        || ex.StandardError.IndexOf("cannot lock ref", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool SameFiles(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var blob) && blob == p.Value);

    private void RequireRemote(string remote)
    {
        ValidateName(remote, "remote name");
        var remotes = Text(new[] { "remote" }).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(r => r.Trim()).ToList();
        if (!remotes.Contains(remote, StringComparer.Ordinal))
        {
            throw new RunShareException(remotes.Count == 0
                ? $"The repository has no remote, so there is nowhere to share runs. Add the team's repository with 'git remote add {remote} URL'."
                : $"The repository has no remote named '{remote}' (it has: {string.Join(", ", remotes)}). Name one of those, or add it with 'git remote add {remote} URL'.");
        }
    }

    /// <summary>Fetches the remote's runs into its tracking ref; null when the remote has none.</summary>
    private string? Fetch(string remote)
    {
        try
        {
            Git(new[] { "fetch", "--quiet", "--no-tags", "--no-write-fetch-head", remote, "+" + LocalRef + ":" + RemoteTrackingRef(remote) });
        }
        catch (GitCommandException ex) when (ex.StandardError.IndexOf("couldn't find remote ref", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return null;
        }
        catch (GitCommandException ex)
        {
            throw new RunShareException($"The runs of '{remote}' could not be fetched: {ex.StandardError.Trim()}", ex);
        }

        return ResolveCommit(RemoteTrackingRef(remote));
    }

    /// <summary>The commit that holds both histories' runs (one of them when it already contains the other).</summary>
    private string? Merge(string? ours, string? theirs)
    {
        if (theirs is null || ours == theirs)
        {
            return ours;
        }

        if (ours is null || IsAncestor(ours, theirs))
        {
            return theirs;
        }

        if (IsAncestor(theirs, ours))
        {
            return ours;
        }

        var baseCommit = MergeBase(ours, theirs);
        var baseRuns = baseCommit is null ? new SortedDictionary<string, string>(StringComparer.Ordinal) : ReadRunTrees(baseCommit);
        var ourRuns = ReadRunTrees(ours);
        var theirRuns = ReadRunTrees(theirs);
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var conflicts = new List<string>();
        foreach (var id in ourRuns.Keys.Union(theirRuns.Keys).Union(baseRuns.Keys))
        {
            ourRuns.TryGetValue(id, out var o);
            theirRuns.TryGetValue(id, out var t);
            baseRuns.TryGetValue(id, out var b);
            string? result;
            if (o == t || t == b)
            {
                result = o;
            }
            else if (o == b)
            {
                result = t;
            }
            else if (o is null || t is null)
            {
                result = o ?? t; // removed on one side, changed on the other: keep the record
            }
            else
            {
                conflicts.Add(id);
                continue;
            }

            if (result is not null)
            {
                merged[id] = result;
            }
        }

        if (conflicts.Count > 0)
        {
            // The same run changed in both clones: file by file, the newer one.
            var resolved = conflicts.ToDictionary(id => id, id => Newest(ReadRunFiles(ourRuns[id]), ReadRunFiles(theirRuns[id])), StringComparer.Ordinal);
            foreach (var run in WriteRunTrees(resolved))
            {
                merged[run.Key] = run.Value!;
            }
        }

        return CommitTree(WriteRoot(merged), "Merge runs", new[] { ours, theirs });
    }

    private static string? RunIdOf(string path)
    {
        // runs/<shard>/<id>/<file>
        var parts = path.Split('/');
        return parts.Length == 4 && parts[0] == RunsFolder ? parts[2] : null;
    }

    private static void ValidateName(string name, string what)
    {
        if (string.IsNullOrEmpty(name) || name.StartsWith(".", StringComparison.Ordinal) || name.StartsWith("-", StringComparison.Ordinal)
            || name.IndexOfAny(new[] { '/', '\\', ':', ' ', '\t', '\n', '\r', '\0', '~', '^', '?', '*', '[' }) >= 0)
        {
            throw new RunShareException($"'{name}' is not a valid {what}.");
        }
    }

    private string? ResolveCommit(string reference)
    {
        try
        {
            var id = Text(new[] { "rev-parse", "--verify", "--quiet", reference + "^{commit}" }).Trim();
            return id.Length == 0 ? null : id;
        }
        catch (GitCommandException ex) when (ex.ExitCode == 1)
        {
            return null;
        }
    }

    private string TreeOf(string commit) => Text(new[] { "rev-parse", commit + "^{tree}" }).Trim();

    private bool IsAncestor(string ancestor, string descendant)
    {
        try
        {
            Git(new[] { "merge-base", "--is-ancestor", ancestor, descendant });
            return true;
        }
        catch (GitCommandException ex) when (ex.ExitCode == 1)
        {
            return false;
        }
    }

    private string? MergeBase(string a, string b)
    {
        try
        {
            var id = Text(new[] { "merge-base", a, b }).Trim();
            return id.Length == 0 ? null : id;
        }
        catch (GitCommandException ex) when (ex.ExitCode == 1)
        {
            return null; // unrelated histories: every run is new to the other side
        }
    }

    /// <summary>path → blob id of every file under a commit.</summary>
    private SortedDictionary<string, string> ReadTree(string commit) =>
        Entries(LsTree("-r", "--full-tree", commit).Where(e => e.Type == "blob"), e => e.Path);

    /// <summary>The entries <c>git ls-tree -z</c> lists: <c>&lt;mode&gt; SP &lt;type&gt; SP &lt;object&gt; TAB &lt;path&gt;</c>.</summary>
    private IEnumerable<(string Type, string Id, string Path)> LsTree(params string[] arguments)
    {
        var output = Git(new[] { "ls-tree", "-z" }.Concat(arguments).ToArray());
        foreach (var entry in Encoding.UTF8.GetString(output).Split(new[] { '\0' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = entry.IndexOf('\t');
            var fields = entry.Substring(0, tab).Split(' ');
            if (fields.Length == 3)
            {
                yield return (fields[1], fields[2], entry.Substring(tab + 1));
            }
        }
    }

    private static SortedDictionary<string, string> Entries(IEnumerable<(string Type, string Id, string Path)> entries, Func<(string Type, string Id, string Path), string> key)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            result[key(entry)] = entry.Id;
        }

        return result;
    }

    private Dictionary<string, long> BlobSizes(List<string> blobs)
    {
        var input = Encoding.UTF8.GetBytes(string.Join("\n", blobs) + "\n");
        var lines = Encoding.UTF8.GetString(Git(new[] { "cat-file", "--batch-check=%(objectname) %(objectsize)" }, input)).Split('\n');
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            var parts = line.Split(' ');
            sizes[parts[0]] = long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        return sizes;
    }

    private List<string> HashObjects(IReadOnlyList<string> files, bool write = true)
    {
        if (files.Count == 0)
        {
            return new List<string>();
        }

        // --no-filters: the record's bytes as they are, whatever .gitattributes says about text files.
        var input = Encoding.UTF8.GetBytes(string.Join("\n", files) + "\n");
        var arguments = write ? new[] { "hash-object", "-w", "--no-filters", "--stdin-paths" } : new[] { "hash-object", "--no-filters", "--stdin-paths" };
        var ids = Text(arguments, input).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length != files.Count)
        {
            throw new RunShareException($"git hash-object returned {ids.Length} ids for {files.Count} files.");
        }

        return ids.Select(i => i.Trim()).ToList();
    }

    /// <summary>run id → tree id of every run under a commit (runs/&lt;shard&gt;/&lt;id&gt;), from git's tree listing alone.</summary>
    private SortedDictionary<string, string> ReadRunTrees(string commit) =>
        Entries(LsTree("-r", "-d", "--full-tree", commit, RunsFolder).Where(e => e.Path.Count(c => c == '/') == 2), e => e.Path.Substring(e.Path.LastIndexOf('/') + 1));

    /// <summary>file name → blob id of one run's tree.</summary>
    private SortedDictionary<string, string> ReadRunFiles(string runTree) =>
        Entries(LsTree(runTree).Where(e => e.Type == "blob"), e => e.Path);

    /// <summary>
    /// Two states of one run, file by file, the newer of each: the record with the later <c>lastWriteTime</c> (it is
    /// rewritten at every heartbeat and status change), any other file the longer one (metrics are only appended);
    /// ties by object id, so that every clone chooses alike. A file only one side has is kept.
    /// </summary>
    private SortedDictionary<string, string> Newest(SortedDictionary<string, string> a, SortedDictionary<string, string> b)
    {
        var result = new SortedDictionary<string, string>(a, StringComparer.Ordinal);
        var differing = b.Where(f => a.TryGetValue(f.Key, out var other) && other != f.Value).ToList();
        foreach (var file in b.Where(f => !a.ContainsKey(f.Key)))
        {
            result[file.Key] = file.Value;
        }

        if (differing.Count == 0)
        {
            return result;
        }

        var sizes = BlobSizes(differing.SelectMany(f => new[] { f.Value, a[f.Key] }).Distinct().ToList());
        foreach (var file in differing)
        {
            var (x, y) = (a[file.Key], file.Value);
            int order;
            if (file.Key == RecordFileName)
            {
                order = string.CompareOrdinal(LastWriteTime(x), LastWriteTime(y));
            }
            else
            {
                order = sizes[x].CompareTo(sizes[y]);
            }

            result[file.Key] = order > 0 ? x : order < 0 ? y : string.CompareOrdinal(x, y) > 0 ? x : y;
        }

        return result;
    }

    /// <summary>The record's <c>lastWriteTime</c> (ISO 8601 UTC, so ordinal order is time order); "" when unreadable.</summary>
    private string LastWriteTime(string blob)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(ReadBlob(blob));
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("lastWriteTime", out var time) && time.ValueKind == System.Text.Json.JsonValueKind.String
                ? time.GetString()!
                : "";
        }
        catch (System.Text.Json.JsonException)
        {
            return "";
        }
    }

    /// <summary>One tree per run (file name → blob), written in one <c>mktree --batch</c>; null for a run without files.</summary>
    private Dictionary<string, string?> WriteRunTrees(Dictionary<string, SortedDictionary<string, string>> runs)
    {
        var trees = MakeTrees(runs.Where(r => r.Value.Count > 0).ToDictionary(r => r.Key, r => r.Value.Select(f => ("100644", "blob", f.Value, f.Key)).ToList()));
        return runs.Keys.ToDictionary(id => id, id => trees.TryGetValue(id, out var tree) ? tree : null, StringComparer.Ordinal);
    }

    /// <summary>The root tree of a run map: the shard trees, then <c>runs/</c>, then the root; unchanged runs keep their trees.</summary>
    private string WriteRoot(SortedDictionary<string, string> runs)
    {
        var shards = runs.GroupBy(r => Shard(r.Key))
            .ToDictionary(g => g.Key, g => g.Select(r => ("040000", "tree", r.Value, r.Key)).ToList());
        var shardTrees = MakeTrees(shards);
        var runsTree = MakeTrees(new Dictionary<string, List<(string, string, string, string)>>
        {
            [RunsFolder] = shardTrees.Select(s => ("040000", "tree", s.Value, s.Key)).ToList(),
        })[RunsFolder];
        var root = new List<(string, string, string, string)>();
        if (runs.Count > 0)
        {
            root.Add(("040000", "tree", runsTree, RunsFolder));
        }

        return MakeTrees(new Dictionary<string, List<(string, string, string, string)>> { [""] = root })[""];
    }

    /// <summary>Writes trees with git mktree --batch (one process for all of them); key → tree id.</summary>
    private Dictionary<string, string> MakeTrees(Dictionary<string, List<(string Mode, string Type, string Id, string Name)>> trees)
    {
        var keys = trees.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        var input = new StringBuilder();
        foreach (var key in keys)
        {
            foreach (var (mode, type, id, name) in trees[key].OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                input.Append(mode).Append(' ').Append(type).Append(' ').Append(id).Append('\t').Append(name).Append('\0');
            }

            input.Append('\0');
        }

        var ids = Text(new[] { "mktree", "-z", "--batch" }, Encoding.UTF8.GetBytes(input.ToString())).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length != keys.Count)
        {
            throw new RunShareException($"git mktree returned {ids.Length} trees for {keys.Count} folders.");
        }

        for (var i = 0; i < keys.Count; i++)
        {
            result[keys[i]] = ids[i].Trim();
        }

        return result;
    }

    private string CommitTree(string tree, string message, string[] parents)
    {
        var arguments = new List<string> { "commit-tree", tree, "-m", message };
        foreach (var parent in parents)
        {
            arguments.Add("-p");
            arguments.Add(parent);
        }

        return Text(arguments.ToArray(), input: null, CommitIdentity).Trim();
    }

    private bool TryUpdateRef(string reference, string commit, string? expected)
    {
        try
        {
            // An empty old value means "must not exist yet": the compare-and-swap that makes concurrent saves safe.
            Git(new[] { "update-ref", "-m", "repro: runs", reference, commit, expected ?? "" });
            return true;
        }
        catch (GitCommandException ex) when (ex.StandardError.IndexOf("cannot lock ref", StringComparison.OrdinalIgnoreCase) >= 0
                                             || ex.StandardError.IndexOf("but expected", StringComparison.OrdinalIgnoreCase) >= 0
                                             || ex.StandardError.IndexOf("reference already exists", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return false;
        }
    }

    private string Text(string[] arguments, byte[]? input = null, IReadOnlyDictionary<string, string>? environment = null) =>
        Encoding.UTF8.GetString(Git(arguments, input, environment));

    private byte[] Git(string[] arguments, byte[]? input = null, IReadOnlyDictionary<string, string>? environment = null) =>
        _git.Run(_workingDirectory, arguments, long.MaxValue, out _, input, environment);
}
