using System.Globalization;
using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>One run as the team commands list it: its record, its folder, and what its status means now.</summary>
public sealed class RunListing
{
    /// <summary>A running run writes run.json every 10 seconds; one silent for this long has stopped (killed, machine lost).</summary>
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A run is listed under its folder's name, whatever its record claims: a record copied or planted under another
    /// folder (its <c>runId</c> another run's, or a path) would otherwise pass for a run it is not. The claim is kept in
    /// <see cref="ClaimedRunId"/> and shown.
    /// </summary>
    public RunListing(RunSummary summary, string folder, DateTimeOffset now)
    {
        var id = System.IO.Path.GetFileName(folder);
        if (!string.Equals(summary.RunId, id, StringComparison.Ordinal))
        {
            ClaimedRunId = summary.RunId;
            summary.RunId = id;
        }

        Summary = summary;
        Folder = folder;
        LastWrite = ParseTime(summary.LastWriteTime);
        Started = ParseTime(summary.StartTime);
        Status = summary.Status == RunStatus.Running && LastWrite is { } last && now - last > SilenceAllowed(summary.Share) ? "crashed" : summary.Status;
    }

    public RunSummary Summary { get; }

    /// <summary>
    /// How long a running run may look silent: a minute, and for a run that pushes itself to the team every N seconds
    /// (its copy pulled from there is up to N seconds old, plus the time to pull it) two intervals more.
    /// </summary>
    public static TimeSpan SilenceAllowed(RunShareSection? share) =>
        share is { IntervalSeconds: > 0 } ? HeartbeatTimeout + TimeSpan.FromSeconds(2.0 * share.IntervalSeconds) : HeartbeatTimeout;

    public string Folder { get; }

    /// <summary>The <c>runId</c> the record holds when it is not its folder's name (the record's own id is then the folder's), else null.</summary>
    public string? ClaimedRunId { get; }

    /// <summary>True when the metric summaries were read from metrics.jsonl because the record was behind it (<see cref="RunMetrics"/>).</summary>
    public bool MetricsDerived { get; set; }

    /// <summary>The team's tags and note on the run (tags.json), or null.</summary>
    public RunAnnotations? Annotations { get; init; }

    /// <summary>The run's tags (none when it has no annotations).</summary>
    public IReadOnlyDictionary<string, string> Tags => (IReadOnlyDictionary<string, string>?)Annotations?.Tags ?? NoTags;

    private static readonly Dictionary<string, string> NoTags = new(StringComparer.Ordinal);

    /// <summary>The recorded status, except that a running run whose heartbeat stopped is "crashed".</summary>
    public string Status { get; }

    public DateTimeOffset? Started { get; }

    public DateTimeOffset? LastWrite { get; }

    public bool IsActive => Status == RunStatus.Running;

    /// <summary>Who ran it, when the run recorded it (opt-in, as the build's host and user).</summary>
    public string? Who => Summary.Environment?.User is { Length: > 0 } user
        ? Summary.Environment.Host is { Length: > 0 } host ? user + "@" + host : user
        : null;

    public TimeSpan? Duration => Started is { } start
        ? (Summary.EndTime is { } end && ParseTime(end) is { } ended ? ended : LastWrite ?? start) - start
        : null;

    public static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time : null;
}
