using Repro.Build;
using Repro.Build.Data;
using Repro.Build.Manifest;
using Repro.Build.IO;
using Repro.Build.Store;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// <c>data push</c>, <c>pull</c> and <c>status</c> on the data files of one build: the work tree, the local cache and a
/// remote, as DVC relates them. The commands parse and print; this decides.
/// </summary>
internal sealed class DataStore : IDisposable
{
    private readonly Func<IObjectRemote>? _openRemote;
    private IObjectRemote? _remote;

    private DataStore(StoreSettings settings, string? remoteName, int jobs, Func<IObjectRemote>? openRemote)
    {
        Settings = settings;
        RemoteName = remoteName;
        Jobs = jobs;
        Cache = settings.OpenCache();
        _openRemote = openRemote;
    }

    public StoreSettings Settings { get; }

    public LocalCache Cache { get; }

    /// <summary>The remote in use; null for a status without any remote configured.</summary>
    public string? RemoteName { get; }

    public string? RemoteUrl => RemoteName is null ? null : Settings.Remotes[RemoteName].Url;

    public int Jobs { get; }

    /// <summary>The store of the work tree around <paramref name="startDirectory"/>, with the remote named (or the default).</summary>
    /// <param name="remoteRequired">False for status, which reports what it can without a remote.</param>
    public static DataStore Open(string startDirectory, string? remote, int? jobs, bool remoteRequired)
    {
        var settings = LoadSettings(startDirectory);
        if (jobs is { } given && (given < 1 || given > StoreConfigFile.MaxJobs))
        {
            throw new ToolInputException(DiagnosticIds.ToolUsage, $"--jobs {given} is not 1 to {StoreConfigFile.MaxJobs} parallel transfers.");
        }

        var name = remoteRequired || remote is not null || settings.DefaultRemote is not null ? RemoteFactory.Resolve(settings, remote) : null;
        return new DataStore(settings, name, jobs ?? settings.Jobs, name is null ? null : () => RemoteFactory.Open(settings, name));
    }

    /// <summary>The store settings of the work tree, or one REPRO530 line naming the damaged file.</summary>
    public static StoreSettings LoadSettings(string startDirectory)
    {
        try
        {
            return StoreSettings.Load(startDirectory);
        }
        catch (InvalidDataException ex)
        {
            throw new ToolInputException(DiagnosticIds.StoreConfigInvalid, ex.Message, ex);
        }
    }

    /// <summary>Adds the work tree's data files to the cache (copied as they are hashed), then sends what the remote lacks.</summary>
    /// <param name="fromCache">Objects that are in the cache already (listings) and go with the files.</param>
    public DataPushResult Push(IReadOnlyList<DataFile> files, TransferProgress progress, IEnumerable<StoreObject>? fromCache = null,
        CancellationToken cancellation = default)
    {
        var changed = new List<DataFile>();
        var missing = new List<DataFile>();
        var added = 0;
        var ready = new List<StoreObject>(fromCache?.Where(o => Cache.Contains(o.Sha256)).Select(Sized) ?? []);
        foreach (var file in files)
        {
            var result = Cache.AddFile(file.FullPath, file.Sha256);
            switch (result.Outcome)
            {
                case CacheOutcome.Added:
                    added++;
                    ready.Add(Sized(file.Object));
                    break;
                case CacheOutcome.AlreadyPresent:
                    ready.Add(Sized(file.Object));
                    break;
                case CacheOutcome.HashMismatch:
                    changed.Add(file);
                    break;
                default:
                    missing.Add(file);
                    break;
            }
        }

        var transfer = Run(() => new StoreTransfer(Cache, Remote(), Jobs, progress).PushAsync(ready, cancellation));
        return new DataPushResult(transfer, changed, missing, added);
    }

    /// <summary>
    /// Fetches into the cache what it lacks (each object verified), then puts into the work tree every file that is missing
    /// there; a file that differs from the manifest is left as it is (named in the result).
    /// </summary>
    /// <param name="fetchOnly">Objects fetched into the cache and not placed (a run's outputs: <c>dotnet repro get</c> places them).</param>
    public DataPullResult Pull(IReadOnlyList<DataFile> files, TransferProgress progress, IReadOnlyList<DataFile>? fetchOnly = null,
        CancellationToken cancellation = default)
    {
        var objects = files.Concat(fetchOnly ?? []).Select(f => f.Object);
        var result = new DataPullResult(Run(() => new StoreTransfer(Cache, Remote(), Jobs, progress).PullAsync(objects, cancellation)));
        var corrupt = new HashSet<string>(result.Transfer.Corrupt.Select(c => c.Object.Sha256), StringComparer.Ordinal);
        PlaceFiles(files.Where(f => !corrupt.Contains(f.Sha256)), force: false, result);
        return result;
    }

