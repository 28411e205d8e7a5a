using Repro.Build.IO;
using Repro.Build.Store;
using Repro.Runs.Records;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// What a run's record references in the store: the data it read (a file's hash, or a folder's or group's listing
/// hash) and the outputs it logged. The record comes from outside (a teammate's shared ref): every hash is checked, and
/// every path is only ever placed below the project folder (<see cref="DataFiles.IsInside"/>).
/// </summary>
internal static class RunFiles
{
    /// <summary>The project folder of the run in this work tree: its recorded place below the root, else the folder it ran in, else here.</summary>
    public static string ProjectDirectory(RunRecord record, string root)
    {
        if (record.Process.ProjectPath is { } relative && (relative.Length == 0 || DirectoryListing.IsPlainRelativePath(relative)))
        {
            return relative.Length == 0 ? root : Path.GetFullPath(Path.Combine(root, relative));
        }

        if (record.Process.ProjectDirectory is { Length: > 0 } recorded && Path.IsPathRooted(recorded) && Directory.Exists(recorded)
            && DataFiles.IsInside(root, Path.GetFullPath(recorded)))
        {
            return Path.GetFullPath(recorded);
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>The run's data items and (with <paramref name="outputs"/>) its outputs that have a hash, in record order.</summary>
    public static IReadOnlyList<RunItem> Items(RunRecord record, bool data, bool outputs)
    {
        var items = new List<RunItem>();
        if (data)
        {
            foreach (var entry in record.Data)
            {
                var sha = (entry.Sha256 ?? entry.BuildSha256)?.ToLowerInvariant();
                if (!ContentHash.IsSha256(sha) || entry.State == RunDataState.Missing)
                {
                    continue;
                }

                // A folder's name ends in '/'; a group names its files from the project folder; a file is its own hash.
                var listing = entry.Kind is "folder" or "group" || (entry.Kind is null && (entry.Name.EndsWith('/') || entry.FileCount > 1));
                items.Add(new RunItem(entry.Name, sha!, listing, entry.Kind == "group", entry.Size, IsOutput: false));
            }
        }

        if (outputs)
        {
            foreach (var entry in record.Outputs.Concat(record.Steps.SelectMany(s => s.Outputs)))
            {
                var sha = entry.Sha256?.ToLowerInvariant();
                if (ContentHash.IsSha256(sha) && !items.Any(i => i.IsOutput && i.Path == entry.Path && i.Sha256 == sha))
                {
                    items.Add(new RunItem(entry.Path, sha!, entry.Path.EndsWith('/'), IsGroup: false, entry.Size, IsOutput: true));
                }
            }
        }

        return items;
    }

    /// <summary>
    /// The files of <paramref name="items"/> below <paramref name="projectDirectory"/>: a file item as it is, a listing
    /// item expanded from its listing object in <paramref name="cache"/>. Items whose listing the cache lacks (or holds
    /// damaged) are added to <paramref name="unresolved"/>.
    /// </summary>
    public static List<DataFile> Expand(IEnumerable<RunItem> items, string projectDirectory, LocalCache cache, List<RunItem> unresolved)
    {
        var files = new List<DataFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!item.IsListing)
            {
                Add(item.Path, item.Sha256, item.Size, item.Size);
                continue;
            }

            var entries = ReadListing(cache, item.Sha256);
            if (entries is null)
            {
                unresolved.Add(item);
                continue;
            }

            var folder = item.IsGroup ? "" : item.Path;
            foreach (var (path, sha) in entries)
            {
                Add(PathText.Join(folder, path), sha, SizeInCache(cache, sha), item.Size);
            }
        }

        return files;

        void Add(string path, string sha, long size, long bound)
        {
            string full;
            try
            {
                full = Path.GetFullPath(Path.Combine(projectDirectory, path));
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return;
            }

            if (seen.Add(full))
            {
                files.Add(new DataFile(path, full, sha, size) { MaxSize = Math.Max(0, bound) });
            }
        }
    }

    /// <summary>The listing objects of the items (those the cache lacks are what a pull must fetch first).</summary>
    public static IEnumerable<StoreObject> Listings(IEnumerable<RunItem> items, LocalCache cache) =>
        items.Where(i => i.IsListing).Select(i => new StoreObject(i.Sha256, SizeInCache(cache, i.Sha256), i.Path + " (listing)", DirectoryListing.MaxBytes));

    /// <summary>A listing object of the cache, read with its bound and checked; null when the cache lacks it or it is damaged.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>>? ReadListing(LocalCache cache, string sha256)
    {
        try
        {
            using var stream = cache.OpenRead(sha256);
            if (stream.Length > DirectoryListing.MaxBytes)
            {
                return null;
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return Build.IO.Hashing.Sha256Hex(bytes) == sha256 ? DirectoryListing.Decode(bytes) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    private static long SizeInCache(LocalCache cache, string sha256)
    {
        var file = new FileInfo(cache.ObjectPath(sha256));
        return file.Exists ? file.Length : -1;
    }
}

/// <summary>
/// One thing a run references: a data item or an output, by its recorded path. A listing item's hash is its listing
/// object's (a folder: paths inside it; a group: paths from the project folder).
/// </summary>
internal sealed record RunItem(string Path, string Sha256, bool IsListing, bool IsGroup, long Size, bool IsOutput);
