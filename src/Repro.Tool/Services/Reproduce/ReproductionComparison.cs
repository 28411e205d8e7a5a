using System.Globalization;
using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>
/// A recorded run and its reproduction side by side, in the order a difference is most telling: the data the runs
/// read (by hash), how they ended, their parameters, every metric point (final and per step, within a tolerance; the
/// machine's own <c>system/</c> metrics are left out), and every output by content (<see cref="RunFileEntry.ContentSha256"/>
/// when both runs recorded it, else by file hash).
/// </summary>
public sealed class ReproductionComparison
{
    private const string SystemMetricPrefix = "system/";

    private ReproductionComparison(List<ReproductionDifference> differences, ReproductionDifference? largest, int metrics, int points, int outputs,
        List<string> notes)
    {
        Differences = differences;
        LargestDeviation = largest;
        MetricsCompared = metrics;
        PointsCompared = points;
        OutputsCompared = outputs;
        Notes = notes;
    }

    /// <summary>Differences beyond tolerance, the most telling first.</summary>
    public IReadOnlyList<ReproductionDifference> Differences { get; }

    /// <summary>The metric point furthest from the recorded one among those within tolerance, or null when all have the recorded bits.</summary>
    public ReproductionDifference? LargestDeviation { get; }

    public int MetricsCompared { get; }

    public int PointsCompared { get; }

    public int OutputsCompared { get; }

    /// <summary>What the comparison wants the reader to know that is not a difference (an output equal by content only).</summary>
    public IReadOnlyList<string> Notes { get; }

    public ReproductionVerdict Verdict => Differences.Count > 0 ? ReproductionVerdict.NotReproduced
        : LargestDeviation is not null ? ReproductionVerdict.WithinTolerance
        : ReproductionVerdict.BitIdentical;

    /// <param name="original">The recorded run.</param>
    /// <param name="originalPoints">Its metric points (metrics.jsonl); null when not at hand (the summaries are compared).</param>
    /// <param name="reproduction">The new run.</param>
    /// <param name="reproductionPoints">Its metric points, or null.</param>
    /// <param name="tolerance">Per metric.</param>
    /// <param name="mapPath">Maps a path the original run recorded (inside its work tree) to the reproduction's.</param>
    public static ReproductionComparison Compare(RunRecord original, IReadOnlyList<MetricPoint>? originalPoints, RunRecord reproduction,
        IReadOnlyList<MetricPoint>? reproductionPoints, MetricTolerance tolerance, Func<string, string>? mapPath = null)
    {
        var differences = new List<ReproductionDifference>();
        var notes = new List<string>();
        CompareData(original, reproduction, differences);
        CompareStatus(original, reproduction, differences);
        CompareParams(original, reproduction, differences);
        var (metrics, points, largest) = CompareMetrics(original, originalPoints, reproduction, reproductionPoints, tolerance, differences);
        var outputs = CompareOutputs(original, reproduction, mapPath ?? (p => p), differences, notes);
        return new ReproductionComparison(differences, largest, metrics, points, outputs, notes);
    }

