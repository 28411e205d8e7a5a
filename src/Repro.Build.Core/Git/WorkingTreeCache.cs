using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using Repro.Build.Data;
using Repro.Build.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Git;

/// <summary>
/// Remembers the patch of a dirty working tree under the repository's git folder (<c>.git/repro/</c>), keyed by what
/// decides it: HEAD's commit, the index file's stat, <c>git status</c>'s output and the stat of every changed and
/// untracked file, and the patch options. A no-op build then reads no file content at all; and every MSBuild node of
/// a <c>-m</c> build shares one capture: the first takes a lock file and builds the patch, the others wait for it.
/// Every failure here (a read-only git folder, a damaged entry) only costs building the patch again.
/// </summary>
public sealed class WorkingTreeCache
{
    // Bump when the patch policy or this format changes: old entries then simply miss.
    private const string PolicyVersion = "worktree-5";
    private const int KeptEntries = 8;
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder;

    private WorkingTreeCache(string folder)
    {
        _folder = folder;
    }

    /// <summary>The cache of a repository, in its (per-worktree) git folder.</summary>
    public static WorkingTreeCache For(GitRepositoryLocation location) => new(Path.Combine(location.GitDirectory, "repro"));

    /// <summary>The stat cache for hashing listed untracked files, kept beside the patches.</summary>
    public string HashCachePath => Path.Combine(_folder, "untracked-hashes.json");

    /// <summary>
    /// The key of the current state from a cheap <c>git status --untracked-files=normal</c> (which names an untracked
    /// folder without walking it): no file content is read, only stat information, and untracked folders are walked
    /// here by name and stat. The walk sees ignored files in those folders too: a superset can only cause a rebuild of
    /// the patch, never a stale one.
    /// </summary>
    public static string ComputeKey(GitRepositoryLocation location, string? commit, string objectFormat, byte[] statusOutput, GitStatus status,
        long maxPatchBytes)
    {
        var text = new StringBuilder();
        text.Append(PolicyVersion).Append('\n').Append(commit).Append('\n').Append(objectFormat).Append('\n').Append(maxPatchBytes).Append('\n');
        AppendStat(text, Path.Combine(location.GitDirectory, "index"));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        sha.AppendData(statusOutput);
        text.Clear();
        void Flush()
        {
            if (text.Length > 1 << 16)
            {
                sha.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
                text.Clear();
            }
        }

        foreach (var path in status.ChangedPaths.Concat(status.UntrackedPaths))
        {
            var fullPath = Path.Combine(location.WorkingDirectory, path);
            text.Append(path).Append('\0');
            if (!path.EndsWith("/", StringComparison.Ordinal))
            {
                AppendStat(text, fullPath);
                Flush();
                continue;
            }

            foreach (var entry in WalkFolder(fullPath))
            {
                text.Append(entry.Relative).Append(' ').Append(entry.Length).Append(' ').Append(entry.Ticks).Append('\n');
                Flush();
            }
        }

        sha.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        return Hashing.ToHex(sha.GetHashAndReset());
    }

    /// <summary>Above this many files, an untracked folder is keyed by its folders' times, not by every file's stat.</summary>
    public const int StatEveryFileUpTo = 1000;

