using System.Globalization;
using System.Text;
using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>
/// One <c>system/</c> series of a run (docs/autolog.md: CPU, memory, disk, network, GPU sampled while the run lived), as
/// <c>compare</c> shows it: lowest, mean, highest and last value, the number of samples, and its points for a sparkline.
/// The mean is taken over the points of the run's metrics file; it is marked approximate when that file's series was
/// reduced (more samples than a digest keeps) and absent when the file cannot be read.
/// </summary>
public sealed record SystemSeries(double Min, double? Mean, bool MeanIsApproximate, double Max, double Last, long Count, IReadOnlyList<double> Points)
{
    /// <summary>The prefix of the sampler's metrics.</summary>
    public const string Prefix = "system/";

    private const string Bars = "▁▂▃▄▅▆▇█";

    public static bool IsSystem(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>From the record's summary, and the digest's points of the same key when there is one.</summary>
    public static SystemSeries From(MetricSummary summary, IReadOnlyList<(long Step, double Value)>? points)
    {
        double? mean = points is { Count: > 0 } ? points.Average(p => p.Value) : null;
        return new SystemSeries(summary.Min, mean, mean is not null && points!.Count < summary.Count, summary.Max, summary.Last, summary.Count,
            points?.Select(p => p.Value).ToList() ?? []);
    }

    /// <summary>
    /// <c>min 12% · mean 31% · max 88% ▁▃▇█▅▂ (14)</c>: the sparkline is drawn on <paramref name="low"/>..<paramref name="high"/>,
    /// the range of the whole row, so that the runs' lines can be compared by eye.
    /// </summary>
    public string Describe(string key, double low, double high)
    {
        var text = new StringBuilder();
        text.Append("min ").Append(Value(key, Min)).Append(" · mean ")
            .Append(Mean is { } mean ? (MeanIsApproximate ? "≈" : "") + Value(key, mean) : "—")
            .Append(" · max ").Append(Value(key, Max));
        var spark = Sparkline(low, high, 12);
        if (spark.Length > 0)
        {
            text.Append(' ').Append(spark);
        }

        return text.Append(" (").Append(Count.ToString(CultureInfo.InvariantCulture)).Append(')').ToString();
    }

    /// <summary>At most <paramref name="width"/> bars, each the mean of its stretch of points; empty with fewer than two points.</summary>
    public string Sparkline(double low, double high, int width)
    {
        if (Points.Count < 2)
        {
            return "";
        }

        var bars = Math.Min(width, Points.Count);
        var text = new StringBuilder(bars);
        for (var i = 0; i < bars; i++)
        {
            var from = i * Points.Count / bars;
            var to = Math.Max(from + 1, (i + 1) * Points.Count / bars);
            var value = Points.Skip(from).Take(to - from).Average();
            var level = high > low ? (int)Math.Round((value - low) / (high - low) * (Bars.Length - 1)) : 0;
            text.Append(Bars[Math.Clamp(level, 0, Bars.Length - 1)]);
        }

        return text.ToString();
    }

    /// <summary>A value in the unit its key names: <c>…_bytes</c> in KiB, MiB, GiB; <c>…_percent</c> with %; otherwise 4 digits.</summary>
    public static string Value(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (key.EndsWith("_bytes", StringComparison.Ordinal))
        {
            string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
            var unit = 0;
            var scaled = Math.Abs(value);
            while (scaled >= 1024 && unit < units.Length - 1)
            {
                scaled /= 1024;
                unit++;
            }

            return (value < 0 ? "-" : "") + scaled.ToString(unit == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " " + units[unit];
        }

        var number = value.ToString("0.###", CultureInfo.InvariantCulture);
        return key.EndsWith("_percent", StringComparison.Ordinal) ? value.ToString("0.#", CultureInfo.InvariantCulture) + "%" : number;
    }
}
