using Repro.Build;
using Repro.Build.IO;
using Repro.Runs.Records;
using Repro.Runs.Sharing;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// <c>dotnet repro push</c> and <c>pull</c>: the runs folder of a checkout exchanged with the team through
/// <see cref="RunRefStore"/> (the ref <c>refs/repro/runs</c> of the project's own git remote).
/// </summary>
internal sealed class RunSharing
{
    private readonly string _repository;
    private readonly RunRefStore _store;
    private readonly List<string> _exportWarnings = [];

    private RunSharing(string repository, string runsDirectory)
    {
        _repository = repository;
        RunsDirectory = runsDirectory;
        _store = new RunRefStore(repository);
    }

    public string RunsDirectory { get; }

    /// <summary>What was refused or skipped on the way, one line each: the store's, then the export's.</summary>
    public IReadOnlyList<string> AllWarnings => _store.Warnings.Concat(_exportWarnings).Distinct(StringComparer.Ordinal).ToList();

    private sealed record Target(RefChange Change, string Path, bool Exists);

    /// <summary>The checkout that contains <paramref name="directory"/> and its runs folder.</summary>
    public static RunSharing ForDirectory(string directory, string? runsDirectory)
    {
        var repository = Repro.Build.Store.ReproFolder.WorkTreeRoot(directory)
            ?? throw new ToolInputException(DiagnosticIds.ToolShareFailed,
                $"{Path.GetFullPath(directory)} is not inside a git repository: runs are shared through the project's own git remote. Run this inside " +
                    $"the project's clone.");
        return new RunSharing(repository, RunStore.Locate(directory, runsDirectory));
    }

    /// <summary>Saves every local run on the ref, then pushes the ref (merging what teammates pushed meanwhile).</summary>
    public (int Saved, SyncResult Result) Push(string remote)
    {
        return Share(() =>
        {
            var state = LoadState();
            var folders = SaveLocalRuns("push", state);
            var result = _store.Push(remote);
            // What the push merged from the remote lands in the folder too: the local list then shows the team's runs.
            Export(state);
            state.Save();
            return (folders, result);
        });
    }

    /// <summary>Fetches the team's runs, merges them into the ref, and writes the new or newer ones into the runs folder.</summary>
    public (SyncResult Result, int Written) Pull(string remote)
    {
        return Share(() =>
        {
            // Local runs go onto the ref first, so that a run of ours is never replaced by an older shared copy.
            var state = LoadState();
            SaveLocalRuns("pull", state);
            var result = _store.Pull(remote);
            var written = Export(state);
            state.Save();
            return (result, written);
        });
    }

    /// <summary>
    /// <c>runs delete</c>: removes the runs' folders here and, with <paramref name="remote"/>, puts their tombstones on the
    /// ref and pushes it, so that every clone removes them at its next pull. Returns the runs deleted from the ref.
    /// </summary>
    public IReadOnlyList<string> Delete(IReadOnlyList<string> runIds, string? remote)
    {
        IReadOnlyList<string> shared = [];
        if (remote is not null)
        {
            shared = Share(() =>
            {
                var state = LoadState();
                SaveLocalRuns("delete", state); // what this clone has of them goes on the ref first, so the tombstone wins it
                var marked = _store.MarkDeleted(runIds.ToList(), $"Delete {runIds.Count} run(s)");
                _store.Push(remote);
                Export(state);
                state.Save();
                return marked;
            });
        }

        foreach (var runId in runIds)
        {
            DeleteRunFolder(runId);
        }

        return shared;
    }

