using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Repro.Build.Git;
using Repro.Build.IO;

namespace Repro.Runs.Sharing;

/// <summary>
/// Keeps run records on a git ref of the project's own repository (<c>refs/repro/runs</c>) and exchanges them with
/// its remotes through git's own transport and credentials, as DVC shares experiments. Only git's plumbing is used
/// (<c>fast-import</c>, <c>diff-tree</c>, <c>cat-file</c>, <c>update-ref</c>, <c>fetch</c>, <c>push</c>): the working
/// tree, the index and the branches are never touched.
/// </summary>
/// <remarks>
/// Layout of the ref's tree: <c>runs/&lt;shard&gt;/&lt;run id&gt;/&lt;file&gt;</c>, where the shard is the first two hex
/// digits of the SHA-256 of the run id (so that no tree object grows with the number of runs). A run is written by the
/// one machine that made it, so merging two histories is a union of runs; when both sides changed the same file (the
/// same run shared from two clones), the newer content wins (records by their <c>lastWriteTime</c>, other files by
/// length, since they are only appended to), ties broken by object id, so that every clone converges on the same tree.
/// <para>
/// Everything costs what changed: changes are found with <c>git diff-tree</c> between two commits, new commits are
/// written by one <c>git fast-import</c> (which rebuilds only the trees along changed paths and writes a pack, not loose
/// objects), and blobs are streamed one at a time. Every entry read from a tree is validated by
/// <see cref="SharedRunNames"/> before anything uses its name; an entry that is not a run's file is refused, named in
/// <see cref="Warnings"/>, and never enters the local ref.
/// </para>
/// </remarks>
internal sealed class RunRefStore
{
    /// <summary>The local ref that holds the runs.</summary>
    public const string LocalRef = "refs/repro/runs";

    private const int MaxAttempts = 8;

    // A folder whose time is this recent may still change within the same tick of a coarse clock: never settled.
    private static readonly long SettleAfterTicks = TimeSpan.FromSeconds(2).Ticks;

    // The ref's commits are bookkeeping, not anyone's work: a fixed identity, so that no name or address is shared
    // without the opt-in the run records themselves respect.
    private const string Identity = "repro <repro@localhost>";

    private readonly string _workingDirectory;
    private readonly GitCommandRunner _git;
    private readonly List<string> _warnings = [];
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private string? _emptyTree;

    /// <param name="workingDirectory">Any folder inside the repository.</param>
    /// <param name="gitExecutable">The git executable; null for git on PATH.</param>
    /// <param name="cancellation">Stops the git process running and throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="commandTimeout">How long one git command may take before it is killed; null for 5 minutes.</param>
    public RunRefStore(string workingDirectory, string? gitExecutable = null, CancellationToken cancellation = default, TimeSpan? commandTimeout = null)
    {
        _workingDirectory = workingDirectory ?? throw new ArgumentNullException(nameof(workingDirectory));
        _git = new GitCommandRunner(gitExecutable, commandTimeout ?? TimeSpan.FromMinutes(5), cancellation);
    }

    /// <summary>The bounds on what is read and written (from the environment unless set).</summary>
    public ShareLimits Limits { get; set; } = new();

    /// <summary>What was refused or skipped (an entry that is not a run's file, a file over its limit), one line each.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>How many of the folders the last <see cref="Save"/> was given hold a run (a record).</summary>
    public int RunsSeen { get; private set; }

    /// <summary>The ref under which the runs last fetched from <paramref name="remote"/> are kept.</summary>
    public static string RemoteTrackingRef(string remote) => "refs/repro/remotes/" + remote + "/runs";

    /// <summary>The path of a run's folder in the ref's tree.</summary>
    /// <exception cref="RunShareException">Not a valid run id.</exception>
    public static string RunPath(string runId)
    {
        if (!SharedRunNames.IsRunId(runId))
        {
            throw new RunShareException($"'{SharedRunNames.Shown(runId)}' is not a valid run id.");
        }

        return SharedRunNames.RunsFolder + "/" + SharedRunNames.ShardOf(runId) + "/" + runId;
    }