    // Every file under an untracked folder, links not followed (a link is an entry), bin/ and obj/ left out: with its
    // size and time while there are few. In a large folder (raw data nobody put in .gitignore) only the folders' times
    // (a folder's time moves when a file in it is added, removed or renamed) and the stat of the files that are inputs
    // of the build are read, so that a no-op build does not pay a stat per data file, nor managed work per file.
    private static List<WalkEntry> WalkFolder(string folder)
    {
        var keyed = new List<WalkEntry>();
        var fileCount = 0;
#if NET
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        };
        var entries = new System.IO.Enumeration.FileSystemEnumerable<WalkEntry>(folder,
            (ref System.IO.Enumeration.FileSystemEntry entry) => new WalkEntry(
                entry.ToSpecifiedFullPath().Substring(folder.Length), entry.IsDirectory ? -1 : entry.Length, entry.LastWriteTimeUtc.UtcTicks),
            options)
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) =>
            {
                if (entry.IsDirectory)
                {
                    return !IsBuildOutputName(entry.FileName);
                }

                // While the folder may still be small every file is read; past the limit only the build's inputs.
                return ++fileCount <= StatEveryFileUpTo || GitPatchBuilder.IsBuildInputName(entry.FileName);
            },
            ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) =>
                (entry.Attributes & FileAttributes.ReparsePoint) == 0 && !IsBuildOutputName(entry.FileName),
        };
        keyed.AddRange(entries);
#else
        foreach (var info in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            var relative = info.FullName.Substring(folder.Length).Replace('\\', '/');
            if (GitStatus.IsBuildOutput(relative))
            {
                continue;
            }

            if (info is FileInfo file)
            {
                if (++fileCount <= StatEveryFileUpTo || GitPatchBuilder.IsBuildInput(relative))
                {
                    keyed.Add(new WalkEntry(relative, file.Length, file.LastWriteTimeUtc.Ticks));
                }
            }
            else
            {
                keyed.Add(new WalkEntry(relative, -1, info.LastWriteTimeUtc.Ticks));
            }
        }
#endif
        if (fileCount > StatEveryFileUpTo)
        {
            // A large folder: its own time, its folders' times and its build inputs; the files read while it still
            // looked small go again, so that the key does not depend on the order the folder was listed in.
            keyed.RemoveAll(e => e.Length >= 0 && !GitPatchBuilder.IsBuildInput(e.Relative));
            keyed.Add(new WalkEntry("", -1, Directory.GetLastWriteTimeUtc(folder).Ticks));
        }
        else
        {
            // Small: the folders' times add nothing to the stat of every file (and a folder's time moves whenever a
            // build writes beside it).
            keyed.RemoveAll(e => e.Length < 0);
        }

        keyed.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return keyed;
    }

    private sealed class WalkEntry
    {
        public WalkEntry(string relative, long length, long ticks)
        {
            Relative = relative;
            Length = length;
            Ticks = ticks;
        }

        public string Relative { get; }

        /// <summary>The size of a file; -1 for a folder.</summary>
        public long Length { get; }

        public long Ticks { get; }
    }

#if NET
    private static bool IsBuildOutputName(ReadOnlySpan<char> name) => name.SequenceEqual("bin".AsSpan()) || name.SequenceEqual("obj".AsSpan());
