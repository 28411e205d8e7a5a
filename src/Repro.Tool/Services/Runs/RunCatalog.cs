using System.Globalization;
using System.Text.Json;
using Repro.Build.IO;
using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>
/// Reads the runs of a runs folder (the local runs and those pulled from the team) for listing. What listing needs of
/// each run.json is kept in <see cref="RunIndex"/> (<c>.index.db</c> in the runs folder), checked against the records'
/// sizes and times, so that listing reads small summaries instead of whole records, and a query that only orders and
/// limits reads only the runs it shows. The index is a cache: when it is missing, stale or unwritable, nothing but
/// time is lost.
/// </summary>
public static class RunCatalog
{
    /// <summary>The index's file, relative to the runs folder (<see cref="RunIndex"/>).</summary>
    public static readonly string IndexFileName = Path.Combine(RunIndex.FolderName, RunIndex.FileName);

    /// <summary>At most this many unreadable runs are named in a line of text; --json names them all.</summary>
    public const int UnreadableNamed = 5;

    /// <summary>
    /// The runs of <paramref name="runsDirectory"/>, oldest first. Records that cannot be read (damaged, not a run
    /// record, over <see cref="RunRecordSerializer.MaxFileBytes"/>) are returned in <paramref name="unreadable"/> with
    /// the reason, never fatal: the rest of the listing goes on.
    /// </summary>
    public static List<RunListing> Load(string runsDirectory, DateTimeOffset now, out List<UnreadableRun> unreadable) =>
        Load(runsDirectory, now, query: null, out unreadable, out _);

    /// <summary>
    /// The runs a query can be answered from: when it only orders by start or name and limits (<c>runs --limit 20</c>,
    /// <c>--active</c>), only the runs it shows are read from the index; otherwise every run, for the query to filter.
    /// <paramref name="total"/> is the number of runs in the folder.
    /// </summary>
    public static List<RunListing> Load(string runsDirectory, DateTimeOffset now, RunQuery? query, out List<UnreadableRun> unreadable, out int total)
    {
        using var index = RunIndex.Open(runsDirectory);
        unreadable = index.Sync(Reason);
        total = index.Count();
        var rows = query?.IndexOrder is { } order
            ? index.Read(order, query.Descending, query.ActiveOnly ? null : query.Limit, Reason, runningOnly: query.ActiveOnly)
            : index.Read("start", descending: false, limit: null, Reason);
        var listings = new List<RunListing>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Summary is not { } summary)
            {
                unreadable.Add(new UnreadableRun(row.Id, row.Failure!));
                continue;
            }

            // What the record says is indexed; what the metrics file adds (a run killed between rewrites) is read each time.
            var folder = Path.Combine(runsDirectory, row.Id);
            listings.Add(new RunListing(summary, folder, now)
            {
                MetricsDerived = RunMetrics.DeriveIfBehind(summary.Status, summary.Metrics, folder),
                Annotations = row.Annotations,
            });
        }

        return listings;
    }

    /// <summary>"skipped 2 unreadable record(s): ID (reason), ID (reason)", naming at most <see cref="UnreadableNamed"/>.</summary>
    public static string DescribeUnreadable(IReadOnlyList<UnreadableRun> unreadable)
    {
        var named = string.Join(", ", unreadable.Take(UnreadableNamed).Select(u => $"{u.Id} ({u.Reason})"));
        var more = unreadable.Count > UnreadableNamed ? $", and {unreadable.Count - UnreadableNamed} more (--json lists them all)" : "";
        return $"skipped {unreadable.Count} unreadable record(s): {named}{more}";
    }

    // One short line: the message of a reader names the file, which the listing already names by its run id.
    private static string Reason(Exception ex)
    {
        if (ex is FileTooLargeException)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"run.json is larger than the {RunRecordSerializer.MaxFileBytes / (1024 * 1024)} MiB a record may have");
        }

        var message = ex.Message.Split('\n')[0].Trim();
        if (message.StartsWith("Not a run record: ", StringComparison.Ordinal))
        {
            message = "not a run record: " + message.Substring("Not a run record: ".Length);
        }

        return message.Length > 160 ? message.Substring(0, 159) + "…" : message;
    }
}
