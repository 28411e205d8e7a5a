using Repro.Build.IO;
using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>
/// The detailed runs' metrics as the report draws them: each key is either a series (more than one point in some run:
/// a curve over steps) or a single value per run (bars). Points come from each run's metrics file, read in bounded
/// memory whatever its size (<see cref="MetricsFileFormat.Digest"/>: each series reduced, its spikes kept).
/// </summary>
internal sealed class ReportMetrics
{
    private const int MaxPointsPerSeries = 2000;

    private ReportMetrics(IReadOnlyList<RunListing> runs, IReadOnlyList<MetricsDigest?> digests)
    {
        Runs = runs;
        Digests = digests;
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < runs.Count; i++)
        {
            foreach (var (key, summary) in runs[i].Summary.Metrics)
            {
                keys.Add(key);
                if (summary.Count > 1)
                {
                    series.Add(key);
                }
            }

            if (digests[i] is { } digest)
            {
                foreach (var (key, summary) in digest.Summaries)
                {
                    keys.Add(key);
                    if (summary.Count > 1)
                    {
                        series.Add(key);
                    }
                }
            }
        }

        SeriesKeys = keys.Where(k => series.Contains(k) && !SystemSeries.IsSystem(k)).ToList();
        SingleValueKeys = keys.Where(k => !series.Contains(k) && !SystemSeries.IsSystem(k)).ToList();
        SystemKeys = keys.Where(SystemSeries.IsSystem).ToList();
    }

    /// <summary>The detailed runs; a run's index is its colour (<see cref="ReportSvg.RunColor"/>).</summary>
    public IReadOnlyList<RunListing> Runs { get; }

    /// <summary>Per run (same index), its metrics file's digest, or null when it has none or it cannot be read.</summary>
    public IReadOnlyList<MetricsDigest?> Digests { get; }

    /// <summary>Keys with more than one point in some run, in ordinal order, but the <c>system/</c> ones.</summary>
    public IReadOnlyList<string> SeriesKeys { get; }

    /// <summary>The <c>system/</c> keys (the sampler's series, drawn apart over samples), in ordinal order.</summary>
    public IReadOnlyList<string> SystemKeys { get; }

    /// <summary>Keys logged once in every run that has them, in ordinal order.</summary>
    public IReadOnlyList<string> SingleValueKeys { get; }

    public static ReportMetrics Read(IReadOnlyList<RunListing> runs) =>
        new(runs, runs.Select(ReadDigest).ToList());

    /// <summary>A run's value of <paramref name="key"/>: its last, as the runs table shows it (run.json, or the file when the record is behind).</summary>
    public double? Last(int run, string key) =>
        Runs[run].Summary.Metrics.TryGetValue(key, out var summary) ? summary.Last
        : Digests[run] is { } digest && digest.Summaries.TryGetValue(key, out var read) ? read.Last
        : null;

    /// <summary>True when some point of <paramref name="key"/> in the run is NaN or infinite (a NaN sticks to min and max).</summary>
    public bool HasNonFinite(int run, string key) =>
        Digests[run] is { } digest && digest.Summaries.TryGetValue(key, out var summary) && !(double.IsFinite(summary.Min) && double.IsFinite(summary.Max));

    private static MetricsDigest? ReadDigest(RunListing run)
    {
        try
        {
            return MetricsFileFormat.Digest(Path.Combine(run.Folder, MetricsFileFormat.FileName), MaxPointsPerSeries);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return null;
        }
    }
}
