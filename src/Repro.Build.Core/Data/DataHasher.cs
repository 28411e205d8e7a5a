using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Data;

/// <summary>
/// Hashes declared data files and folders: files in parallel (bounded by the cores), streamed, and looked up in a
/// stat-keyed cache first so that unchanged files are not read again. Only regular files are data: FIFOs, devices and
/// sockets are never opened (reading one can block forever or never end), links to folders are followed but a link
/// back into a folder being walked is not, and a file that changes while it is read is read again.
/// </summary>
public static class DataHasher
{
    // Links to links to folders: deeper than this is a loop the path check could not see.
    private const int MaxFolderDepth = 256;

    public static DataSection Hash(
        string projectDirectory,
        IReadOnlyList<DataDeclaration> declarations,
        FileHashCache cache,
        HashProgress progress,
        ICollection<ReproDiagnostic> diagnostics,
        bool strict,
        string? repositoryRoot = null,
        CancellationToken cancellation = default) =>
        HashIntoStore(projectDirectory, declarations, cache, progress, diagnostics, strict, repositoryRoot, store: null, cancellation);

    /// <summary>
    /// As the other overload, and each file also goes into <paramref name="store"/> in the same read that hashes it (a
    /// file the stat cache knows is read once, only when the store lacks it): the store never hashes a file again.
    /// </summary>
    public static DataSection HashIntoStore(
        string projectDirectory,
        IReadOnlyList<DataDeclaration> declarations,
        FileHashCache cache,
        HashProgress progress,
        ICollection<ReproDiagnostic> diagnostics,
        bool strict,
        string? repositoryRoot,
        Store.LocalCache? store,
        CancellationToken cancellation)
    {
        var severity = strict ? ReproDiagnosticSeverity.Error : ReproDiagnosticSeverity.Warning;
        var entries = new Dictionary<string, ItemFiles>(StringComparer.Ordinal);
        var skipped = new List<string>();
        foreach (var declaration in declarations)
        {
            var recordedRoot = PathText.ForManifest(projectDirectory, declaration.ItemSpec, declaration.FullPath, repositoryRoot).TrimEnd('/');
            var name = declaration.Group ?? recordedRoot + (IsFolderSpec(declaration.ItemSpec) ? "/" : "");
            if (!entries.TryGetValue(name, out var item))
            {
                item = new ItemFiles(new DataEntry { Name = name }, declaration.Group is null);
                entries[name] = item;
            }

            switch (FileProbe.Inspect(declaration.FullPath))
            {
                case FileKind.Regular:
                    item.Add(recordedRoot, Path.GetFileName(declaration.FullPath.TrimEnd('/', '\\')), declaration.FullPath);
                    break;
                case FileKind.Directory:
                    item.IsFolder = true;
                    WalkFolder(item, declaration.FullPath, recordedRoot, skipped, cancellation);
                    break;
                case FileKind.Special:
                    item.Entry.Exists = false;
                    skipped.Add($"'{declaration.ItemSpec}' is {FileProbe.Describe(FileKind.Special)}");
                    break;
                default:
                    item.Entry.Exists = false;
                    diagnostics.Add(new ReproDiagnostic(
                        DiagnosticIds.DataMissing,
                        severity,
                        $"The data '{declaration.ItemSpec}' declared with ReproData does not exist, so the manifest cannot record it. Check the path (relative "
                            + "to the project folder), or remove the declaration."));
                    break;
            }
        }

        foreach (var reason in skipped)
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.DataSkipped,
                ReproDiagnosticSeverity.Warning,
                $"Data {reason}; it was skipped and is not in the manifest. Only regular files are data: move it out of the data folder, or declare the files "
                    + "it produces instead."));
        }

        // Hash what the cache does not know, the largest files first so the cores stay busy to the end.
        var pending = new List<DataFile>();
        foreach (var item in entries.Values)
        {
            foreach (var file in item.Files)
            {
                if (cache.TryGet(file.FullPath, file.Entry.Size, file.LastWriteTicks, out var known)
                    && (store is null || StoreKnown(store, file.FullPath, known)))
                {
                    file.Entry.Sha256 = known;
                }
                else
                {
                    pending.Add(file);
                    progress.AddTotal(file.Entry.Size);
                }
            }
        }

        pending.Sort((a, b) => b.Entry.Size.CompareTo(a.Entry.Size));
        var unreadable = new List<string>();
        var unstable = new List<string>();
        Parallel.ForEach(pending, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellation },
            file =>
        {
            progress.SetCurrent(file.Entry.Path);
            try
            {
                if (HashStable(file, progress, store, cancellation))
                {
                    cache.Set(file.FullPath, file.Entry.Size, file.LastWriteTicks, file.Entry.Sha256);
                }
                else
                {
                    lock (unstable)
                    {
                        unstable.Add(file.Entry.Path);
                    }
                }
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                file.Entry.Sha256 = "";
                lock (unreadable)
                {
                    unreadable.Add($"{file.Entry.Path} ({ex.Message})");
                }
            }
        });

        unreadable.Sort(StringComparer.Ordinal);
        foreach (var message in unreadable)
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.DataMissing,
                severity,
                $"The data file {message} could not be read, so the manifest cannot record it. Check that the build can read it."));
        }

        unstable.Sort(StringComparer.Ordinal);
        foreach (var path in unstable)
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.DataChangedWhileHashed,
                severity,
                $"The data file '{path}' changed while it was being hashed (twice), so its recorded hash may match neither its old nor its new content. Build "
                    + "again once whatever writes it has finished."));
        }

        var section = new DataSection();
        foreach (var name in entries.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var item = entries[name];
            var hashed = item.Files.Where(f => f.Entry.Sha256.Length > 0)
                .GroupBy(f => f.Entry.Path, StringComparer.Ordinal).Select(g => g.First())
                .OrderBy(f => f.Entry.Path, StringComparer.Ordinal).ToList();
            var entry = item.Entry;
            entry.Files = hashed.Select(f => f.Entry).ToList();
            entry.FileCount = hashed.Count;
            entry.Size = hashed.Sum(f => f.Entry.Size);
            entry.Sha256 = !entry.Exists && hashed.Count == 0 ? null
                : hashed.Count == 1 && !item.IsFolder && item.IsSingleDeclaration ? hashed[0].Entry.Sha256
                : AggregateWithin(hashed, item.IsSingleDeclaration);
            section.Items.Add(entry);
        }

        return section;
    }

    /// <summary>SHA-256 over the sorted lines "path NUL sha256 LF": the hash of the folder's listing object in the store.</summary>
    internal static string Aggregate(IEnumerable<DataFileEntry> files) =>
        Hashing.Sha256Hex(Store.DirectoryListing.Encode(files.Select(f => new KeyValuePair<string, string>(f.Path, f.Sha256))));

    // A folder's hash is over the paths inside the folder, so it does not change with where the folder is declared
    // from; a group of several declarations names its files as the manifest records them.
    private static string AggregateWithin(List<DataFile> files, bool withinFolder) =>
        Aggregate(files
            .Select(f => new DataFileEntry { Path = withinFolder ? f.WithinItem : f.Entry.Path, Sha256 = f.Entry.Sha256 })
            .OrderBy(f => f.Path, StringComparer.Ordinal));

    private static bool IsFolderSpec(string itemSpec) => itemSpec.EndsWith("/", StringComparison.Ordinal) || itemSpec.EndsWith("\\", StringComparison.Ordinal);

    // A file whose hash the stat cache knows, copied into the store (read only when the store lacks it); false when its
    // bytes turned out to differ, so that it is hashed again.
    private static bool StoreKnown(Store.LocalCache store, string fullPath, string sha256)
    {
        try
        {
            return store.AddFile(fullPath, sha256).Outcome is not (Store.CacheOutcome.HashMismatch or Store.CacheOutcome.Missing);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return true;
        }
    }

    // Copied into the store as it is hashed; an object whose content changed while it was copied is still its own hash's.
    // A store that cannot be written (a full disk, no permission) costs the copy, never the hash: the caller sees the
    // object missing from the store.
    private static string StoreHashing(Store.LocalCache store, string fullPath, HashProgress? progress)
    {
        Store.CacheResult added;
        try
        {
            added = store.AddFileHashing(fullPath);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return StreamHasher.Sha256File(fullPath, progress);
        }

        if (added.Outcome == Store.CacheOutcome.Missing)
        {
            throw new FileNotFoundException($"{fullPath} disappeared while it was hashed", fullPath);
        }

        progress?.AddDone(added.Length);
        return added.Sha256;
    }

    /// <summary>Hashes a file, and again if its size or time moved meanwhile; false when it moved both times.</summary>
    private static bool HashStable(DataFile file, HashProgress progress, Store.LocalCache? store, CancellationToken cancellation)
    {
        var size = file.Entry.Size;
        var ticks = file.LastWriteTicks;
        var stable = HashUntilStable(file.FullPath, ref size, ref ticks, out var sha, FileProbe.Stat, progress, cancellation, store);
        file.Entry.Sha256 = sha;
        file.Entry.Size = size;
        file.LastWriteTicks = ticks;
        return stable;
    }

    /// <param name="size">The size seen before; on return, the size seen after the last read.</param>
    /// <param name="ticks">Likewise the last write time.</param>
    internal static bool HashUntilStable(string fullPath, ref long size, ref long ticks, out string sha256,
        Func<string, (long Size, long Ticks)> stat, HashProgress? progress, CancellationToken cancellation, Store.LocalCache? store = null)
    {
        sha256 = "";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            sha256 = store is null ? StreamHasher.Sha256File(fullPath, progress, cancellation) : StoreHashing(store, fullPath, progress);
            var after = stat(fullPath);
            if (after.Size == size && after.Ticks == ticks)
            {
                return true;
            }

            size = after.Size;
            ticks = after.Ticks;
        }

        return false;
    }

    private static void WalkFolder(ItemFiles item, string root, string recordedRoot, List<string> skipped, CancellationToken cancellation)
    {
        var pending = new Stack<(string FullPath, string Within, string[] Ancestors)>();
        pending.Push((root, "", new[] { FolderKey(FileProbe.ResolveFinalTarget(root)) }));
        while (pending.Count > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            var (folder, within, ancestors) = pending.Pop();
            IEnumerable<string> children;
            try
            {
                children = Directory.EnumerateFileSystemEntries(folder).ToList();
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                skipped.Add($"folder '{PathText.Join(recordedRoot, within)}' could not be listed ({ex.Message})");
                continue;
            }

            foreach (var child in children)
            {
                var name = Path.GetFileName(child);
                var childWithin = PathText.Join(within, name);
                var own = FileProbe.Inspect(child, followLinks: false);
                var isLink = own == FileKind.SymbolicLink;
                switch (isLink ? FileProbe.Inspect(child) : own)
                {
                    case FileKind.Regular:
                        item.Add(PathText.Join(recordedRoot, childWithin), childWithin, child, isLink);
                        break;
                    case FileKind.Directory:
                        var resolved = FolderKey(isLink ? FileProbe.ResolveFinalTarget(child) : Path.Combine(ancestors[ancestors.Length - 1], name));
                        if (ancestors.Contains(resolved, PathComparer) || ancestors.Length >= MaxFolderDepth)
                        {
                            skipped.Add($"'{PathText.Join(recordedRoot, childWithin)}' links back to a folder that contains it (a loop)");
                            break;
                        }

                        pending.Push((child, childWithin, ancestors.Concat(new[] { resolved }).ToArray()));
                        break;
                    case FileKind.Special:
                        skipped.Add($"'{PathText.Join(recordedRoot, childWithin)}' is {FileProbe.Describe(FileKind.Special)}");
                        break;
                    default:
                        if (isLink)
                        {
                            skipped.Add($"'{PathText.Join(recordedRoot, childWithin)}' is a symbolic link to nothing");
                        }

                        break; // deleted since it was listed
                }
            }
        }
    }

    private static string FolderKey(string fullPath) => fullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

    private static readonly StringComparer PathComparer =
        Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private sealed class ItemFiles
    {
        public ItemFiles(DataEntry entry, bool isSingleDeclaration)
        {
            Entry = entry;
            IsSingleDeclaration = isSingleDeclaration;
        }

        public DataEntry Entry { get; }

        /// <summary>False for a <c>Group</c>, which gathers several declarations.</summary>
        public bool IsSingleDeclaration { get; }

        public bool IsFolder { get; set; }

        public List<DataFile> Files { get; } = [];

        public void Add(string recordedPath, string within, string fullPath, bool mayBeLink = true)
        {
            var (size, ticks) = mayBeLink ? FileProbe.Stat(fullPath) : FileProbe.StatNotLink(fullPath);
            Files.Add(new DataFile(new DataFileEntry { Path = recordedPath, Size = size }, within, Path.GetFullPath(fullPath), ticks));
        }
    }

    private sealed class DataFile
    {
        public DataFile(DataFileEntry entry, string withinItem, string fullPath, long lastWriteTicks)
        {
            Entry = entry;
            WithinItem = withinItem;
            FullPath = fullPath;
            LastWriteTicks = lastWriteTicks;
        }

        public DataFileEntry Entry { get; }

        /// <summary>The path inside the declared folder (the file name for a declared file).</summary>
        public string WithinItem { get; }

        public string FullPath { get; }

        public long LastWriteTicks { get; set; }
    }
}
