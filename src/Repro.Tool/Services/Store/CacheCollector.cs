using Repro.Build.IO;
using Repro.Build.Store;
using Repro.Runs.Records;
using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>
/// <c>dotnet repro gc</c>: the objects of the local cache that nothing kept references any more, DVC's <c>gc
/// --workspace</c> with the runs added. Kept are the objects of every run of the runs folder (the data it read, the outputs
/// it logged, the files of their listings) and of every build manifest (<c>*.repro.json</c>) in the work tree.
/// </summary>
internal static class CacheCollector
{
    // Folders a build never writes a manifest into, and that can be large.
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", ".repro", "node_modules", ".vs", ".idea" };

    public sealed record Collection(int Objects, int Kept, IReadOnlyList<(string Sha256, long Size)> Unreferenced, int Runs, int Manifests)
    {
        public long UnreferencedBytes => Unreferenced.Sum(u => u.Size);
    }

    /// <summary>What the cache holds and what of it nothing references; with <paramref name="delete"/>, removes the latter.</summary>
    public static Collection Collect(DataStore store, bool delete)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var runsDirectory = RunStore.Locate(store.Settings.RootDirectory);
        var runs = 0;
        foreach (var id in Directory.Exists(runsDirectory) ? RunStore.ListRunIds(runsDirectory) : [])
        {
            LoadedRun run;
            try
            {
                run = RunLoader.Load(RunStore.RecordPath(runsDirectory, id), id, id);
            }
            catch (ToolInputException)
            {
                continue;
            }

            runs++;
            Keep(kept, store.Cache, RunFiles.Items(run.Record, data: true, outputs: true).Select(i => (i.Sha256, i.IsListing)));
        }

        var manifests = 0;
        foreach (var path in Manifests(store.Settings.RootDirectory))
        {
            LoadedManifest loaded;
            try
            {
                loaded = ManifestLoader.Load(path);
            }
            catch (ToolInputException)
            {
                continue;
            }

            manifests++;
            foreach (var item in loaded.Manifest.Data.Items)
            {
                if (item.Sha256 is { } itemHash)
                {
                    kept.Add(itemHash.ToLowerInvariant());
                }

                foreach (var file in item.Files.Where(f => f.Sha256 is not null))
                {
                    kept.Add(file.Sha256.ToLowerInvariant());
                }
            }
        }

        var objects = 0;
        var unreferenced = new List<(string, long)>();
        var root = Path.Combine(store.Cache.Directory, "files", "sha256");
        foreach (var file in Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) : [])
        {
            var key = Path.GetRelativePath(store.Cache.Directory, file).Replace('\\', '/');
            if (ContentHash.FromKey(key) is not { } sha)
            {
                continue; // not an object of ours: left alone
            }

            objects++;
            if (kept.Contains(sha))
            {
                continue;
            }

            var size = new FileInfo(file).Length;
            unreferenced.Add((sha, size));
            if (delete)
            {
                File.SetAttributes(file, FileAttributes.Normal);
                File.Delete(file);
            }
        }

        if (delete)
        {
            RemoveStaleTemporaryFiles(Path.Combine(store.Cache.Directory, "tmp"));
        }

        unreferenced.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return new Collection(objects, objects - unreferenced.Count, unreferenced, runs, manifests);
    }

    // A run's listing keeps its files too (read from the cache; a listing the cache lacks keeps nothing more).
    private static void Keep(HashSet<string> kept, LocalCache cache, IEnumerable<(string Sha256, bool IsListing)> items)
    {
        foreach (var (sha, isListing) in items)
        {
            if (!kept.Add(sha) || !isListing)
            {
                continue;
            }

            foreach (var entry in RunFiles.ReadListing(cache, sha) ?? [])
            {
                kept.Add(entry.Value);
            }
        }
    }

    private static IEnumerable<string> Manifests(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(folder).ToList();
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                continue;
            }

            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                var kind = FileProbe.Inspect(entry, followLinks: false);
                if (kind == FileKind.Directory && !SkippedFolders.Contains(name))
                {
                    pending.Push(entry);
                }
                else if (kind == FileKind.Regular && name.EndsWith(".repro.json", StringComparison.Ordinal))
                {
                    yield return entry;
                }
            }
        }
    }

    // Left by a killed write; an hour is longer than any write in progress takes to touch its file again.
    private static void RemoveStaleTemporaryFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddHours(-1))
            {
                File.SetAttributes(file, FileAttributes.Normal);
                File.Delete(file);
            }
        }
    }
}
