using System;
using System.Globalization;

namespace Repro.Runs.Sharing;

/// <summary>
/// Bounds on what a pull writes and a push sends, since a shared ref comes from outside: a file over its limit is
/// skipped with one line naming the run and the limit, and the rest goes on. Defaults suit real runs (a record is a
/// few kB to a few MB; a metrics file of a million points is about 60 MB); each can be raised through the environment.
/// </summary>
internal sealed class ShareLimits
{
    /// <summary>Megabytes a run's record (run.json) may have.</summary>
    public const string RecordVariable = "REPRO_SHARE_MAX_RECORD_MB";

    /// <summary>Megabytes any other file of a run (metrics.jsonl, build.patch) may have.</summary>
    public const string FileVariable = "REPRO_SHARE_MAX_FILE_MB";

    /// <summary>Megabytes one pull may write in all.</summary>
    public const string PullVariable = "REPRO_SHARE_MAX_PULL_MB";

    private const long MiB = 1024 * 1024;

    public long MaxRecordBytes { get; set; } = 16 * MiB;

    public long MaxFileBytes { get; set; } = 512 * MiB;

    public long MaxPullBytes { get; set; } = 8192 * MiB;

    /// <summary>The limit of one shared file, by its name.</summary>
    public long MaxBytesOf(string fileName) => SharedRunNames.IsReplacedWhole(fileName) ? MaxRecordBytes : MaxFileBytes;

    /// <summary>The variable that raises the limit of a file, by its name.</summary>
    public static string VariableOf(string fileName) => SharedRunNames.IsReplacedWhole(fileName) ? RecordVariable : FileVariable;

    /// <summary>The defaults, with what the environment sets (a positive whole number of megabytes; anything else is refused).</summary>
    /// <exception cref="RunShareException">A variable that is set to something other than a positive number.</exception>
    public static ShareLimits FromEnvironment()
    {
        var limits = new ShareLimits();
        limits.MaxRecordBytes = Read(RecordVariable, limits.MaxRecordBytes);
        limits.MaxFileBytes = Read(FileVariable, limits.MaxFileBytes);
        limits.MaxPullBytes = Read(PullVariable, limits.MaxPullBytes);
        return limits;
    }

    /// <summary>A size as people read it: "2.0 GiB", "512 MiB", "12 kB".</summary>
    public static string Size(long bytes) =>
        bytes >= 1024 * MiB ? (bytes / (1024.0 * MiB)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB"
        : bytes >= MiB ? (bytes / (double)MiB).ToString("0.#", CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " kB";

    private static long Read(string variable, long fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!long.TryParse(text!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes)
            || megabytes <= 0 || megabytes > long.MaxValue / MiB)
        {
            throw new RunShareException(
                $"{variable} is '{SharedRunNames.Shown(text)}'; set it to a positive whole number of megabytes, or unset it for the default.");
        }

        return megabytes * MiB;
    }
}
