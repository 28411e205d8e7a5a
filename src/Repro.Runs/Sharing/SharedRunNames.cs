using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Repro.Runs.Sharing;

/// <summary>
/// The one place where names that come from outside (a shared ref's tree, a record, a folder listing) become paths.
/// A run id and a file name are checked here before any path is built from them, whatever the merge path or command:
/// a tree of a hostile remote can name <c>runs/zz/../evil.sh</c>, and nothing may then be written outside the run's
/// own folder.
/// </summary>
internal static class SharedRunNames
{
    /// <summary>The longest run id accepted (generated ids are 26 characters).</summary>
    public const int MaxRunIdLength = 128;

    /// <summary>The folder of the ref's tree that holds the shards.</summary>
    public const string RunsFolder = "runs";

    /// <summary>The only mode a shared file may have: a regular, non-executable file (no symlink, no submodule).</summary>
    public const string FileMode = "100644";

    private static readonly HashSet<string> Files = new(StringComparer.Ordinal)
    {
        Records.RunRecordSerializer.FileName,
        Records.MetricsFileFormat.FileName,
        PatchFileName,
        Records.RunAnnotationsFile.FileName,
        DeletedFileName,
    };

    /// <summary>
    /// The tombstone of a run deleted from the team's ref (<c>dotnet repro runs delete --remote</c>): merges keep it, so a
    /// clone that still has the run cannot bring it back, and a pull removes the run's local folder.
    /// </summary>
    public const string DeletedFileName = "deleted";

    /// <summary>The patch of a dirty build, beside the record.</summary>
    public const string PatchFileName = "build.patch";

    /// <summary>
    /// True for the files that are rewritten whole with a <c>lastWriteTime</c> inside (run.json, tags.json): of two
    /// copies the later one is newer, and they are held under the record limit. The others (metrics.jsonl) only grow.
    /// </summary>
    public static bool IsReplacedWhole(string fileName) => fileName is Records.RunRecordSerializer.FileName or Records.RunAnnotationsFile.FileName;

    /// <summary>The files a run folder shares, and the only ones a pull writes.</summary>
    public static IReadOnlyCollection<string> FileNames => Files;

    /// <summary>
    /// True for a run id: 1 to <see cref="MaxRunIdLength"/> ASCII letters, digits, '-', '_' or '.', starting with a
    /// letter or digit and without "..": no separator, no <c>.</c> or <c>..</c>, nothing a file system treats specially.
    /// </summary>
    public static bool IsRunId(string? value)
    {
        if (value is null || value.Length == 0 || value.Length > MaxRunIdLength || !IsLetterOrDigit(value[0])
            || value.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsLetterOrDigit(c) && c != '-' && c != '_' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for the name of a file a run shares (<see cref="FileNames"/>).</summary>
    public static bool IsFileName(string? value) => value is not null && Files.Contains(value);

    /// <summary>The shard folder of a run: the first byte of SHA-256(run id), in hex.</summary>
    public static string ShardOf(string runId)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(Encoding.UTF8.GetBytes(runId))[0].ToString("x2", CultureInfo.InvariantCulture);
    }

    /// <summary>The path of a run's file in the ref's tree: <c>runs/&lt;shard&gt;/&lt;run id&gt;/&lt;file&gt;</c>.</summary>
    public static string TreePath(string runId, string fileName) => RunsFolder + "/" + ShardOf(runId) + "/" + runId + "/" + fileName;

    /// <summary>
    /// Reads a path of the ref's tree as a run's file. Accepted: exactly <c>runs/&lt;shard&gt;/&lt;run id&gt;/&lt;file&gt;</c>
    /// with the run's own shard, a valid run id, a shared file name and the mode of a regular file; anything else gets
    /// a reason that names the entry (printable, shortened).
    /// </summary>
    public static bool TryParseTreePath(string path, string mode, out string runId, out string fileName, out string problem)
    {
        runId = "";
        fileName = "";
        problem = "";
        var parts = path.Split('/');
        if (parts.Length != 4 || parts[0] != RunsFolder)
        {
            problem = $"'{Shown(path)}' is not a run's file (runs/<shard>/<run id>/<file>)";
            return false;
        }

        if (!IsRunId(parts[2]))
        {
            problem = $"'{Shown(path)}' does not name a valid run id";
            return false;
        }

        if (!IsFileName(parts[3]))
        {
            problem = $"'{Shown(path)}' is not one of the files a run shares ({string.Join(", ", SortedFileNames())})";
            return false;
        }

        if (parts[1] != ShardOf(parts[2]))
        {
            problem = $"'{Shown(path)}' is in the wrong shard (expected {ShardOf(parts[2])})";
            return false;
        }

        if (mode != FileMode)
        {
            problem = $"'{Shown(path)}' is not a regular file (mode {Shown(mode)})";
            return false;
        }

        runId = parts[2];
        fileName = parts[3];
        return true;
    }

    /// <summary>
    /// The path of a run's file in a runs folder, for a run id and file name that have been validated. Checked again
    /// here, and the result is proved to lie directly inside the run's folder inside <paramref name="runsDirectory"/>.
    /// </summary>
    /// <exception cref="RunShareException">An invalid name (a bug of the caller, or an input that bypassed the checks).</exception>
    public static string FilePath(string runsDirectory, string runId, string fileName)
    {
        if (!IsRunId(runId) || !IsFileName(fileName))
        {
            throw new RunShareException($"'{Shown(runId)}/{Shown(fileName)}' is not a run's file; nothing was written.");
        }

        var root = Path.GetFullPath(runsDirectory);
        var folder = Path.GetFullPath(Path.Combine(root, runId));
        var path = Path.GetFullPath(Path.Combine(folder, fileName));
        if (!string.Equals(Path.GetDirectoryName(folder), root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.Ordinal)
            || !string.Equals(Path.GetDirectoryName(path), folder, StringComparison.Ordinal))
        {
            throw new RunShareException($"'{Shown(runId)}/{Shown(fileName)}' would be written outside {root}; nothing was written.");
        }

        return path;
    }

    /// <summary>A name from outside as it may be printed: control characters escaped, at most 100 characters.</summary>
    public static string Shown(string value)
    {
        var builder = new StringBuilder();
        foreach (var c in value)
        {
            if (builder.Length >= 100)
            {
                builder.Append('…');
                break;
            }

            if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069'))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static List<string> SortedFileNames()
    {
        var names = new List<string>(Files);
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private static bool IsLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