    // Only a folder named like a run, directly inside the runs folder, and never through a link.
    private void DeleteRunFolder(string runId)
    {
        var folder = Path.Combine(RunsDirectory, runId);
        if (SharedRunNames.IsRunId(runId) && FileProbe.Inspect(folder, followLinks: false) == FileKind.Directory)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The folder's record of what it last exchanged, forgotten when the ref no longer descends from it.</summary>
    private SyncState LoadState()
    {
        _store.Limits = ShareLimits.FromEnvironment();
        var state = SyncState.Load(RunsDirectory);
        var current = _store.ResolveCommit(RunRefStore.LocalRef);
        if (state.Synced is { } synced && (current is null || !_store.IsAncestor(synced, current)))
        {
            state.Clear(); // the ref was removed or rewritten: what the state says is on it may not be
        }
        else if (state.Synced is null && state.Count > 0)
        {
            state.Clear();
        }

        return state;
    }

    /// <summary>Records the runs of the runs folder on the local ref (the newer state of each run stays there); only
    /// files changed since the last exchange are read.</summary>
    private int SaveLocalRuns(string command, SyncState state)
    {
        // Every folder; the store skips those without a record (one lstat each, instead of an existence check and then another).
        var folders = Directory.Exists(RunsDirectory)
            ? Directory.EnumerateDirectories(RunsDirectory).ToDictionary(folder => Path.GetFileName(folder), folder => folder, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        _store.Save(folders, $"dotnet repro {command}: local runs", state);
        return _store.RunsSeen;
    }

    /// <summary>
    /// Writes the ref's runs into the runs folder, file by file, where the ref's state is newer than the folder's (by
    /// the same rule as the ref's merges: run.json by <c>lastWriteTime</c>, other files by length). Only what changed on
    /// the ref since the folder last reflected it is looked at (<c>git diff-tree</c>), every name is validated before a
    /// path is made of it, and blobs are streamed to their files one at a time within the limits. A run that is still
    /// being written here is always at least as new as its shared copy, so it is never touched: its metrics file stays
    /// the one the program appends to.
    /// </summary>
    private int Export(SyncState state)
    {
        // The default store stays out of the user's commits, as Repro.Runs keeps it (.repro/.gitignore, ReproFolder).
        var store = Path.GetDirectoryName(RunsDirectory)!;
        if (Path.GetFileName(RunsDirectory) == "runs" && Path.GetFileName(store) == Repro.Build.Store.ReproFolder.Name)
        {
            Repro.Build.Store.ReproFolder.EnsureGitIgnore(store);
        }

        var to = _store.ResolveCommit(RunRefStore.LocalRef);
        if (to is null || to == state.Synced)
        {
            return 0;
        }

        var targets = new Dictionary<string, List<Target>>(StringComparer.Ordinal);
        var changes = _store.Changes(state.Synced, to);

        // A run deleted from the team's ref (its tombstone arrived): its local folder goes, and nothing of it is written.
        var deleted = changes.Where(c => c.FileName == SharedRunNames.DeletedFileName && c.NewBlob is not null).Select(c => c.RunId)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var runId in deleted)
        {
            DeleteRunFolder(runId);
        }

        foreach (var change in changes)
        {
            if (change.NewBlob is null || deleted.Contains(change.RunId))
            {
                continue; // removed from the ref: the local copy stays
            }

            var folder = Path.Combine(RunsDirectory, change.RunId);
            var folderKind = FileProbe.Inspect(folder, followLinks: false);
            var path = SharedRunNames.FilePath(RunsDirectory, change.RunId, change.FileName);
            var regular = FileProbe.TryStatRegular(path, out var size, out var ticks);
            var kind = regular ? FileKind.Regular : FileProbe.Inspect(path, followLinks: false);
            if ((folderKind != FileKind.Directory && folderKind != FileKind.Missing) || (kind != FileKind.Regular && kind != FileKind.Missing))
            {
                Warn($"run {change.RunId}: {(kind is FileKind.Regular or FileKind.Missing ? "its folder" : change.FileName)} is not a regular " +
                    $"{(kind is FileKind.Regular or FileKind.Missing ? "folder" : "file")} here; it was left as it is");
                continue;
            }

            if (regular && state.BlobIfUnchanged(change.RunId, change.FileName, size, ticks) == change.NewBlob)
            {
                continue; // this very content, written or saved by the last exchange
            }

            if (!targets.TryGetValue(change.NewBlob, out var list))
            {
                list = [];
                targets[change.NewBlob] = list;
            }

            list.Add(new Target(change, path, kind == FileKind.Regular));
        }

        // Sizes first (one cheap batch): a blob over its limit is never asked for, so a hostile gigabyte is not even read.
        var limits = _store.Limits;
        foreach (var size in _store.BlobSizes(targets.Keys.ToList()))
        {
            var list = targets[size.Key];
            foreach (var target in list.Where(t => size.Value > limits.MaxBytesOf(t.Change.FileName) || size.Value < 0).ToList())
            {
                var name = target.Change.FileName;
                Warn(size.Value < 0
                    ? $"run {target.Change.RunId}: the shared {name} is missing from this repository; it was not written"
                    : $"run {target.Change.RunId}: the shared {name} is {ShareLimits.Size(size.Value)}, over the limit of " +
                        $"{ShareLimits.Size(limits.MaxBytesOf(name))} ({ShareLimits.VariableOf(name)} raises it); it was not written");
                list.Remove(target);
            }

            if (list.Count == 0)
            {
                targets.Remove(size.Key);
            }
        }

        long written = 0;
        var complete = true;
        var changedRuns = new HashSet<string>(StringComparer.Ordinal);
        _store.ReadBlobs(targets.Keys.ToList(), (blob, size, content) =>
        {
            byte[]? bytes = null;
            string? firstWritten = null;
            foreach (var target in targets[blob])
            {
                var name = target.Change.FileName;
                if (written + size > limits.MaxPullBytes)
                {
                    complete = false;
                    Warn($"this exchange reached its limit of {ShareLimits.Size(limits.MaxPullBytes)} written ({ShareLimits.PullVariable} raises it); " +
                        $"the other files were not written, and the next pull goes on with them");
                    continue;
                }

                if (SharedRunNames.IsReplacedWhole(name))
                {
                    if (bytes is null)
                    {
                        bytes = new byte[size]; // at most the record limit: larger blobs were dropped above
                        content.ReadExactly(bytes);
                    }
                }

                if (target.Exists && !IsNewer(name, bytes, size, target.Path))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target.Path)!);
                if (bytes is not null)
                {
                    AtomicFile.Write(target.Path, stream => stream.Write(bytes, 0, bytes.Length));
                    if (name == RunRecordSerializer.FileName)
                    {
                        state.SetEnded(target.Change.RunId, SyncState.RecordSaysEnded(bytes)); // so that settling it later reads nothing
                    }
                }
                else if (firstWritten is not null)
                {
                    var source = firstWritten;
                    AtomicFile.Write(target.Path, stream =>
                    {
                        using var copy = FileProbe.OpenRegular(source, FileOptions.SequentialScan, 65536);
                        copy.CopyTo(stream);
                    });
                }
                else
                {
                    AtomicFile.Write(target.Path, content.CopyTo);
                    firstWritten = target.Path;
                }

                written += size;
                if (FileProbe.TryStatRegular(target.Path, out var writtenSize, out var ticks))
                {
                    state.Set(target.Change.RunId, name, blob, writtenSize, ticks);
                }

                changedRuns.Add(target.Change.RunId);
            }
        });

