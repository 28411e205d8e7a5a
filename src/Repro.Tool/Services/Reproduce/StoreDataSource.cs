using Repro.Build.Store;
using Repro.Runs.Records;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// The run's data from the store: the local cache, else the default remote (each object hashed as it arrives and again
/// as it is placed), a folder through its listing; what the store does not have comes from <see cref="Fallback"/> (the
/// user's checkout). This is what makes a fresh clone with an empty data folder reproduce a run.
/// </summary>
public sealed class StoreDataSource : IRunDataSource, IDisposable
{
    private readonly DataStore _store;

    private StoreDataSource(DataStore store, IRunDataSource fallback)
    {
        _store = store;
        Fallback = fallback;
    }

    public IRunDataSource Fallback { get; }

    public string Name => _store.RemoteName is null ? "store's cache or the " + Fallback.Name : $"store ('{_store.RemoteName}') or the {Fallback.Name}";

    /// <summary>The store of the checkout around <paramref name="directory"/>; null when its configuration cannot be read.</summary>
    public static StoreDataSource? TryOpen(string directory, IRunDataSource fallback)
    {
        try
        {
            return new StoreDataSource(DataStore.Open(directory, remote: null, jobs: null, remoteRequired: false), fallback);
        }
        catch (ToolInputException)
        {
            return null; // the store's own commands name what is wrong with its configuration
        }
    }

    public DataPlacement Place(RunDataEntry item, string sha256, string target)
    {
        var listing = item.Kind is "folder" or "group" || (item.Kind is null && (item.Name.EndsWith('/') || item.FileCount > 1));
        var runItem = new RunItem(item.Name, sha256, listing, item.Kind == "group", item.Size, IsOutput: false);
        var name = item.Name.TrimEnd('/').Replace('/', Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(target.TrimEnd('/', Path.DirectorySeparatorChar));
        if (!full.EndsWith(name, StringComparison.Ordinal))
        {
            return Fallback.Place(item, sha256, target);
        }

        var projectDirectory = full[..^name.Length].TrimEnd(Path.DirectorySeparatorChar);
        try
        {
            var unresolved = new List<RunItem>();
            var files = _store.FilesOf([runItem], projectDirectory, fetch: true, unresolved);
            if (unresolved.Count == 0 && files.Count > 0)
            {
                var result = _store.Get(files, projectDirectory, force: true, new TransferProgress());
                if (result.Complete)
                {
                    var placed = RunData.HashOf(projectDirectory, full);
                    return new DataPlacement(item.Name, sha256, placed, "store", placed == sha256 ? null : "placed from the store with other content");
                }
            }
        }
        catch (ToolInputException)
        {
            // A remote that fails is not the end: the checkout may still have the data.
        }

        return Fallback.Place(item, sha256, target);
    }

    public void Dispose() => _store.Dispose();
}
