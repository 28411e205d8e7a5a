using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Repro.Build;
using Repro.Build.IO;
using Repro.Build.Runs;
using Repro.Build.Sharing;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// <c>dotnet repro push</c> and <c>pull</c>: the runs folder of a checkout exchanged with the team through
/// <see cref="RunRefStore"/> (the ref <c>refs/repro/runs</c> of the project's own git remote).
/// </summary>
public sealed class RunSharing
{
    private readonly string _repository;
    private readonly RunRefStore _store;

    private RunSharing(string repository, string runsDirectory)
    {
        _repository = repository;
        RunsDirectory = runsDirectory;
        _store = new RunRefStore(repository);
    }

    public string RunsDirectory { get; }

    /// <summary>The checkout that contains <paramref name="directory"/> and its runs folder.</summary>
    public static RunSharing ForDirectory(string directory, string? runsDirectory)
    {
        var repository = RunStore.WorkTreeRoot(directory)
            ?? throw new ToolInputException(DiagnosticIds.ToolShareFailed, $"{Path.GetFullPath(directory)} is not inside a git repository: runs are shared through the project's own git remote. Run this inside the project's clone.");
        return new RunSharing(repository, RunStore.Locate(directory, runsDirectory));
    }

    /// <summary>Saves every local run on the ref, then pushes the ref (merging what teammates pushed meanwhile).</summary>
    public (int Saved, SyncResult Result) Push(string remote)
    {
        return Share(() =>
        {
            var folders = SaveLocalRuns("push");
            var result = _store.Push(remote);
            // What the push merged from the remote lands in the folder too: the local list then shows the team's runs.
            Export();
            return (folders.Count, result);
        });
    }

    /// <summary>Fetches the team's runs, merges them into the ref, and writes the new or newer ones into the runs folder.</summary>
    public (SyncResult Result, int Written) Pull(string remote)
    {
        return Share(() =>
        {
            // Local runs go onto the ref first, so that a run of ours is never replaced by an older shared copy.
            SaveLocalRuns("pull");
            var result = _store.Pull(remote);
            return (result, Export());
        });
    }

    /// <summary>Records every run of the runs folder on the local ref (the newer state of each run stays there).</summary>
    private Dictionary<string, string> SaveLocalRuns(string command)
    {
        var folders = RunStore.ListRunIds(RunsDirectory).ToDictionary(id => id, id => Path.Combine(RunsDirectory, id), StringComparer.Ordinal);
        _store.Save(folders, $"dotnet repro {command}: {folders.Count} local run(s)");
        return folders;
    }

    /// <summary>
    /// Writes the ref's runs into the runs folder, file by file, where the ref's state is newer than the folder's (by
    /// the same rule as the ref's merges: run.json by <c>lastWriteTime</c>, other files by length). A run that is still
    /// being written here is always at least as new as its shared copy, so it is never touched: its metrics file stays
    /// the one the program appends to.
    /// </summary>
    private int Export()
    {
        // The default store stays out of the user's commits, as Repro.Runs keeps it (.repro/.gitignore of "*").
        var store = Path.GetDirectoryName(RunsDirectory)!;
        if (Path.GetFileName(RunsDirectory) == "runs" && Path.GetFileName(store) == RunStore.DefaultFolderName && !File.Exists(Path.Combine(store, ".gitignore")))
        {
            Directory.CreateDirectory(store);
            AtomicFile.WriteIfChanged(Path.Combine(store, ".gitignore"), System.Text.Encoding.UTF8.GetBytes("# Run records of Repro.Runs: local to this machine unless added on purpose.\n*\n"));
        }

        // Files the folder already has with the same content are found by their blob ids (one git process for all),
        // and only the others are read from the ref (one more): an export of 1,000 unchanged runs starts two processes.
        var files = _store.List().SelectMany(run => run.Value.Select(file => (Run: run.Key, Path: Path.Combine(RunsDirectory, run.Key, file.Key), Blob: file.Value))).ToList();
        // Regular files only: git would wait forever on a FIFO where a record should be.
        var existing = files.Where(f => FileProbe.Inspect(f.Path, followLinks: false) == FileKind.Regular).ToList();
        var localBlobs = _store.BlobIdsOf(existing.Select(f => f.Path).ToList());
        var same = new HashSet<string>(existing.Where((f, i) => localBlobs[i] == f.Blob).Select(f => f.Path), StringComparer.Ordinal);
        var wanted = files.Where(f => !same.Contains(f.Path)).ToList();
        var contents = _store.ReadBlobs(wanted.Select(f => f.Blob).Distinct(StringComparer.Ordinal).ToList());
        var changedRuns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in wanted)
        {
            var content = contents[file.Blob];
            if (File.Exists(file.Path) && !IsNewer(Path.GetFileName(file.Path), content, file.Path))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
            if (AtomicFile.WriteIfChanged(file.Path, content))
            {
                changedRuns.Add(file.Run);
            }
        }

        return changedRuns.Count;
    }

    private static bool IsNewer(string name, byte[] shared, string localPath)
    {
        if (name != RunRecordSerializer.FileName)
        {
            return shared.Length > FileProbe.Stat(localPath).Size;
        }

        return string.CompareOrdinal(LastWriteTime(() => RunRecordSerializer.FromUtf8Bytes(shared)), LastWriteTime(() => RunRecordSerializer.ReadFile(localPath))) > 0;
    }

    private static string LastWriteTime(Func<RunRecord> read)
    {
        try
        {
            return read().LastWriteTime ?? "";
        }
        catch (Exception ex) when (ex is InvalidDataException || ReadFailure.IsExpected(ex))
        {
            return "";
        }
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