        if (complete)
        {
            state.Synced = to;
        }

        if (changedRuns.Count > 0)
        {
            // Records of finished runs were replaced in place: the run index looks at every record again when the
            // folder's time moves (RunIndex), which writing into existing run folders does not do by itself.
            TouchFolder();
        }

        return changedRuns.Count;
    }

    private void Warn(string text) => _exportWarnings.Add(text);

    private void TouchFolder()
    {
        try
        {
            Directory.SetLastWriteTimeUtc(RunsDirectory, DateTime.UtcNow);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            // a folder we may write runs into but not touch: the index then trusts its last walk until a run is added
        }
    }

    /// <summary>The newer of the shared and the local copy, by the rule of the ref's merges (<see cref="RunRefStore"/>).</summary>
    private static bool IsNewer(string name, byte[]? shared, long sharedSize, string localPath)
    {
        if (!SharedRunNames.IsReplacedWhole(name))
        {
            return sharedSize > FileProbe.StatNotLink(localPath).Size;
        }

        string local;
        try
        {
            local = RunRefStore.RecordLastWriteTime(FileProbe.ReadAllBytes(localPath, RunRecordSerializer.MaxFileBytes));
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            local = "";
        }

        return string.CompareOrdinal(RunRefStore.RecordLastWriteTime(shared!), local) > 0;
    }

    private T Share<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (RunShareException ex)
        {
            throw new ToolInputException(DiagnosticIds.ToolShareFailed, ex.Message, ex);
        }
        catch (Repro.Build.Git.GitExecutableNotFoundException ex)
        {
            throw new ToolInputException(DiagnosticIds.ToolShareFailed, ex.Message + " Install git and put it on PATH.", ex);
        }
        catch (Repro.Build.Git.GitCommandException ex)
        {
            throw new ToolInputException(DiagnosticIds.ToolShareFailed, $"git failed in {_repository}: {ex.Message}", ex);
        }
    }
}
