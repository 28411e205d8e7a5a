using System.Text;
using static Repro.Tool.Services.ReportSvg;

namespace Repro.Tool.Services;

/// <summary>One chart per metric that has a series: a curve per run over its steps, both axes with round ticks.</summary>
internal static class MetricCurves
{
    private const int Width = 560;
    private const int Height = 270;
    private const int Left = 60;
    private const int Right = 16;
    private const int Top = 30;
    private const int Bottom = 40;

    public static void Write(StringBuilder html, ReportMetrics metrics)
    {
        html.Append("<h2>Metrics over steps</h2>\n");
        if (metrics.SeriesKeys.Count == 0)
        {
            html.Append("<p>No metric has more than one point in a run.</p>\n");
            return;
        }

        Legend(html, metrics);
        foreach (var key in metrics.SeriesKeys)
        {
            Chart(html, metrics, key, "metric-chart", "step");
        }
    }

    /// <summary>
    /// The <c>system/</c> series (CPU, memory, disk, network, GPU sampled while each run lived, docs/autolog.md), drawn as
    /// the metrics are, over the sample's number (the first a second after the start, then one per interval).
    /// </summary>
    public static void WriteSystem(StringBuilder html, ReportMetrics metrics)
    {
        html.Append("<h2 id=\"system-metrics\">System metrics over time</h2>\n");
        if (metrics.SystemKeys.Count == 0)
        {
            html.Append("<p>No run has system metrics (<code>REPRO_SYSTEM_METRICS_INTERVAL</code> turns the sampler on and off).</p>\n");
            return;
        }

        Legend(html, metrics);
        foreach (var key in metrics.SystemKeys)
        {
            Chart(html, metrics, key, "system-chart", "sample");
        }
    }

    private static void Legend(StringBuilder html, ReportMetrics metrics)
    {
        html.Append("<div class=\"legend\">");
        for (var i = 0; i < metrics.Runs.Count; i++)
        {
            html.Append("<span><svg width=\"14\" height=\"4\"><rect width=\"14\" height=\"4\" fill=\"").Append(RunColor(i)).Append("\"/></svg> <code>")
                .Append(E(metrics.Runs[i].Summary.RunId)).Append("</code></span>");
        }

        html.Append("</div>\n");
    }

    private static void Chart(StringBuilder html, ReportMetrics metrics, string key, string css, string axisName)
    {
        var lines = new List<(int Run, IReadOnlyList<(long Step, double Value)> Points)>();
        var skipped = new List<string>();
        for (var i = 0; i < metrics.Runs.Count; i++)
        {
            if (metrics.Digests[i] is { } digest && digest.Series.TryGetValue(key, out var points) && points.Count > 0)
            {
                lines.Add((i, points));
            }

            if (metrics.HasNonFinite(i, key))
            {
                skipped.Add(metrics.Runs[i].Summary.RunId);
            }
        }

        // Bytes (a system metric's memory, disk or network) in the binary unit of the largest value, named in the title:
        // an axis of 0.5 GiB steps reads better than one of 5.4E+08.
        var (unit, divisor) = key.EndsWith("_bytes", StringComparison.Ordinal) && lines.Count > 0
            ? ByteUnit(lines.Max(l => l.Points.Max(p => Math.Abs(p.Value))))
            : ("", 1d);
        if (divisor != 1)
        {
            lines = lines.Select(l => (l.Run, (IReadOnlyList<(long Step, double Value)>)l.Points.Select(p => (p.Step, p.Value / divisor)).ToList())).ToList();
        }

        var title = unit.Length == 0 ? key : key + " (" + unit + ")";
        html.Append("<div class=\"chart\">");
        if (lines.Count > 0)
        {
            // The digest holds finite points only: NaN and infinities have no place on an axis.
            var steps = ReportAxis.Nice(lines.Min(l => l.Points.Min(p => p.Step)), lines.Max(l => l.Points.Max(p => p.Step)), integers: true);
            var values = ReportAxis.Nice(lines.Min(l => l.Points.Min(p => p.Value)), lines.Max(l => l.Points.Max(p => p.Value)));
            double X(double step) => Left + steps.Fraction(step) * (Width - Left - Right);
            double Y(double value) => Height - Bottom - values.Fraction(value) * (Height - Top - Bottom);
            html.OpenChart(css, key, Width, Height, title + " over " + axisName + "s").Text(Left, 18, title, "start", "title");
            html.Append("<g class=\"y-axis\">").VerticalAxis(values, Left, Top, Height - Bottom, gridTo: Width - Right).Append("</g>");
            html.Append("<g class=\"x-axis\">").HorizontalAxis(steps, Height - Bottom, Left, Width - Right).Append("</g>")
                .Text(Width - Right, Height - 4, axisName, "end", "axis-name");
            foreach (var (run, points) in lines)
            {
                if (points.Count == 1)
                {
                    html.Append("<circle cx=\"").Append(N(X(points[0].Step))).Append("\" cy=\"").Append(N(Y(points[0].Value)))
                        .Append("\" r=\"4\" fill=\"").Append(RunColor(run)).Append("\"/>");
                    continue;
                }

                html.Append("<polyline class=\"curve\" fill=\"none\" stroke-width=\"2.5\" stroke=\"").Append(RunColor(run)).Append("\" points=\"");
                for (var p = 0; p < points.Count; p++)
                {
                    html.Append(p == 0 ? "" : " ").Append(N(X(points[p].Step))).Append(',').Append(N(Y(points[p].Value)));
                }

                html.Append("\"/>");
            }

            html.Append("</svg>");
        }
        else
        {
            html.Append("<p><b>").Append(E(key)).Append("</b>: no finite point to draw.</p>");
        }

        if (skipped.Count > 0)
        {
            html.Append("<p class=\"note\">NaN or infinite values are left out of this chart (the tables show them): ")
                .Append(string.Join(", ", skipped.Select(id => "<code>" + E(id) + "</code>"))).Append(".</p>");
        }

        html.Append("</div>\n");
    }

    private static (string Unit, double Divisor) ByteUnit(double largest)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
        var unit = 0;
        var divisor = 1d;
        while (largest / divisor >= 1024 && unit < units.Length - 1)
        {
            divisor *= 1024;
            unit++;
        }

        return (units[unit], divisor);
    }
}
