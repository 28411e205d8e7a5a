using Repro.Build.IO;
using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>
/// A run's metric summaries as the metrics file has them, when the record may be behind it. A run writes run.json
/// every 10 seconds and metrics.jsonl in between, so a run killed without warning (SIGKILL, a lost machine) keeps the
/// summaries of its last rewrite while the file has the points after it; those are the points that show how it ended.
/// </summary>
public static class RunMetrics
{
    /// <summary>
    /// True when the record's summaries may miss points of the metrics file: the run never wrote its end (status
    /// <c>running</c>, live or not, or <c>killed</c>) and the metrics file was written after the record. A finished or
    /// failed run writes its record after its last points, so its summaries are complete and its file is not read.
    /// </summary>
    public static bool MayBeBehind(string status, string folder)
    {
        if (status is not (RunStatus.Running or RunStatus.Killed))
        {
            return false;
        }

        try
        {
            var metrics = Path.Combine(folder, MetricsFileFormat.FileName);
            return FileProbe.Inspect(metrics) == FileKind.Regular
                && FileProbe.Stat(metrics).LastWriteTicks > FileProbe.Stat(Path.Combine(folder, RunRecordSerializer.FileName)).LastWriteTicks;
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces the record's summaries with those of its metrics file (read in bounded memory) when the record may be
    /// behind and the file has more points; true when it did. A metrics file that cannot be read leaves the record as it is.
    /// </summary>
    public static bool DeriveIfBehind(string status, IDictionary<string, MetricSummary> metrics, string folder)
    {
        if (!MayBeBehind(status, folder))
        {
            return false;
        }

        MetricsDigest digest;
        try
        {
            digest = MetricsFileFormat.Digest(Path.Combine(folder, MetricsFileFormat.FileName), maxPointsPerSeries: 0, maxSeries: 0);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return false;
        }

        if (digest.Points <= metrics.Values.Sum(m => m.Count))
        {
            return false;
        }

        foreach (var pair in digest.Summaries)
        {
            metrics[pair.Key] = pair.Value;
        }

        return true;
    }
}
