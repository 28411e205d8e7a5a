using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Repro.Build.Data;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Build.Security;

namespace Repro.Build.Git;

/// <summary>
/// Builds the patch of a dirty working tree: <c>git diff HEAD --binary</c> for tracked files (staged and unstaged), then
/// the untracked files by a policy made for ML repositories (docs/manifest.md, "The patch"): inputs of the build
/// (code, project and MSBuild files, settings) are carried in full; a few other small text files are too; everything
/// else untracked (data, binaries, large untracked sets) is listed by path, size and hash, never read for the patch.
/// Symbolic links are carried as links, as git records them, never as their target's content. FIFOs, devices and
/// sockets are never opened. Files holding secrets are left out, and whole files are dropped once the size cap is
/// reached, so what is kept always applies.
/// </summary>
public static class GitPatchBuilder
{
    /// <summary>Other untracked text files are carried while there are at most this many…</summary>
    public const int SmallUntrackedCount = 20;

    /// <summary>…and they add up to at most this many bytes.</summary>
    public const long SmallUntrackedBytes = 64 * 1024;

    /// <summary>Listed untracked files are summed up per folder when there are more than this many.</summary>
    public const int MaxListedFiles = 100;

    // The empty tree: what an unborn branch is compared with.
    private const string EmptyTreeSha1 = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private const string EmptyTreeSha256 = "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321";

    // git's own test for binary content looks at the first 8000 bytes for a NUL.
    private const int BinaryProbeLength = 8000;

    private static readonly HashSet<string> BuildInputExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".csx", ".vb", ".fs", ".fsi", ".fsx", ".razor", ".cshtml", ".xaml", ".axaml",
        ".csproj", ".vbproj", ".fsproj", ".proj", ".projitems", ".shproj", ".props", ".targets", ".sln", ".slnx", ".slnf",
        ".resx", ".editorconfig", ".globalconfig", ".ruleset", ".tt",
    };

    private static readonly HashSet<string> BuildInputNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "global.json", "nuget.config", "packages.lock.json", ".gitattributes", ".gitignore", "dotnet-tools.json",
    };

    // Data and model files are never carried, whatever their size: declare data with ReproData to have it hashed.
    private static readonly HashSet<string> DataExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".csv", ".tsv", ".psv", ".parquet", ".arrow", ".feather", ".avro", ".orc", ".npy", ".npz", ".pkl", ".pickle", ".h5", ".hdf5",
        ".tfrecord", ".jsonl", ".ndjson", ".libsvm", ".arff", ".svmlight", ".idx", ".idx1-ubyte", ".idx3-ubyte", ".dat", ".bin",
        ".zip", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".7z", ".tar", ".rar", ".onnx", ".pt", ".pth", ".ckpt", ".safetensors",
        ".mlmodel", ".model", ".pb", ".tflite", ".gguf", ".ggml", ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff",
        ".webp", ".wav", ".mp3", ".flac", ".mp4", ".avi", ".mov", ".mkv", ".db", ".sqlite", ".nupkg", ".dll", ".exe", ".so",
        ".dylib", ".pdb", ".log",
    };

    /// <summary>
    /// The two comment lines a patch starts with: what it is and how to apply it. A run's copy of the patch
    /// (<c>build.patch</c>) keeps the file diffs only, so its hash is the recorded one with these lines put back.
    /// </summary>
    public static byte[] Header(string? commit) => Encoding.UTF8.GetBytes(
        "# Uncommitted changes recorded by Repro.Build" + (commit is null ? " (no commit yet)" : " on top of " + commit) + ".\n" +
        "# Apply on a clean checkout of that commit: git apply --binary <this file>\n");

    public static GitPatch Build(GitCommandRunner git, string workingDirectory, string? commit, string objectFormat, GitStatus status, long maxBytes,
        FileHashCache? hashCache = null, CancellationToken cancellation = default)
    {
        var omitted = new List<OmittedFile>();
        var truncated = false;
        var patch = new MemoryStream();
        var header = Header(commit);
        patch.Write(header, 0, header.Length);

        if (status.ChangedPaths.Count > 0)
        {
            truncated |= AppendTracked(git, workingDirectory, commit, objectFormat, status, maxBytes, patch, omitted);
        }

        cancellation.ThrowIfCancellationRequested();
        var listed = new List<UntrackedFile>();
        var carried = new List<UntrackedFile>();
        var others = new List<UntrackedFile>();
        var untracked = new List<string>(status.UntrackedPaths);
        untracked.Sort(StringComparer.Ordinal);
        foreach (var path in untracked)
        {
            var fullPath = Path.Combine(workingDirectory, path);
            if (SecretDetector.IsSecretFileName(path))
            {
                omitted.Add(new OmittedFile(path, "secret-name"));
                continue;
            }

            switch (FileProbe.Inspect(fullPath, followLinks: false))
            {
                case FileKind.SymbolicLink:
                    // git records a link, not what it points to: the target may lie outside the repository.
                    truncated |= !AppendLink(patch, path, fullPath, maxBytes, omitted);
                    break;
                case FileKind.Regular:
                    var (size, ticks) = FileProbe.Stat(fullPath);
                    var file = new UntrackedFile(path, fullPath, size, ticks);
                    (IsData(path) ? listed : IsBuildInput(path) ? carried : others).Add(file);

                    break;
                case FileKind.Special:
                    omitted.Add(new OmittedFile(path, "special-file"));
                    break;
                default:
                    break; // deleted since git status ran, or a folder (an untracked nested repository)
            }
        }

        // A handful of small untracked notes and settings travel with the code; a large untracked set is listed.
        (others.Count <= SmallUntrackedCount && others.Sum(o => o.Size) <= SmallUntrackedBytes ? carried : listed).AddRange(others);

        carried.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        foreach (var file in carried)
        {
            cancellation.ThrowIfCancellationRequested();
            var reason = AppendUntracked(patch, file.Path, file.FullPath, file.Size, maxBytes);
            if (reason == "binary")
            {
                listed.Add(file);
            }
            else if (reason is not null)
            {
                truncated |= reason == "size-cap";
                omitted.Add(new OmittedFile(file.Path, reason));
            }
        }

        var entries = ListUntracked(listed, hashCache ?? new FileHashCache(), omitted, cancellation);
        return new GitPatch(patch.ToArray(), omitted, truncated, entries);
    }