    private static void CompareData(RunRecord original, RunRecord reproduction, List<ReproductionDifference> differences)
    {
        var now = reproduction.Data.GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var item in original.Data.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var recorded = item.Sha256 ?? item.BuildSha256;
            now.TryGetValue(item.Name, out var again);
            var found = again?.Sha256;
            if (recorded is not null && !string.Equals(recorded, found, StringComparison.Ordinal))
            {
                differences.Add(new ReproductionDifference("data", item.Name, recorded, found, found is null
                    ? $"data '{item.Name}' was not found by the reproduction (the run read {Output.Format.Hash(recorded)})"
                    : $"data '{item.Name}' is not the data the run read ({Output.Format.Hash(recorded)} then, {Output.Format.Hash(found)} now)"));
            }
        }
    }

    private static void CompareStatus(RunRecord original, RunRecord reproduction, List<ReproductionDifference> differences)
    {
        if (original.Status != reproduction.Status || original.ExitCode != reproduction.ExitCode)
        {
            var failure = reproduction.Failure is { } f ? $": {f.Type}: {f.Message}" : "";
            differences.Add(new ReproductionDifference("status", "status", Describe(original), Describe(reproduction),
                $"the run {Describe(original)}, the reproduction {Describe(reproduction)}{failure}"));
        }

        static string Describe(RunRecord run) => run.Status + (run.ExitCode is { } code ? $" (exit code {code.ToString(CultureInfo.InvariantCulture)})" : "");
    }

    private static void CompareParams(RunRecord original, RunRecord reproduction, List<ReproductionDifference> differences)
    {
        foreach (var key in original.Params.Keys.Union(reproduction.Params.Keys, StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal))
        {
            original.Params.TryGetValue(key, out var a);
            reproduction.Params.TryGetValue(key, out var b);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                differences.Add(new ReproductionDifference("param", key, a, b, $"parameter {key} was {a ?? "(not logged)"}, is {b ?? "(not logged)"}"));
            }
        }
    }

    private static (int Metrics, int Points, ReproductionDifference? Largest) CompareMetrics(RunRecord original, IReadOnlyList<MetricPoint>? originalPoints,
        RunRecord reproduction, IReadOnlyList<MetricPoint>? reproductionPoints, MetricTolerance tolerance, List<ReproductionDifference> differences)
    {
        var before = Series(original, originalPoints);
        var after = Series(reproduction, reproductionPoints);
        var found = new List<ReproductionDifference>();
        ReproductionDifference? largest = null;
        var points = 0;
        var keys = before.Keys.Union(after.Keys, StringComparer.Ordinal).Where(k => !k.StartsWith(SystemMetricPrefix, StringComparison.Ordinal))
            .OrderBy(k => k, StringComparer.Ordinal).ToList();
        foreach (var key in keys)
        {
            before.TryGetValue(key, out var a);
            after.TryGetValue(key, out var b);
            if (a is null || b is null)
            {
                found.Add(new ReproductionDifference("metric", key, a is null ? null : Last(a), b is null ? null : Last(b),
                    a is null ? $"metric {key} was not logged by the run, only by the reproduction" : $"metric {key} was not logged by the reproduction",
                    step: -1));
                continue;
            }

            var limit = tolerance.For(key);
            ReproductionDifference? first = null;
            for (var i = 0; i < Math.Min(a.Count, b.Count) && first is null; i++)
            {
                points++;
                var (stepA, valueA) = a[i];
                var (stepB, valueB) = b[i];
                if (stepA != stepB)
                {
                    first = new ReproductionDifference("metric", key, Point(stepA, valueA), Point(stepB, valueB),
                        $"metric {key}: point {i + 1} is at step {stepA} in the run, at step {stepB} in the reproduction", step: Math.Min(stepA, stepB));
                }
                else if (!MetricTolerance.Within(valueA, valueB, limit))
                {
                    first = new ReproductionDifference("metric", key, Value(valueA), Value(valueB),
                        $"metric {key} at step {stepA}: {Value(valueA)} recorded, {Value(valueB)} reproduced (deviation " +
                            $"{MetricTolerance.Deviation(valueA, valueB).ToString("G3", CultureInfo.InvariantCulture)}, tolerance " +
                                $"{limit.ToString("G3", CultureInfo.InvariantCulture)})",
                        MetricTolerance.Deviation(valueA, valueB), stepA);
                }
                else if (!valueA.Equals(valueB))
                {
                    var deviation = MetricTolerance.Deviation(valueA, valueB);
                    if (largest is null || deviation > largest.Deviation)
                    {
                        largest = new ReproductionDifference("metric", key, Value(valueA), Value(valueB),
                            $"metric {key} at step {stepA}: {Value(valueA)} recorded, {Value(valueB)} reproduced (deviation " +
                                $"{deviation.ToString("G3", CultureInfo.InvariantCulture)}, tolerance {limit.ToString("G3", CultureInfo.InvariantCulture)})",
                            deviation, stepA);
                    }
                }
            }

            if (first is null && a.Count != b.Count)
            {
                var shorter = Math.Min(a.Count, b.Count);
                var step = shorter < a.Count ? a[shorter].Step : b[shorter].Step;
                first = new ReproductionDifference("metric", key, a.Count.ToString(CultureInfo.InvariantCulture),
                    b.Count.ToString(CultureInfo.InvariantCulture), $"metric {key} has {a.Count} points in the run, {b.Count} in the reproduction", step: step);
            }

            if (first is not null)
            {
                found.Add(first);
            }
        }

        // The first metric to go astray (the earliest step) is the most telling: later ones often follow from it.
        differences.AddRange(found.OrderBy(d => d.Step ?? long.MaxValue).ThenBy(d => d.Name, StringComparer.Ordinal));
        return (keys.Count, points, largest);
    }

    /// <summary>Each metric's points by step (in the order written), from the metrics file, else the summary's last value.</summary>
    private static Dictionary<string, List<(long Step, double Value)>> Series(RunRecord run, IReadOnlyList<MetricPoint>? points)
    {
        var series = new Dictionary<string, List<(long Step, double Value)>>(StringComparer.Ordinal);
        if (points is not null && points.Count > 0)
        {
            foreach (var point in points)
            {
                if (!series.TryGetValue(point.Key, out var list))
                {
                    series[point.Key] = list = [];
                }

                list.Add((point.Step, point.Value));
            }

            foreach (var list in series.Values)
            {
                // Stable: two points at one step keep their order.
                var ordered = list.Select((p, i) => (p, i)).OrderBy(x => x.p.Step).ThenBy(x => x.i).Select(x => x.p).ToList();
                list.Clear();
                list.AddRange(ordered);
            }
        }

        foreach (var (key, summary) in run.Metrics)
        {
            if (!series.ContainsKey(key))
            {
                series[key] = [(summary.Step, summary.Last)];
            }
        }

        return series;
    }

    private static int CompareOutputs(RunRecord original, RunRecord reproduction, Func<string, string> mapPath, List<ReproductionDifference> differences,
        List<string> notes)
    {
        var before = Outputs(original, mapPath);
        var after = Outputs(reproduction, p => p);
        foreach (var path in before.Keys.Union(after.Keys, StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal))
        {
            before.TryGetValue(path, out var a);
            after.TryGetValue(path, out var b);
            if (a is null || b is null)
            {
                differences.Add(new ReproductionDifference("output", path, a?.Sha256, b?.Sha256, a is null
                    ? $"output {path} was written by the reproduction only"
                    : $"output {path} was not written by the reproduction"));
                continue;
            }

            var byContent = a.ContentSha256 is not null && b.ContentSha256 is not null;
            var (recorded, reproduced) = byContent ? (a.ContentSha256, b.ContentSha256) : (a.Sha256, b.Sha256);
            if (!string.Equals(recorded, reproduced, StringComparison.Ordinal) || recorded is null)
            {
                differences.Add(new ReproductionDifference("output", path, recorded, reproduced,
                    $"output {path} differs by {(byContent ? "content" : "file hash")} ({Output.Format.Hash(recorded)} recorded, " +
                        $"{Output.Format.Hash(reproduced)} reproduced)" +
                        (byContent ? "" : "; the run recorded no content hash, so container metadata (zip entry times) counts too")));
            }
            else if (byContent && !string.Equals(a.Sha256, b.Sha256, StringComparison.Ordinal))
            {
                notes.Add($"output {path}: the same content ({Output.Format.Hash(recorded)}); the files differ only in their container " +
                    "(zip entry times, order)");
            }
        }

        return before.Count;
    }

    private static Dictionary<string, RunFileEntry> Outputs(RunRecord run, Func<string, string> mapPath)
    {
        var outputs = new Dictionary<string, RunFileEntry>(StringComparer.Ordinal);
        foreach (var file in run.Outputs.Concat(run.Steps.SelectMany(s => s.Outputs)))
        {
            outputs[mapPath(file.Path)] = file; // logged twice: the last logging counts, as for the run
        }

        return outputs;
    }

    private static string Last(List<(long Step, double Value)> series) => series.Count == 0 ? "(none)" : Value(series[^1].Value);

    private static string Value(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Point(long step, double value) => $"{Value(value)} at step {step.ToString(CultureInfo.InvariantCulture)}";
}