#endif

    /// <summary>Takes the repository's capture lock, waiting while another build node holds it; null when it cannot be had.</summary>
    public IDisposable? Lock(CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                Directory.CreateDirectory(_folder);
                return new FileStream(Path.Combine(_folder, "worktree.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1,
                    FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline && !cancellation.IsCancellationRequested)
            {
                Thread.Sleep(25); // held by another node
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                return null; // read-only git folder, or held for a minute: build without the cache
            }
        }
    }

    public (GitPatch Patch, GitChanges Changes)? TryLoad(string key)
    {
        try
        {
            var entryPath = EntryPath(key, ".json");
            if (!File.Exists(entryPath))
            {
                return null;
            }

            using var document = JsonDocument.Parse(FileProbe.ReadAllBytes(entryPath, 64L * 1024 * 1024));
            var root = document.RootElement;
            if (root.GetProperty("key").GetString() != key)
            {
                return null;
            }

            var content = FileProbe.ReadAllBytes(EntryPath(key, ".patch"), 1L << 31);
            var sha256 = Hashing.Sha256Hex(content);
            if (sha256 != root.GetProperty("patchSha256").GetString())
            {
                return null;
            }

            // Loops, not LINQ: Select over JsonElement (a struct) would be JIT-compiled in every build that loads a patch.
            var omitted = new List<OmittedFile>();
            foreach (var o in root.GetProperty("omitted").EnumerateArray())
            {
                omitted.Add(new OmittedFile(o.GetProperty("path").GetString() ?? "", o.GetProperty("reason").GetString() ?? ""));
            }

            var untracked = new List<UntrackedEntry>();
            foreach (var u in root.GetProperty("listed").EnumerateArray())
            {
                untracked.Add(new UntrackedEntry
                {
                    Path = u.GetProperty("path").GetString() ?? "",
                    FileCount = u.GetProperty("fileCount").GetInt32(),
                    Size = u.GetProperty("size").GetInt64(),
                    Sha256 = u.GetProperty("sha256").GetString(),
                });
            }

            File.SetLastWriteTimeUtc(entryPath, DateTime.UtcNow); // recently used: kept by the pruning
            var changes = new GitChanges
            {
                Staged = root.GetProperty("staged").GetInt32(),
                Unstaged = root.GetProperty("unstaged").GetInt32(),
                Untracked = root.GetProperty("untracked").GetInt32(),
            };
            return (new GitPatch(content, omitted, root.GetProperty("truncated").GetBoolean(), untracked, sha256), changes);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex) || ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null; // damaged or from another version: build again
        }
    }

    public void Save(string key, GitPatch patch, GitChanges changes)
    {
        try
        {
            Directory.CreateDirectory(_folder);
            AtomicFile.WriteIfChanged(EntryPath(key, ".patch"), patch.Content);
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("key", key);
                writer.WriteString("patchSha256", patch.Sha256);
                writer.WriteBoolean("truncated", patch.Truncated);
                writer.WriteNumber("staged", changes.Staged);
                writer.WriteNumber("unstaged", changes.Unstaged);
                writer.WriteNumber("untracked", changes.Untracked);
                writer.WriteStartArray("omitted");
                foreach (var omitted in patch.Omitted)
                {
                    writer.WriteStartObject();
                    writer.WriteString("path", omitted.Path);
                    writer.WriteString("reason", omitted.Reason);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("listed");
                foreach (var entry in patch.Untracked)
                {
                    writer.WriteStartObject();
                    writer.WriteString("path", entry.Path);
                    writer.WriteNumber("fileCount", entry.FileCount);
                    writer.WriteNumber("size", entry.Size);
                    writer.WriteString("sha256", entry.Sha256);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            AtomicFile.WriteIfChanged(EntryPath(key, ".json"), stream.ToArray());
            Prune();
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            // A read-only or full disk: the next build builds the patch again.
        }
    }

    /// <summary>Loads the stat cache of listed untracked files.</summary>
    public FileHashCache LoadHashes() => FileHashCache.Load(HashCachePath);

    public void SaveHashes(FileHashCache cache)
    {
        try
        {
            cache.Save(HashCachePath);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
        }
    }

    // An entry's files are named by the key's first 128 bits.
    private string EntryPath(string key, string extension) => Path.Combine(_folder, key.Substring(0, 32) + extension);

    private void Prune()
    {
        var entries = new DirectoryInfo(_folder).GetFiles("*.json")
            .Where(f => f.Name.Length == 37) // 32 hex digits + ".json"
            .OrderByDescending(f => f.LastWriteTimeUtc).Skip(KeptEntries);
        foreach (var stale in entries)
        {
            File.Delete(stale.FullName);
            File.Delete(Path.ChangeExtension(stale.FullName, ".patch"));
        }
    }

    private static void AppendStat(StringBuilder text, string path)
    {
        // FileInfo describes a link itself, so a re-pointed link changes the key too.
        var info = new FileInfo(path);
        if (info.Exists)
        {
            text.Append(info.Length).Append(' ').Append(info.LastWriteTimeUtc.Ticks).Append(' ').Append((int)info.Attributes).Append('\n');
        }
        else
        {
            text.Append("-\n");
        }
    }
}