#if NET
    /// <summary><see cref="IsBuildInput"/> for a file name, without allocating: called for every file of a large untracked folder.</summary>
    public static bool IsBuildInputName(ReadOnlySpan<char> name)
    {
        var dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            var extension = name.Slice(dot);
            foreach (var candidate in BuildInputExtensions)
            {
                if (extension.Equals(candidate.AsSpan(), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        foreach (var candidate in BuildInputNames)
        {
            if (name.Equals(candidate.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return name.StartsWith("Directory.Build.".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Directory.Packages.".AsSpan(), StringComparison.OrdinalIgnoreCase);
    }
#endif

    /// <summary>True for untracked files that the build reads as code, project or settings: always carried.</summary>
    public static bool IsBuildInput(string path)
    {
        var name = path.Substring(path.LastIndexOf('/') + 1);
        return BuildInputExtensions.Contains(Path.GetExtension(name)) || BuildInputNames.Contains(name)
            || name.StartsWith("Directory.Build.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Directory.Packages.",
                StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for data and model files by their extension: listed by hash, never carried.</summary>
    public static bool IsData(string path) => DataExtensions.Contains(Path.GetExtension(path));

    private static bool AppendTracked(GitCommandRunner git, string workingDirectory, string? commit, string objectFormat, GitStatus status,
        long maxBytes, MemoryStream patch, List<OmittedFile> omitted)
    {
        var truncated = false;
        var baseRevision = commit ?? (objectFormat == "sha256" ? EmptyTreeSha256 : EmptyTreeSha1);
        var arguments = new[]
        {
            "-c", "core.quotepath=off", "diff", baseRevision, "--binary", "--no-color", "--no-ext-diff", "--no-textconv",
            "--no-renames", "--src-prefix=a/", "--dst-prefix=b/",
        };

        // Secret files are dropped from git's output here rather than excluded by pathspecs: a score of glob
        // pathspecs makes git diff twice as slow on a large tree.
        var diff = git.Run(workingDirectory, arguments, maxBytes + 1, out var diffCut);
        var included = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in SplitFileDiffs(diff, diffCut))
        {
            if (SecretDetector.IsSecretFileName(chunk.Path))
            {
                omitted.Add(new OmittedFile(chunk.Path, "secret-name"));
                included.Add(chunk.Path);
                continue;
            }

            if (SecretDetector.ContainsSecret(Encoding.UTF8.GetString(chunk.Bytes), chunk.Path))
            {
                omitted.Add(new OmittedFile(chunk.Path, "secret-content"));
                included.Add(chunk.Path);
                continue;
            }

            if (patch.Length + chunk.Bytes.Length > maxBytes)
            {
                truncated = true;
                break;
            }

            patch.Write(chunk.Bytes, 0, chunk.Bytes.Length);
            included.Add(chunk.Path);
        }

        if (diffCut || truncated)
        {
            truncated = true;
            foreach (var path in status.ChangedPaths)
            {
                if (!included.Contains(path))
                {
                    omitted.Add(new OmittedFile(path, SecretDetector.IsSecretFileName(path) ? "secret-name" : "size-cap"));
                }
            }
        }

        return truncated;
    }

    /// <returns>False when the size cap left the link out.</returns>
    private static bool AppendLink(MemoryStream patch, string path, string fullPath, long maxBytes, List<OmittedFile> omitted)
    {
        var target = FileProbe.ReadLinkText(fullPath);
        if (target is null)
        {
            omitted.Add(new OmittedFile(path, "unreadable"));
            return true;
        }

        if (SecretDetector.ContainsSecret(target, path))
        {
            omitted.Add(new OmittedFile(path, "secret-content"));
            return true;
        }

        var diff = NewFileDiff(path, Encoding.UTF8.GetBytes(target), "120000");
        if (patch.Length + diff.Length > maxBytes)
        {
            omitted.Add(new OmittedFile(path, "size-cap"));
            return false;
        }

        patch.Write(diff, 0, diff.Length);
        return true;
    }

    private static string? AppendUntracked(MemoryStream patch, string path, string fullPath, long size, long maxBytes)
    {
        // Headers and '+' prefixes add to the content; a file that cannot fit is not read at all.
        if (patch.Length + size > maxBytes)
        {
            return "size-cap";
        }

        byte[]? content;
        try
        {
            content = FileProbe.ReadAllBytesUnless(fullPath, maxBytes - patch.Length, BinaryProbeLength,
                (head, count) => Array.IndexOf(head, (byte)0, 0, count) >= 0);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return ex is FileTooLargeException ? "size-cap" : ex is SpecialFileException ? "special-file" : "unreadable";
        }

        if (content is null || Array.IndexOf(content, (byte)0) >= 0)
        {
            return "binary";
        }

        if (SecretDetector.ContainsSecret(Encoding.UTF8.GetString(content), path))
        {
            return "secret-content";
        }

        var diff = NewFileDiff(path, content);
        if (patch.Length + diff.Length > maxBytes)
        {
            return "size-cap";
        }

        patch.Write(diff, 0, diff.Length);
        return null;
    }

    /// <summary>Hashes the listed files (through the stat-keyed cache) and sums up folders when there are many.</summary>
    private static List<UntrackedEntry> ListUntracked(List<UntrackedFile> listed, FileHashCache cache,
        List<OmittedFile> omitted, CancellationToken cancellation)
    {
        var sorted = listed.OrderBy(l => l.Path, StringComparer.Ordinal).ToList();
        var hashes = new string?[sorted.Count];
        var unreadable = new bool[sorted.Count];
        var parallel = new System.Threading.Tasks.ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount),
            CancellationToken = cancellation,
        };
        System.Threading.Tasks.Parallel.For(0, sorted.Count, parallel, i =>
        {
            var file = sorted[i];
            if (cache.TryGet(file.FullPath, file.Size, file.Ticks, out var sha))
            {
                hashes[i] = sha;
                return;
            }

            try
            {
                hashes[i] = StreamHasher.Sha256File(file.FullPath, cancellation: cancellation);
                cache.Set(file.FullPath, file.Size, file.Ticks, hashes[i]!);
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                unreadable[i] = true;
            }
        });

        var files = new List<UntrackedEntry>();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (unreadable[i])
            {
                omitted.Add(new OmittedFile(sorted[i].Path, "unreadable"));
                continue;
            }

            files.Add(new UntrackedEntry { Path = sorted[i].Path, FileCount = 1, Size = sorted[i].Size, Sha256 = hashes[i] });
        }

        if (files.Count <= MaxListedFiles)
        {
            return files;
        }

        // Many files: one entry per folder, the deepest folders first summed into their parents until few remain.
        var depth = files.Max(f => f.Path.Count(c => c == '/'));
        var entries = files;
        while (entries.Count > MaxListedFiles && depth > 0)
        {
            depth--;
            entries = SumUpFolders(files, depth + 1);
        }

        return entries;
    }

    private static List<UntrackedEntry> SumUpFolders(List<UntrackedEntry> files, int depth)
    {
        var entries = new List<UntrackedEntry>();
        foreach (var group in files.GroupBy(f => FolderAt(f.Path, depth), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (group.Key.Length == 0)
            {
                entries.AddRange(group); // files at the top stay as they are
                continue;
            }

            var inside = group.Select(f => new DataFileEntry { Path = f.Path.Substring(group.Key.Length), Sha256 = f.Sha256 ?? "" })
                .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            entries.Add(new UntrackedEntry
            {
                Path = group.Key,
                FileCount = group.Count(),
                Size = group.Sum(f => f.Size),
                Sha256 = DataHasher.Aggregate(inside),
            });
        }

        return entries;
    }

    // A file's folder cut to at most 'depth' segments, with a trailing '/'; "" for a file at the top.
    private static string FolderAt(string path, int depth)
    {
        var index = -1;
        for (var i = 0; i < depth; i++)
        {
            var next = path.IndexOf('/', index + 1);
            if (next < 0)
            {
                break;
            }

            index = next;
        }

        return index < 0 ? "" : path.Substring(0, index + 1);
    }

    /// <summary>A git-style diff that creates <paramref name="path"/> with <paramref name="content"/>.</summary>
    internal static byte[] NewFileDiff(string path, byte[] content, string mode = "100644")
    {
        var output = new MemoryStream(content.Length + 256);
        void Write(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            output.Write(bytes, 0, bytes.Length);
        }

        var quoted = QuotePath(path);
        Write($"diff --git {quoted.A} {quoted.B}\nnew file mode {mode}\n");
        if (content.Length == 0)
        {
            return output.ToArray();
        }

        var lineCount = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == (byte)'\n')
            {
                lineCount++;
            }
        }

        var endsWithNewline = content[content.Length - 1] == (byte)'\n';
        if (!endsWithNewline)
        {
            lineCount++;
        }

        Write($"--- /dev/null\n+++ {quoted.B}\n@@ -0,0 "
            + $"+{(lineCount == 1 ? "1" : "1," + lineCount.ToString(System.Globalization.CultureInfo.InvariantCulture))} @@\n");
        var lineStart = 0;
        for (var i = 0; i <= content.Length; i++)
        {
            if (i == content.Length || content[i] == (byte)'\n')
            {
                if (i == content.Length && lineStart == content.Length)
                {
                    break;
                }

                output.WriteByte((byte)'+');
                output.Write(content, lineStart, i - lineStart);
                output.WriteByte((byte)'\n');
                lineStart = i + 1;
            }
        }

        if (!endsWithNewline)
        {
            Write("\\ No newline at end of file\n");
        }

        return output.ToArray();
    }

    private static (string A, string B) QuotePath(string path)
    {
        var needsQuotes = false;
        foreach (var c in path)
        {
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f)
            {
                needsQuotes = true;
                break;
            }
        }

        if (!needsQuotes)
        {
            return ("a/" + path, "b/" + path);
        }

        var escaped = new StringBuilder();
        foreach (var c in path)
        {
            switch (c)
            {
                case '"': escaped.Append("\\\""); break;
                case '\\': escaped.Append("\\\\"); break;
                case '\n': escaped.Append("\\n"); break;
                case '\t': escaped.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f)
                    {
                        escaped.Append('\\').Append(Convert.ToString(c, 8).PadLeft(3, '0'));
                    }
                    else
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return ("\"a/" + escaped + "\"", "\"b/" + escaped + "\"");
    }

    /// <summary>
    /// A patch made elsewhere (a build's <c>.repro.patch</c>, read again to share it) with every file diff dropped that
    /// the build's own rule would leave out: secret-named files and diffs that hold a secret. What stays still applies.
    /// </summary>
    /// <param name="omitted">Receives the paths left out.</param>
    public static byte[] WithoutSecrets(byte[] patch, ICollection<string> omitted)
    {
        if (patch is null || omitted is null)
        {
            throw new ArgumentNullException(patch is null ? nameof(patch) : nameof(omitted));
        }

        var kept = new MemoryStream();
        foreach (var chunk in SplitFileDiffs(patch, lastIsCut: false))
        {
            if (SecretDetector.IsSecretFileName(chunk.Path) || SecretDetector.ContainsSecret(Encoding.UTF8.GetString(chunk.Bytes), chunk.Path))
            {
                omitted.Add(chunk.Path);
                continue;
            }

            kept.Write(chunk.Bytes, 0, chunk.Bytes.Length);
        }

        return kept.ToArray();
    }

    private static IEnumerable<(string Path, byte[] Bytes)> SplitFileDiffs(byte[] diff, bool lastIsCut)
    {
        var marker = Encoding.ASCII.GetBytes("diff --git ");
        var starts = new List<int>();
        for (var i = 0; i <= diff.Length - marker.Length; i++)
        {
            if ((i == 0 || diff[i - 1] == (byte)'\n') && Matches(diff, i, marker))
            {
                starts.Add(i);
            }
        }

        for (var n = 0; n < starts.Count; n++)
        {
            var isLast = n == starts.Count - 1;
            if (isLast && lastIsCut)
            {
                yield break; // a file diff cut in the middle would not apply
            }

            var end = isLast ? diff.Length : starts[n + 1];
            var bytes = new byte[end - starts[n]];
            Buffer.BlockCopy(diff, starts[n], bytes, 0, bytes.Length);
            yield return (PathOf(bytes), bytes);
        }
    }

    private static string PathOf(byte[] fileDiff)
    {
        var firstLine = Encoding.UTF8.GetString(fileDiff, 0, Math.Min(fileDiff.Length, 4096)).Split('\n')[0];
        var b = firstLine.LastIndexOf(" b/", StringComparison.Ordinal);
        return b >= 0 ? firstLine.Substring(b + 3).Trim('"') : firstLine;
    }

    private static bool Matches(byte[] data, int offset, byte[] marker)
    {
        for (var i = 0; i < marker.Length; i++)
        {
            if (data[offset + i] != marker[i])
            {
                return false;
            }
        }

        return true;
    }

    private sealed class UntrackedFile
    {
        public UntrackedFile(string path, string fullPath, long size, long ticks)
        {
            Path = path;
            FullPath = fullPath;
            Size = size;
            Ticks = ticks;
        }

        public string Path { get; }

        public string FullPath { get; }

        public long Size { get; }

        public long Ticks { get; }
    }
}