    /// <summary>The commit a ref points to; null when it does not exist.</summary>
    public string? ResolveCommit(string reference)
    {
        try
        {
            var id = Text(new[] { "rev-parse", "--verify", "--quiet", reference + "^{commit}" }).Trim();
            return id.Length == 0 ? null : id;
        }
        catch (GitCommandException ex) when (ex.ExitCode == 1 || ex.ExitCode == 128)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="ancestor"/> is a commit of this repository and in the history of <paramref name="descendant"/>.</summary>
    public bool IsAncestor(string ancestor, string descendant)
    {
        try
        {
            Git(new[] { "merge-base", "--is-ancestor", ancestor, descendant });
            return true;
        }
        catch (GitCommandException ex) when (ex.ExitCode == 1 || ex.ExitCode == 128)
        {
            return false; // not an ancestor, or not a commit here at all
        }
    }

    /// <summary>The runs on a ref (the local one by default): run id → file name → blob id; valid entries only.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> List(string reference = LocalRef)
    {
        var runs = new SortedDictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var commit = ResolveCommit(reference);
        if (commit is null)
        {
            return runs;
        }

        foreach (var change in Changes(null, commit))
        {
            if (!runs.TryGetValue(change.RunId, out var files))
            {
                files = new SortedDictionary<string, string>(StringComparer.Ordinal);
                runs[change.RunId] = files;
            }

            ((SortedDictionary<string, string>)files)[change.FileName] = change.NewBlob!;
        }

        return runs;
    }

    /// <summary>
    /// The run files that differ between two commits (<paramref name="from"/> null: every file of <paramref name="to"/>),
    /// from one <c>git diff-tree</c> read as it streams. Entries that are not a run's file are refused and named in
    /// <see cref="Warnings"/>; <paramref name="refused"/> counts them.
    /// </summary>
    public List<RefChange> Changes(string? from, string to, out int refused)
    {
        var changes = new List<RefChange>();
        var count = 0;
        var zero = new string('0', to.Length);
        _git.RunStreaming(_workingDirectory, new[] { "diff-tree", "-r", "-z", "--no-renames", "--no-commit-id", from ?? EmptyTree(), to }, null, output =>
        {
            var reader = new GitBatchReader(output);
            string? meta;
            while ((meta = reader.ReadField(0)) is not null)
            {
                // ":<old mode> <new mode> <old id> <new id> <status>", then the path
                var path = reader.ReadField(0) ?? throw new RunShareException("git diff-tree ended in the middle of an entry.");
                var fields = meta.TrimStart(':').Split(' ');
                if (fields.Length != 5)
                {
                    throw new RunShareException("git diff-tree wrote an entry this version of Repro.Build does not read.");
                }

                var deleted = fields[3] == zero;
                if (!SharedRunNames.TryParseTreePath(path, deleted ? fields[0] : fields[1], out var runId, out var fileName, out var problem))
                {
                    count++;
                    Warn($"refused an entry of the shared runs: {problem}; nothing was written for it");
                    continue;
                }

                changes.Add(new RefChange(runId, fileName, fields[2] == zero ? null : fields[2], deleted ? null : fields[3]));
            }
        });
        refused = count;
        return changes;
    }

    /// <inheritdoc cref="Changes(string?, string, out int)"/>
    public List<RefChange> Changes(string? from, string to) => Changes(from, to, out _);

    /// <summary>The content of a blob (a run's file, by the id <see cref="List"/> gives), at most the larger file limit.</summary>
    /// <exception cref="RunShareException">The blob is larger than that.</exception>
    public byte[] ReadBlob(string blobId)
    {
        var limit = Math.Max(Limits.MaxFileBytes, Limits.MaxRecordBytes);
        var content = _git.Run(_workingDirectory, new[] { "cat-file", "blob", blobId }, limit, out var truncated);
        if (truncated)
        {
            throw new RunShareException($"The shared object {blobId} is larger than {ShareLimits.Size(limit)}.");
        }

        return content;
    }

    /// <summary>
    /// Streams blobs through one <c>git cat-file --batch</c>: for each id, <paramref name="onBlob"/> gets its size and a
    /// stream of its content (read as much of it as needed; the rest is skipped). Nothing is held whole.
    /// </summary>
    public void ReadBlobs(IReadOnlyCollection<string> blobIds, Action<string, long, Stream> onBlob)
    {
        if (blobIds.Count == 0)
        {
            return;
        }

        _git.RunStreaming(_workingDirectory, new[] { "cat-file", "--batch" }, input =>
        {
            using var writer = new StreamWriter(input, new UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" };
            foreach (var id in blobIds)
            {
                writer.WriteLine(id);
            }
        }, output =>
        {
            var reader = new GitBatchReader(output);
            string? header;
            while ((header = reader.ReadField((byte)'\n')) is not null)
            {
                // "<id> <type> <size>", then the content and a newline; "<id> missing" for an object that is not here
                var fields = header.Split(' ');
                if (fields.Length != 3 || fields[1] != "blob" || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                {
                    throw new RunShareException($"git cat-file could not read object {SharedRunNames.Shown(fields[0])}.");
                }

                using (var content = reader.Slice(size))
                {
                    onBlob(fields[0], size, content);
                }

                reader.Skip(1);
            }
        });
    }

    /// <summary>
    /// Adds or updates runs on the local ref in one commit. Each run is a folder on disk whose shared files
    /// (<see cref="SharedRunNames.FileNames"/>, regular files only) become the run's files on the ref, unless the ref's
    /// copy is newer (pulled from the clone that runs it). Files that <paramref name="state"/> knows unchanged are not
    /// read. Returns the new commit, or null when nothing changed.
    /// </summary>
    public string? Save(IReadOnlyDictionary<string, string> runFolders, string message, SyncState? state = null)
    {
        if (runFolders is null)
        {
            throw new ArgumentNullException(nameof(runFolders));
        }

        state ??= SyncState.Empty();
        var candidates = new List<LocalFile>();
        // Runs that may be settled once this save succeeds: with the record read to tell whether the run has ended, or
        // null when the record this save shares tells the state (or could not be read: then the state does not know).
        var settling = new List<(string RunId, long FolderTicks, byte[]? Record)>();
        var runs = 0;
        var stableBefore = DateTime.UtcNow.Ticks - SettleAfterTicks;
        foreach (var pair in runFolders.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!FileProbe.TryStatDirectory(pair.Value, out var folderTicks))
            {
                continue;
            }

            if (state.IsSettled(pair.Key, folderTicks))
            {
                runs++; // ended, and nothing was replaced or added in its folder since: one lstat for the whole run
                continue;
            }

            // A folder without a record is not a run (yet): nothing of it is shared.
            var recordPath = Path.Combine(pair.Value, Records.RunRecordSerializer.FileName);
            if (!FileProbe.TryStatRegular(recordPath, out var recordSize, out var recordTicks))
            {
                continue;
            }

            if (!SharedRunNames.IsRunId(pair.Key))
            {
                Warn($"the folder '{SharedRunNames.Shown(pair.Key)}' is not named like a run; it was not shared");
                continue;
            }

            runs++;
            var complete = true;
            LocalFile? record = null;
            foreach (var name in SharedRunNames.FileNames)
            {
                var file = Path.Combine(pair.Value, name);
                long size, ticks;
                if (name == Records.RunRecordSerializer.FileName)
                {
                    (size, ticks) = (recordSize, recordTicks);
                }
                else if (!FileProbe.TryStatRegular(file, out size, out ticks))
                {
                    continue; // missing, or a link or a FIFO where a record should be: never followed, never read
                }

                if (size > Limits.MaxBytesOf(name))
                {
                    Warn($"run {pair.Key}: {name} is {ShareLimits.Size(size)}, over the limit of {ShareLimits.Size(Limits.MaxBytesOf(name))} "
                        + $"({ShareLimits.VariableOf(name)} raises it); it was not shared");
                    complete = false;
                    continue;
                }

                if (state.BlobIfUnchanged(pair.Key, name, size, ticks) is null)
                {
                    var candidate = new LocalFile(pair.Key, name, file, size, ticks);
                    candidates.Add(candidate);
                    record = name == Records.RunRecordSerializer.FileName ? candidate : record;
                }
            }

            if (complete && folderTicks < stableBefore)
            {
                if (record is not null)
                {
                    settling.Add((pair.Key, folderTicks, null)); // its new record tells, once it is shared
                }
                else if (state.HasEnded(pair.Key))
                {
                    state.Settle(pair.Key, folderTicks); // unchanged since a record that said it had ended was shared or written
                }
                else
                {
                    // its record is known but not whether it has ended: read once (a settled run is not read again)
                    settling.Add((pair.Key, folderTicks, TryRead(recordPath)));
                }
            }
        }

        RunsSeen = runs;
        if (candidates.Count == 0)
        {
            Settle(state, settling);
            return null;
        }

        var format = ObjectFormat();
        foreach (var candidate in candidates)
        {
            candidate.Read(format, Limits.MaxRecordBytes);
        }

        for (var attempt = 0; ; attempt++)
        {
            var parent = ResolveCommit(LocalRef);
            var onRef = parent is null
                ? new Dictionary<string, string>(StringComparer.Ordinal)
                : BlobsOnRef(parent, candidates.Select(c => c.RunId).Distinct().ToList());
            var writes = new List<ImportEntry>();
            foreach (var candidate in candidates)
            {
                onRef.TryGetValue(candidate.TreePath, out var refBlob);
                if (refBlob != candidate.Blob
                    && (refBlob is null || Newer(candidate.FileName, candidate.Blob!, refBlob, candidate.Content, candidate.Size) == candidate.Blob))
                {
                    writes.Add(ImportEntry.FromFile(candidate));
                }
            }

            var commit = writes.Count == 0 ? parent : FastImport(parent, null, message, writes);
            if (commit == parent || TryUpdateRef(LocalRef, commit!, parent))
            {
                foreach (var candidate in candidates)
                {
                    state.Set(candidate.RunId, candidate.FileName, candidate.Blob!, candidate.Size, candidate.LastWriteTicks);
                }

                foreach (var candidate in candidates.Where(c => c.FileName == Records.RunRecordSerializer.FileName && c.Content is not null))
                {
                    state.SetEnded(candidate.RunId, SyncState.RecordSaysEnded(candidate.Content!));
                }

                Settle(state, settling);

                if (parent == state.Synced)
                {
                    state.Synced = commit; // the folder reflected the parent's tree, and the commit only adds the folder's files
                }

                return commit == parent ? null : commit;
            }

            if (attempt >= MaxAttempts)
            {
                throw new RunShareException($"Another process kept changing {LocalRef} while the runs were being saved. Try again.");
            }
        }
    }

    /// <summary>
    /// Puts a tombstone (<see cref="SharedRunNames.DeletedFileName"/>) beside each run of <paramref name="runIds"/> on the
    /// local ref, in one commit; the next push takes it to the team. Returns the runs that were on the ref.
    /// </summary>
    public IReadOnlyList<string> MarkDeleted(IReadOnlyCollection<string> runIds, string message)
    {
        for (var attempt = 0; ; attempt++)
        {
            var parent = ResolveCommit(LocalRef);
            if (parent is null)
            {
                return [];
            }

            var shared = List(parent);
            var marked = runIds.Where(id => SharedRunNames.IsRunId(id) && shared.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
            if (marked.Count == 0)
            {
                return [];
            }

            var blob = Text(new[] { "hash-object", "-w", "--stdin" }, Encoding.UTF8.GetBytes("deleted\n")).Trim();
            var entries = marked.Select(id => ImportEntry.FromBlob(SharedRunNames.TreePath(id, SharedRunNames.DeletedFileName), blob)).ToList();
            var commit = FastImport(parent, null, message, entries);
            if (TryUpdateRef(LocalRef, commit, parent))
            {
                return marked;
            }

            if (attempt >= MaxAttempts)
            {
                throw new RunShareException($"Another process kept changing {LocalRef} while the runs were being deleted. Try again.");
            }
        }
    }

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

        for (var attempt = 0; ; attempt++)
        {
            var ours = ResolveCommit(LocalRef);
            var merged = Merge(ours, theirs);
            if (merged == ours || TryUpdateRef(LocalRef, merged!, ours))
            {
                var (added, updated) = Count(ours, merged);
                return new SyncResult(remote, added, updated, pushed: false);
            }

            if (attempt >= MaxAttempts)
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
        var updated = 0;
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
                if (!TryUpdateRef(LocalRef, merged, ours))
                {
                    continue; // a local save raced us: merge again
                }

                var (added, changed) = Count(ours, merged);
                received += added;
                updated += changed;
            }

            if (merged == theirs)
            {
                return new SyncResult(remote, received, updated, pushed: false); // the remote has everything already
            }

            try
            {
                // Pushing the commit, not a branch: a non-fast-forward is refused by the remote (no force), and
                // the next attempt merges what arrived there. No delta search (pack.window=0): records of many runs
                // look alike, and searching them for deltas made a push of 1,000 runs 4× slower for little gain.
                Git(new[] { "-c", "pack.window=0", "push", "--quiet", "--no-verify", remote, merged + ":" + LocalRef });
                Git(new[] { "update-ref", RemoteTrackingRef(remote), merged });
                return new SyncResult(remote, received, updated, pushed: true);
            }
            catch (GitCommandException ex) when (IsRejected(ex) && attempt < MaxAttempts)
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

    private void Warn(string text)
    {
        if (_warned.Add(text))
        {
            _warnings.Add(text);
        }
    }

    /// <summary>Runs new to <paramref name="after"/> (their record appeared) and runs whose files changed.</summary>
    private (int New, int Updated) Count(string? before, string? after)
    {
        if (after is null || before == after)
        {
            return (0, 0);
        }

        var added = new HashSet<string>(StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in Changes(before, after))
        {
            if (change.FileName == Records.RunRecordSerializer.FileName && change.OldBlob is null && change.NewBlob is not null)
            {
                added.Add(change.RunId);
            }
            else if (change.NewBlob is not null)
            {
                changed.Add(change.RunId);
            }
        }

        changed.ExceptWith(added);
        return (added.Count, changed.Count);
    }

    private void RequireRemote(string remote)
    {
        if (string.IsNullOrEmpty(remote) || remote.StartsWith("-", StringComparison.Ordinal) || remote.StartsWith(".", StringComparison.Ordinal)
            || remote.IndexOfAny(new[] { '/', '\\', ':', ' ', '\t', '\n', '\r', '\0', '~', '^', '?', '*', '[' }) >= 0)
        {
            throw new RunShareException($"'{SharedRunNames.Shown(remote ?? "")}' is not a valid remote name.");
        }

        var remotes = Text(new[] { "remote" }).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(r => r.Trim()).ToList();
        if (!remotes.Contains(remote, StringComparer.Ordinal))
        {
            throw new RunShareException(remotes.Count == 0
                ? $"The repository has no remote, so there is nowhere to share runs. Add the team's repository with 'git remote add {remote} URL'."
                : $"The repository has no remote named '{remote}' (it has: {string.Join(", ", remotes)}). "
                  + $"Name one of those, or add it with 'git remote add {remote} URL'.");
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

    /// <summary>
    /// The commit that holds both histories' runs: one of them when it already contains the other and every entry it
    /// adds is a run's file; otherwise a merge commit written by <c>fast-import</c> on top of ours with only the valid
    /// entries of theirs, so that a refused entry never reaches the local ref, whatever the merge path.
    /// </summary>
    private string? Merge(string? ours, string? theirs)
    {
        if (theirs is null || ours == theirs)
        {
            return ours;
        }

        if (ours is null || IsAncestor(ours, theirs))
        {
            var incoming = Changes(ours, theirs, out var refused);
            return refused == 0
                ? theirs
                : FastImport(ours, theirs, "Merge runs (entries that are not run files refused)", incoming.Select(ImportEntry.FromChange).ToList());
        }

        if (IsAncestor(theirs, ours))
        {
            return ours;
        }

        var baseCommit = MergeBase(ours, theirs);
        var ourChanges = Changes(baseCommit, ours).ToDictionary(c => c.TreePath, StringComparer.Ordinal);
        var imports = new List<ImportEntry>();
        foreach (var their in Changes(baseCommit, theirs))
        {
            if (!ourChanges.TryGetValue(their.TreePath, out var our))
            {
                imports.Add(ImportEntry.FromChange(their));
            }
            else if (our.NewBlob != their.NewBlob && their.NewBlob is not null
                     && (our.NewBlob is null || Newer(their.FileName, our.NewBlob, their.NewBlob, null, null) == their.NewBlob))
            {
                imports.Add(ImportEntry.FromChange(their)); // removed here but changed there, or newer there: theirs
            }
        }

        return FastImport(ours, theirs, "Merge runs", imports);
    }

    /// <summary>
    /// The newer of two states of one file: the record with the later <c>lastWriteTime</c> (it is rewritten at every
    /// heartbeat and status change), and so the annotations (tags.json, rewritten whole by each edit), any other file
    /// the longer one (metrics are only appended); ties by object id, so
    /// that every clone chooses alike.
    /// </summary>
    /// <param name="fileName">The file's name in the run's folder (run.json, tags.json, metrics.jsonl…).</param>
    /// <param name="a">One state: an object id, or a local file's path when <paramref name="contentOfA"/> or <paramref name="sizeOfA"/> is given.</param>
    /// <param name="b">The other state: an object id.</param>
    /// <param name="contentOfA">The record's bytes when <paramref name="a"/> is a local file, not yet an object here.</param>
    /// <param name="sizeOfA">The file's size when <paramref name="a"/> is a local file.</param>
    private string Newer(string fileName, string a, string b, byte[]? contentOfA, long? sizeOfA)
    {
        int order;
        if (SharedRunNames.IsReplacedWhole(fileName))
        {
            order = string.CompareOrdinal(RecordLastWriteTime(contentOfA ?? ReadBlob(a)), RecordLastWriteTime(ReadBlob(b)));
        }
        else
        {
            var sizes = BlobSizes(sizeOfA is null ? [a, b] : [b]);
            order = (sizeOfA ?? sizes[a]).CompareTo(sizes[b]);
        }

        return order > 0 ? a : order < 0 ? b : string.CompareOrdinal(a, b) > 0 ? a : b;
    }

    /// <summary>Settles the runs whose record says they have ended: read now, or shared by this save (the state knows).</summary>
    private static void Settle(SyncState state, List<(string RunId, long FolderTicks, byte[]? Record)> settling)
    {
        foreach (var (runId, folderTicks, record) in settling)
        {
            if (record is not null ? SyncState.RecordSaysEnded(record) : state.HasEnded(runId))
            {
                state.SetEnded(runId, true);
                state.Settle(runId, folderTicks);
            }
        }
    }

    private byte[]? TryRead(string path)
    {
        try
        {
            return FileProbe.ReadAllBytes(path, Limits.MaxRecordBytes);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return null;
        }
    }

    /// <summary>The record's <c>lastWriteTime</c> (ISO 8601 UTC, so ordinal order is time order); "" when unreadable.</summary>
    public static string RecordLastWriteTime(byte[] record)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(record);
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

    /// <summary>tree path → blob of the given runs' files on a commit (the whole tree when they are many).</summary>
    private Dictionary<string, string> BlobsOnRef(string commit, List<string> runIds)
    {
        var arguments = new List<string> { "ls-tree", "-r", "-z", "--full-tree", commit, "--" };
        arguments.AddRange(runIds.Count <= 200 ? runIds.Select(id => RunPath(id) + "/") : new[] { SharedRunNames.RunsFolder });
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        _git.RunStreaming(_workingDirectory, arguments.ToArray(), null, output =>
        {
            var reader = new GitBatchReader(output);
            string? entry;
            while ((entry = reader.ReadField(0)) is not null)
            {
                // "<mode> SP <type> SP <object> TAB <path>"
                var tab = entry.IndexOf('\t');
                var fields = tab > 0 ? entry.Substring(0, tab).Split(' ') : Array.Empty<string>();
                if (fields.Length == 3 && SharedRunNames.TryParseTreePath(entry.Substring(tab + 1), fields[0], out _, out _, out _))
                {
                    blobs[entry.Substring(tab + 1)] = fields[2];
                }
            }
        });
        return blobs;
    }

    /// <summary>The sizes of objects, from one streamed <c>git cat-file --batch-check</c>; -1 for an object that is not here.</summary>
    public Dictionary<string, long> BlobSizes(IReadOnlyCollection<string> blobs)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        if (blobs.Count == 0)
        {
            return sizes;
        }

        _git.RunStreaming(_workingDirectory, new[] { "cat-file", "--batch-check=%(objectname) %(objectsize)" }, input =>
        {
            using var writer = new StreamWriter(input, new UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" };
            foreach (var id in blobs)
            {
                writer.WriteLine(id);
            }
        }, output =>
        {
            var reader = new GitBatchReader(output);
            string? line;
            while ((line = reader.ReadField((byte)'\n')) is not null)
            {
                var parts = line.Split(' ');
                if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                {
                    sizes[parts[0]] = size;
                }
            }
        });
        foreach (var blob in blobs.Where(b => !sizes.ContainsKey(b)))
        {
            sizes[blob] = -1; // missing here: the other side wins
        }

        return sizes;
    }

    /// <summary>The id of the empty tree, which also tells the repository's object format (40 hex digits: SHA-1; 64: SHA-256).</summary>
    // git knows this object without storing it
    private string EmptyTree() => _emptyTree ??= Text(new[] { "hash-object", "-t", "tree", "--stdin" }, Array.Empty<byte>()).Trim();

    private HashAlgorithmName ObjectFormat() => EmptyTree().Length == 64 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;

    /// <summary>
    /// One commit on <paramref name="parent"/> (and <paramref name="mergeParent"/>) with <paramref name="entries"/>
    /// applied, written by <c>git fast-import</c>: it rebuilds only the trees along the changed paths and writes one
    /// pack. The commit goes to a temporary ref, which is removed; the caller moves <see cref="LocalRef"/>.
    /// </summary>
    private string FastImport(string? parent, string? mergeParent, string message, List<ImportEntry> entries)
    {
        var scratch = "refs/repro/import/" + Guid.NewGuid().ToString("N");
        string? commit = null;
        var messageBytes = Encoding.UTF8.GetBytes(message);
        var time = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        try
        {
            _git.RunStreaming(_workingDirectory, new[] { "fast-import", "--quiet", "--done" }, input =>
            {
                var buffered = new BufferedStream(input, 65536);
                void Line(string text)
                {
                    var bytes = Encoding.UTF8.GetBytes(text + "\n");
                    buffered.Write(bytes, 0, bytes.Length);
                }

                Line("commit " + scratch);
                Line("mark :1");
                Line($"committer {Identity} {time} +0000");
                Line("data " + messageBytes.Length.ToString(CultureInfo.InvariantCulture));
                buffered.Write(messageBytes, 0, messageBytes.Length);
                Line("");
                if (parent is not null)
                {
                    Line("from " + parent);
                }

                if (mergeParent is not null)
                {
                    Line("merge " + mergeParent);
                }

                foreach (var entry in entries.OrderBy(e => e.TreePath, StringComparer.Ordinal))
                {
                    entry.WriteTo(buffered, Line);
                }

                Line("");
                Line("get-mark :1");
                Line("done");
                buffered.Flush();
            }, output =>
            {
                var line = new GitBatchReader(output).ReadField((byte)'\n');
                commit = line?.Trim();
            });
        }
        finally
        {
            try
            {
                Git(new[] { "update-ref", "-d", scratch });
            }
            catch (GitCommandException)
            {
                // fast-import failed before it made the ref
            }
        }

        return commit is { Length: > 0 } ? commit : throw new RunShareException("git fast-import wrote no commit.");
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

    private string Text(string[] arguments, byte[]? input = null) => Encoding.UTF8.GetString(Git(arguments, input));

    private byte[] Git(string[] arguments, byte[]? input = null) =>
        _git.Run(_workingDirectory, arguments, 64L * 1024 * 1024, out _, input, environment: null);

    /// <summary>A shared file of a local run folder, with its object id computed here (git's blob hash) rather than by a git process.</summary>
    private sealed class LocalFile
    {
        public LocalFile(string runId, string fileName, string path, long size, long lastWriteTicks)
        {
            RunId = runId;
            FileName = fileName;
            Path = path;
            Size = size;
            LastWriteTicks = lastWriteTicks;
            TreePath = SharedRunNames.TreePath(runId, fileName);
        }

        public string RunId { get; }

        public string FileName { get; }

        public string Path { get; }

        public string TreePath { get; }

        /// <summary>The size shared: a file that is appended to while it is shared (metrics) is shared up to this length.</summary>
        public long Size { get; private set; }

        public long LastWriteTicks { get; }

        public string? Blob { get; private set; }

        /// <summary>The record's bytes (records are replaced whole, so what is hashed and what is shared must be one read).</summary>
        public byte[]? Content { get; private set; }

        public void Read(HashAlgorithmName format, long maxRecordBytes)
        {
            using var hash = IncrementalHash.CreateHash(format);
            if (SharedRunNames.IsReplacedWhole(FileName))
            {
                // replaced whole, never appended to: what is read once is what is hashed and shared, whatever its size now
                Content = FileProbe.ReadAllBytes(Path, maxRecordBytes);
                Size = Content.Length;
                hash.AppendData(Encoding.ASCII.GetBytes("blob " + Size.ToString(CultureInfo.InvariantCulture) + "\0"));
                hash.AppendData(Content);
            }
            else
            {
                hash.AppendData(Encoding.ASCII.GetBytes("blob " + Size.ToString(CultureInfo.InvariantCulture) + "\0"));
                using var stream = FileProbe.OpenRegular(Path, FileOptions.SequentialScan, 65536);
                Copy(stream, Size, (buffer, count) => hash.AppendData(buffer, 0, count), Path);
            }

            Blob = Hashing.ToHex(hash.GetHashAndReset());
        }

        public static void Copy(Stream source, long length, Action<byte[], int> sink, string path)
        {
            var buffer = new byte[81920];
            while (length > 0)
            {
                var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
                if (read == 0)
                {
                    throw new RunShareException($"{path} became shorter while it was being shared; run the command again.");
                }

                sink(buffer, read);
                length -= read;
            }
        }
    }

    /// <summary>One line of a fast-import commit: a file from disk, an object already in the repository, or a removal.</summary>
    private sealed class ImportEntry
    {
        private LocalFile? _file;
        private string? _blob;

        private ImportEntry(string treePath) => TreePath = treePath;

        public string TreePath { get; }

        public static ImportEntry FromFile(LocalFile file) => new(file.TreePath) { _file = file };

        public static ImportEntry FromChange(RefChange change) => new(change.TreePath) { _blob = change.NewBlob };

        public static ImportEntry FromBlob(string treePath, string blob) => new(treePath) { _blob = blob };

        public void WriteTo(Stream stream, Action<string> line)
        {
            // Paths are validated run files: letters, digits, '-', '_', '.', '/', nothing fast-import would need quoted.
            if (_file is null)
            {
                line(_blob is null ? "D " + TreePath : $"M {SharedRunNames.FileMode} {_blob} {TreePath}");
                return;
            }

            line($"M {SharedRunNames.FileMode} inline {TreePath}");
            line("data " + _file.Size.ToString(CultureInfo.InvariantCulture));
            if (_file.Content is not null)
            {
                stream.Write(_file.Content, 0, _file.Content.Length);
            }
            else
            {
                using var source = FileProbe.OpenRegular(_file.Path, FileOptions.SequentialScan, 65536);
                LocalFile.Copy(source, _file.Size, (buffer, count) => stream.Write(buffer, 0, count), _file.Path);
            }

            line("");
        }
    }
}
