using System.Text;
using static Repro.Tool.Services.ReportSvg;

namespace Repro.Tool.Services;

/// <summary>
/// Metrics logged once per run (a final r2, a test accuracy): one small chart per metric with a horizontal bar per run,
/// from zero, and the value written beside it. A one-point curve says nothing a bar does not say better.
/// </summary>
internal static class MetricBars
{
    private const int Width = 460;
    private const int LabelWidth = 124;
    private const int ValueWidth = 74;
    private const int Top = 28;
    private const int Row = 20;
    private const int AxisHeight = 26;

    public static void Write(StringBuilder html, ReportMetrics metrics)
    {
        if (metrics.SingleValueKeys.Count == 0)
        {
            return;
        }

        html.Append("<h2>Single values</h2>\n<p>Metrics logged once per run: one bar per run, from zero.</p>\n<div class=\"bars\">\n");
        foreach (var key in metrics.SingleValueKeys)
        {
            Chart(html, metrics, key);
        }

        html.Append("</div>\n");
    }

    private static void Chart(StringBuilder html, ReportMetrics metrics, string key)
    {
        var rows = new List<(int Run, double Value)>();
        for (var i = 0; i < metrics.Runs.Count; i++)
        {
            if (metrics.Last(i, key) is { } value)
            {
                rows.Add((i, value));
            }
        }

        var finite = rows.Where(r => double.IsFinite(r.Value)).Select(r => r.Value).ToList();
        // From zero: a bar's length is its value. Ticks are round numbers over zero and the data.
        var axis = ReportAxis.Nice(Math.Min(0, finite.DefaultIfEmpty(0).Min()), Math.Max(0, finite.DefaultIfEmpty(0).Max()));
        double left = LabelWidth, right = Width - ValueWidth;
        double X(double value) => left + axis.Fraction(value) * (right - left);
        var height = Top + rows.Count * Row + AxisHeight;
        var bottom = Top + rows.Count * Row;
        html.Append("<div class=\"chart\">").OpenChart("metric-bars", key, Width, height, key + " per run").Text(8, 18, key, "start", "title");
        html.Append("<g class=\"x-axis\">").HorizontalAxis(axis, bottom, left, right, gridTo: Top - 4).Append("</g>");
        var zero = X(0);
        for (var r = 0; r < rows.Count; r++)
        {
            var (run, value) = rows[r];
            var y = Top + r * Row;
            var id = metrics.Runs[run].Summary.RunId;
            html.Append("<g class=\"bar-row\" data-run=\"").Append(E(id)).Append("\">").Text(left - 6, y + 14, id.Length > 15 ? id.Substring(0, 15)
                : id, "end", "run");
            if (double.IsFinite(value))
            {
                var end = X(value);
                html.Append("<rect class=\"bar\" x=\"").Append(N(Math.Min(zero, end))).Append("\" y=\"").Append(y
                    + 4).Append("\" width=\"").Append(N(Math.Max(1, Math.Abs(end - zero))))
                    .Append("\" height=\"").Append(Row - 6).Append("\" fill=\"").Append(RunColor(run)).Append("\"><title>").Append(E(id)).Append(": ")
                        .Append(Number(value)).Append("</title></rect>");
            }

            html.Text(Width - 6, y + 14, double.IsFinite(value) ? Number(value) : Number(value) + " (not drawn)", "end", "value").Append("</g>");
        }

        html.Append("</svg></div>\n");
    }
}
