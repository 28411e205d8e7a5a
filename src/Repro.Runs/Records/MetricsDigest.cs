using System.Collections.Generic;

namespace Repro.Runs.Records;

/// <summary>
/// What a metrics file holds, read in bounded memory (<see cref="MetricsFileFormat.Digest"/>): per key the summary the
/// run would have written (last value and step, min, max, count, as <c>run.json</c> computes them) and a reduced
/// series for charts, whatever the size of the file.
/// </summary>
public sealed class MetricsDigest
{
    /// <summary>Per key, the summary of every point read.</summary>
    public SortedDictionary<string, MetricSummary> Summaries { get; } = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Per key (for the first keys met, up to the limit given), the finite points in the order logged, reduced to the
    /// limit given: the first and last point and each stretch's lowest and highest are kept, so no spike is lost.
    /// </summary>
    public SortedDictionary<string, IReadOnlyList<(long Step, double Value)>> Series { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Points read (every well-formed line of a kept key).</summary>
    public long Points { get; internal set; }

    /// <summary>Lines skipped: cut short by a kill, malformed, or longer than a metric line can be.</summary>
    public long MalformedLines { get; internal set; }

    /// <summary>Points of keys beyond the limit on distinct keys: counted, not summarized.</summary>
    public long PointsOfSkippedKeys { get; internal set; }
}
