using Repro.Build.Store;
using Repro.Runs.Records;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// The store's half of <c>dotnet repro push</c> and <c>pull</c>: the outputs runs logged and the data they read, sent to
/// (or fetched from) the store's remote with the runs themselves. Each remote keeps, in the cache, the ids of the ended
/// runs whose objects it was sent (<c>&lt;cache&gt;/pushed/&lt;remote&gt;</c>), so a push reads only the records of runs it has
/// not sent yet, whatever the number of runs.
/// </summary>
internal static class RunArtifacts
{
    /// <summary>What a push or pull of artifacts did; null fields when there was nothing to do.</summary>
    public sealed record Outcome(string? Remote, int Runs, int Objects, long Bytes, int NotAvailable, string? Skipped);

    /// <summary>Sends the objects of the runs not sent to the remote yet (those the cache or the work tree has).</summary>
    public static Outcome Push(string directory, string runsDirectory, CancellationToken cancellation = default)
    {
        using var store = OpenOrNull(directory, out var skipped);
        if (store is null)
        {
            return new Outcome(null, 0, 0, 0, 0, skipped);
        }

        var markerPath = Path.Combine(store.Cache.Directory, "pushed", store.RemoteName!);
        var sent = ReadMarker(markerPath);
        var runs = new List<LoadedRun>();
        foreach (var id in Directory.Exists(runsDirectory) ? RunStore.ListRunIds(runsDirectory) : [])
        {
            if (!sent.Contains(id) && TryLoad(runsDirectory, id) is { } run)
            {
                runs.Add(run);
            }
        }

        if (runs.Count == 0)
        {
            return new Outcome(store.RemoteName, 0, 0, 0, 0, null);
        }

        var files = new List<DataFile>();
        var listings = new List<StoreObject>();
        var unresolved = new List<RunItem>();
        foreach (var run in runs)
        {
            var items = RunFiles.Items(run.Record, data: true, outputs: true);
            files.AddRange(store.FilesOf(items, RunFiles.ProjectDirectory(run.Record, store.Settings.RootDirectory), fetch: false, unresolved, cancellation));
            listings.AddRange(RunFiles.Listings(items, store.Cache));
        }

        var result = store.Push(files, new TransferProgress(), listings, cancellation);

        // Ended runs are not sent again (what they lack now they will lack then: say it once); a running one is, later.
        foreach (var run in runs.Where(r => r.Record.Status != RunStatus.Running))
        {
            sent.Add(run.Record.RunId);
        }

        WriteMarker(markerPath, sent);
        return new Outcome(store.RemoteName, runs.Count, result.Transfer.Transferred.Count, result.Transfer.BytesTransferred,
            result.Changed.Count + result.Missing.Count + unresolved.Count, null);
    }

    /// <summary>Fetches into the cache the outputs and data of the runs not fetched from the remote yet (what the remote has).</summary>
    public static Outcome Pull(string directory, string runsDirectory, CancellationToken cancellation = default)
    {
        using var store = OpenOrNull(directory, out var skipped);
        if (store is null)
        {
            return new Outcome(null, 0, 0, 0, 0, skipped);
        }

        var markerPath = Path.Combine(store.Cache.Directory, "pulled", store.RemoteName!);
        var fetched = ReadMarker(markerPath);
        var files = new List<DataFile>();
        var unresolved = new List<RunItem>();
        var runs = new List<LoadedRun>();
        foreach (var id in Directory.Exists(runsDirectory) ? RunStore.ListRunIds(runsDirectory) : [])
        {
            if (fetched.Contains(id) || TryLoad(runsDirectory, id) is not { } run)
            {
                continue;
            }

            runs.Add(run);
            var items = RunFiles.Items(run.Record, data: true, outputs: true);
            files.AddRange(store.FilesOf(items, RunFiles.ProjectDirectory(run.Record, store.Settings.RootDirectory), fetch: true, unresolved, cancellation));
        }

        var result = store.Pull([], new TransferProgress(), files, cancellation);
        if (result.Transfer.Missing.Count == 0 && result.Transfer.Corrupt.Count == 0 && unresolved.Count == 0)
        {
            foreach (var run in runs.Where(r => r.Record.Status != RunStatus.Running))
            {
                fetched.Add(run.Record.RunId);
            }

            WriteMarker(markerPath, fetched);
        }

        return new Outcome(store.RemoteName, runs.Count, result.Transfer.Transferred.Count, result.Transfer.BytesTransferred,
            result.Transfer.Missing.Count + result.Transfer.Corrupt.Count + unresolved.Count, null);
    }

    private static DataStore? OpenOrNull(string directory, out string? skipped)
    {
        var settings = DataStore.LoadSettings(directory);
        if (settings.DefaultRemote is null)
        {
            skipped = settings.Remotes.Count == 0
                ? "no store remote is configured: the runs' outputs stay in this clone (dotnet repro remote add NAME URL --default)"
                : "no default store remote: the runs' outputs stay in this clone (dotnet repro remote default NAME)";
            return null;
        }

        skipped = null;
        return DataStore.Open(directory, remote: null, jobs: null, remoteRequired: true);
    }

    private static LoadedRun? TryLoad(string runsDirectory, string id)
    {
        try
        {
            return RunLoader.Load(RunStore.RecordPath(runsDirectory, id), id, id);
        }
        catch (ToolInputException)
        {
            return null;
        }
    }

    private static HashSet<string> ReadMarker(string path)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(path) && new FileInfo(path).Length <= 64L << 20)
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length > 0)
                {
                    ids.Add(line);
                }
            }
        }

        return ids;
    }

    private static void WriteMarker(string path, HashSet<string> ids)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllLines(temporary, ids.OrderBy(i => i, StringComparer.Ordinal));
        File.Move(temporary, path, overwrite: true);
    }
}