    /// <summary>
    /// <c>dotnet repro get</c>: the objects of <paramref name="files"/> fetched into the cache when it lacks them (from the
    /// remote, when there is one), then placed at their <see cref="DataFile.FullPath"/>, which must be below
    /// <paramref name="within"/>; a different file there is kept unless <paramref name="force"/>.
    /// </summary>
    public DataPullResult Get(IReadOnlyList<DataFile> files, string within, bool force, TransferProgress progress, CancellationToken cancellation = default)
    {
        var lacking = files.Where(f => !Cache.Contains(f.Sha256)).Select(f => f.Object).ToList();
        var result = new DataPullResult(lacking.Count == 0 || _openRemote is null
            ? new TransferResult()
            : Run(() => new StoreTransfer(Cache, Remote(), Jobs, progress).PullAsync(lacking, cancellation)));
        var corrupt = new HashSet<string>(result.Transfer.Corrupt.Select(c => c.Object.Sha256), StringComparer.Ordinal);
        PlaceFiles(files.Where(f => !corrupt.Contains(f.Sha256)), force, result, within);
        return result;
    }

    /// <summary>
    /// The files of a run's items in this work tree. The listings of folders the cache lacks are fetched from the remote
    /// first (when there is one and <paramref name="fetch"/>), else rebuilt from the work tree when its folder still hashes
    /// to the recorded value; an item whose listing cannot be had is added to <paramref name="unresolved"/>.
    /// </summary>
    public List<DataFile> FilesOf(IReadOnlyList<RunItem> items, string projectDirectory, bool fetch, List<RunItem> unresolved,
        CancellationToken cancellation = default)
    {
        var lacking = RunFiles.Listings(items, Cache).Where(o => !Cache.Contains(o.Sha256)).ToList();
        if (fetch && lacking.Count > 0 && _openRemote is not null)
        {
            Run(() => new StoreTransfer(Cache, Remote(), Jobs).PullAsync(lacking, cancellation));
        }

        foreach (var item in items.Where(i => i.IsListing && !i.IsGroup && !Cache.Contains(i.Sha256)))
        {
            ListingFromWorkTree(item, projectDirectory, cancellation);
        }

        return RunFiles.Expand(items, projectDirectory, Cache, unresolved);
    }

    // A folder of the work tree that still hashes to the recorded value gives the listing back (the stat cache of runs
    // spares reading what a run hashed already).
    private void ListingFromWorkTree(RunItem item, string projectDirectory, CancellationToken cancellation)
    {
        var full = Path.GetFullPath(Path.Combine(projectDirectory, item.Path));
        if (!DataFiles.IsInside(Settings.RootDirectory, full) || FileProbe.Inspect(full) != FileKind.Directory)
        {
            return;
        }

        var hashes = Runs.Records.RunStore.Locate(projectDirectory);
        var statCache = FileHashCache.Load(Path.Combine(hashes, "hashes.json"));
        var hashed = DataHasher.Hash(projectDirectory, [new DataDeclaration(item.Path, full, null)], statCache, new HashProgress(), [], strict: false,
            Settings.RootDirectory, cancellation).Items[0];
        if (hashed.Sha256 == item.Sha256 && DirectoryListing.ForItem(hashed) is { } listing)
        {
            using var bytes = new MemoryStream(listing, writable: false);
            Cache.Add(bytes, item.Sha256);
        }
    }

    // An object in the cache has the size of its cached file: a listing's files are sent with it, so that the remote's
    // existence check compares sizes.
    private StoreObject Sized(StoreObject item)
    {
        if (item.Size >= 0)
        {
            return item;
        }

        var file = new FileInfo(Cache.ObjectPath(item.Sha256));
        return file.Exists ? item with { Size = file.Length } : item;
    }

    /// <summary>
    /// Puts the files back into the work tree from the cache alone (no remote): those missing, and, with
    /// <paramref name="force"/>, those whose content differs from the manifest's (without it they are named and kept).
    /// </summary>
    public DataPullResult Checkout(IReadOnlyList<DataFile> files, bool force)
    {
        var result = new DataPullResult(new TransferResult());
        PlaceFiles(files, force, result);
        return result;
    }

    // Each file whose object the cache has: left alone when it already matches, kept when it differs (unless forced),
    // put there from the cache otherwise (placed through a temporary name, verified, then renamed over the old file).
    // Files are looked at and placed on every core (ten thousand small files are mostly file-system calls); the result
    // lists keep the files' order.
    private void PlaceFiles(IEnumerable<DataFile> files, bool force, DataPullResult result, string? within = null)
    {
        var root = within ?? Settings.RootDirectory;
        var list = files.ToList();
        var outcomes = new Placement[list.Count];
        var damaged = new (DataFile File, string? Actual)?[list.Count];
        Parallel.For(0, list.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, i =>
        {
            var file = list[i];
            if (!Cache.Contains(file.Sha256))
            {
                outcomes[i] = Placement.Missing;
                return;
            }

            switch (StateOf(file))
            {
                case WorkTreeState.Unchanged:
                    outcomes[i] = Placement.Unchanged;
                    return;
                case WorkTreeState.Changed when !force:
                    outcomes[i] = Placement.Kept;
                    return;
            }

            if (!DataFiles.IsInside(root, file.FullPath))
            {
                outcomes[i] = Placement.Outside;
                return;
            }

            var placed = Cache.Place(file.Sha256, file.FullPath);
            if (placed.Outcome == CacheOutcome.HashMismatch)
            {
                damaged[i] = (file, placed.ActualSha256);
                outcomes[i] = Placement.Damaged;
                return;
            }

            outcomes[i] = Placement.Placed;
        });

        if (damaged.FirstOrDefault(d => d is not null) is { } bad)
        {
            throw new ToolInputException(DiagnosticIds.StoreObjectCorrupt,
                $"The cached object {bad.File.Sha256} of {bad.File.Path} is damaged (its content hashes to {bad.Actual}): it was not written; "
                + $"delete {Cache.ObjectPath(bad.File.Sha256)} and run dotnet repro data pull again.");
        }

        for (var i = 0; i < list.Count; i++)
        {
            (outcomes[i] switch
            {
                Placement.Missing => result.Missing,
                Placement.Kept => result.Kept,
                Placement.Outside => result.Outside,
                Placement.Placed => result.Placed,
                _ => null,
            })?.Add(list[i]);
        }
    }

    private enum Placement
    {
        Unchanged,
        Missing,
        Kept,
        Outside,
        Placed,
        Damaged,
    }

    /// <summary>Each file: in the cache, on the remote (when there is one), and its state in the work tree.</summary>
    public IReadOnlyList<DataStatusEntry> Status(IReadOnlyList<DataFile> files, CancellationToken cancellation = default)
    {
        ISet<string>? onRemote = null;
        if (_openRemote is not null)
        {
            var expected = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                expected[file.Sha256] = file.Size;
            }

            onRemote = Run(() => Remote().ExistingAsync(expected, cancellation));
        }

        return files.Select(f => new DataStatusEntry(f, Cache.Contains(f.Sha256), onRemote?.Contains(f.Sha256), StateOf(f))).ToList();
    }

    public void Dispose() => _remote?.Dispose();

    /// <summary>A work-tree file against its recorded hash: missing, changed (size first, then the content), or unchanged.</summary>
    public static WorkTreeState StateOf(DataFile file)
    {
        var kind = FileProbe.Inspect(file.FullPath);
        if (kind == FileKind.Missing)
        {
            return WorkTreeState.Missing;
        }

        if (kind != FileKind.Regular || (file.Size >= 0 && new FileInfo(file.FullPath).Length != file.Size))
        {
            return WorkTreeState.Changed;
        }

        return StreamHasher.Sha256File(file.FullPath) == file.Sha256 ? WorkTreeState.Unchanged : WorkTreeState.Changed;
    }

    private IObjectRemote Remote() => _remote ??= _openRemote!();

    // A remote's failure (after the transfer's retries) is one REPRO53x line.
    private static T Run<T>(Func<Task<T>> work)
    {
        try
        {
            return work().GetAwaiter().GetResult();
        }
        catch (RemoteException ex)
        {
            throw StoreErrors.ToInput(ex);
        }
    }
}
