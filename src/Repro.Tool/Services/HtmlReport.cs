using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using Repro.Build.IO;
using Repro.Build.Runs;

namespace Repro.Tool.Services;

/// <summary>
/// <c>dotnet repro report</c>: one self-contained HTML file (no network, no CDN, no external file) with the runs table,
/// metric curves over steps as inline SVG charts, a parameter and metric comparison, and each run's lineage (steps,
/// inputs, outputs) and build. Charts are drawn here, not by a script library, so the page renders anywhere; the one
/// small script sorts the table and marks the page as loaded (<c>data-script="ok"</c> on the body).
/// </summary>
public static class HtmlReport
{
    private const int ChartWidth = 560;
    private const int ChartHeight = 260;
    private const int Margin = 44;
    private const int MaxPointsPerSeries = 2000;

    private static readonly string[] Palette = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f" };

    /// <summary>Writes the report of <paramref name="runs"/> (the first <paramref name="detailed"/> get charts and lineage).</summary>
    /// <param name="matching">How many runs matched, when more than <paramref name="runs"/> (the most recent of them) are shown.</param>
    public static string Build(IReadOnlyList<RunListing> runs, int detailed, int? matching = null)
    {
        var chosen = runs.Take(detailed).ToList();
        // A record that cannot be read whole (changed since it was listed) is left out of the detail, not fatal.
        var records = chosen.Select(r => (Listing: r, Record: ReadRecord(r))).Where(r => r.Record is not null).Select(r => (r.Listing, Record: r.Record!)).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Repro runs</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;margin:24px;color:#222;background:#fff}h1{font-size:22px}h2{font-size:18px;margin-top:32px}")
            .Append("table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}")
            .Append("th{background:#f2f2f2;cursor:pointer}td.num{text-align:right;font-variant-numeric:tabular-nums}.differs{background:#fff3cd}")
            .Append(".status-failed,.status-crashed,.status-killed{color:#b00020}.status-running{color:#0a7d00}.chart{display:inline-block;margin:8px 16px 8px 0}")
            .Append("code{font-size:12px}.legend span{display:inline-block;margin-right:12px;font-size:12px}.scroll{overflow-x:auto;max-width:100%}\n</style>\n</head>\n<body>\n");
        html.Append("<h1>Repro runs</h1>\n<p>");
        if (matching is { } all && all > runs.Count)
        {
            html.Append("The ").Append(runs.Count.ToString(CultureInfo.InvariantCulture)).Append(" most recent of ")
                .Append(all.ToString(CultureInfo.InvariantCulture)).Append(" run(s) (<code>--limit</code> shows more, <code>--status</code> and <code>--param</code> choose)");
        }
        else
        {
            html.Append(runs.Count.ToString(CultureInfo.InvariantCulture)).Append(" run(s)");
        }

        html.Append("; charts and lineage for ").Append(chosen.Count.ToString(CultureInfo.InvariantCulture)).Append(".</p>\n");

        RunsTable(html, runs);
        Charts(html, records.Select(r => r.Listing).ToList());
        Comparison(html, records.Select(r => r.Record).ToList());
        Lineage(html, records.Select(r => r.Record).ToList());

        html.Append("<script>\n")
            .Append("window.onerror=function(m){document.body.setAttribute('data-script','error: '+m);};\n")
            .Append("document.querySelectorAll('table.sortable th').forEach(function(th,i){th.addEventListener('click',function(){")
            .Append("var body=th.closest('table').tBodies[0];var rows=Array.from(body.rows);var asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';")
            .Append("rows.sort(function(a,b){var x=a.cells[i].dataset.v||a.cells[i].textContent,y=b.cells[i].dataset.v||b.cells[i].textContent;")
            .Append("var nx=parseFloat(x),ny=parseFloat(y);var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?c:-c;});")
            .Append("rows.forEach(function(r){body.appendChild(r);});});});\n")
            .Append("document.body.setAttribute('data-script','ok');\n</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static RunRecord? ReadRecord(RunListing listing)
    {
        try
        {
            return RunRecordSerializer.ReadFile(Path.Combine(listing.Folder, RunRecordSerializer.FileName));
        }
        catch (Exception ex) when (ex is InvalidDataException || ReadFailure.IsExpected(ex))
        {
            return null;
        }
    }

    private static void RunsTable(StringBuilder html, IReadOnlyList<RunListing> runs)
    {
        var paramKeys = runs.SelectMany(r => r.Summary.Params.Keys).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var metricKeys = runs.SelectMany(r => r.Summary.Metrics.Keys).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
        // Wide with many parameters: the table scrolls in its own box, the page does not.
        html.Append("<h2>Runs</h2>\n<div class=\"scroll\">\n<table class=\"sortable\" id=\"runs\">\n<thead><tr><th>run</th><th>name</th><th>status</th><th>who</th><th>started</th><th>branch</th><th>commit</th><th>fingerprint</th>");
        foreach (var key in paramKeys)
        {
            html.Append("<th>").Append(E(key)).Append("</th>");
        }

        foreach (var key in metricKeys)
        {
            html.Append("<th>").Append(E(key)).Append(" (last)</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var run in runs)
        {
            var record = run.Summary;
            html.Append("<tr data-run=\"").Append(E(record.RunId)).Append("\"><td><code>").Append(E(record.RunId)).Append("</code></td><td>").Append(E(record.Name ?? ""))
                .Append("</td><td class=\"status-").Append(E(run.Status)).Append("\">").Append(E(run.Status)).Append("</td><td>").Append(E(run.Who ?? ""))
                .Append("</td><td>").Append(E(record.StartTime)).Append("</td><td class=\"branch\">").Append(E(record.Build?.Branch ?? ""))
                .Append("</td><td><code>").Append(E(Short(record.Build?.Commit, 10))).Append(record.Build?.Dirty == true ? "+dirty" : "")
                .Append("</code></td><td><code>").Append(E(Short(Bare(record.Build?.Fingerprint), 12))).Append("</code></td>");
            foreach (var key in paramKeys)
            {
                html.Append("<td class=\"param\" data-key=\"").Append(E(key)).Append("\">").Append(E(record.Params.TryGetValue(key, out var value) ? Repro.Tool.Output.Format.Long(value) : "")).Append("</td>");
            }

            foreach (var key in metricKeys)
            {
                var text = record.Metrics.TryGetValue(key, out var metric) ? Number(metric.Last) : "";
                html.Append("<td class=\"num metric\" data-key=\"").Append(E(key)).Append("\" data-v=\"").Append(text).Append("\">").Append(text).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static void Charts(StringBuilder html, List<RunListing> runs)
    {
        var series = new Dictionary<string, List<(RunListing Run, List<(double Step, double Value)> Points)>>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            // In bounded memory whatever the file's size: each series comes reduced, its spikes kept (MetricsFileFormat.Digest).
            MetricsDigest digest;
            try
            {
                digest = MetricsFileFormat.Digest(Path.Combine(run.Folder, MetricsFileFormat.FileName), MaxPointsPerSeries);
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                continue;
            }

            foreach (var pair in digest.Series)
            {
                if (!series.TryGetValue(pair.Key, out var chart))
                {
                    series[pair.Key] = chart = new();
                }

                chart.Add((run, pair.Value.Select(p => ((double)p.Step, p.Value)).ToList()));
            }
        }

        html.Append("<h2>Metrics over steps</h2>\n");
        if (series.Count == 0)
        {
            html.Append("<p>No metric points.</p>\n");
            return;
        }

        html.Append("<div class=\"legend\">");
        for (var i = 0; i < runs.Count; i++)
        {
            html.Append("<span><svg width=\"14\" height=\"4\"><rect width=\"14\" height=\"4\" fill=\"").Append(Palette[i % Palette.Length]).Append("\"/></svg> <code>")
                .Append(E(runs[i].Summary.RunId)).Append("</code></span>");
        }

        html.Append("</div>\n");
        foreach (var chart in series.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var all = chart.Value.SelectMany(s => s.Points).ToList();
            if (all.Count == 0)
            {
                continue;
            }

            double minX = all.Min(p => p.Step), maxX = all.Max(p => p.Step), minY = all.Min(p => p.Value), maxY = all.Max(p => p.Value);
            if (maxX == minX)
            {
                maxX = minX + 1;
            }

            if (maxY == minY)
            {
                maxY = minY + 1;
            }

            double X(double step) => Margin + (step - minX) / (maxX - minX) * (ChartWidth - 2 * Margin);
            double Y(double value) => ChartHeight - Margin + (minY - value) / (maxY - minY) * (ChartHeight - 2 * Margin);
            html.Append("<div class=\"chart\"><svg class=\"metric-chart\" data-metric=\"").Append(E(chart.Key)).Append("\" width=\"").Append(ChartWidth).Append("\" height=\"").Append(ChartHeight)
                .Append("\" viewBox=\"0 0 ").Append(ChartWidth).Append(' ').Append(ChartHeight).Append("\" role=\"img\"><title>").Append(E(chart.Key)).Append("</title>")
                .Append("<rect x=\"0\" y=\"0\" width=\"").Append(ChartWidth).Append("\" height=\"").Append(ChartHeight).Append("\" fill=\"#fafafa\" stroke=\"#ddd\"/>")
                .Append("<text x=\"").Append(Margin).Append("\" y=\"18\" font-size=\"13\" font-weight=\"bold\">").Append(E(chart.Key)).Append("</text>")
                .Append(Axis(Margin, ChartHeight - Margin, ChartWidth - Margin, ChartHeight - Margin))
                .Append(Axis(Margin, Margin, Margin, ChartHeight - Margin))
                .Append(Label(Margin, ChartHeight - Margin + 16, Number(minX), "start")).Append(Label(ChartWidth - Margin, ChartHeight - Margin + 16, Number(maxX), "end"))
                .Append(Label(Margin - 4, ChartHeight - Margin, AxisNumber(minY), "end")).Append(Label(Margin - 4, Margin + 4, AxisNumber(maxY), "end"));
            foreach (var (run, points) in chart.Value)
            {
                var color = Palette[runs.IndexOf(run) % Palette.Length];
                var path = string.Join(" ", points.Select(p => X(p.Step).ToString("0.#", CultureInfo.InvariantCulture) + "," + Y(p.Value).ToString("0.#", CultureInfo.InvariantCulture)));
                if (points.Count == 1)
                {
                    html.Append("<circle cx=\"").Append(X(points[0].Step).ToString("0.#", CultureInfo.InvariantCulture)).Append("\" cy=\"").Append(Y(points[0].Value).ToString("0.#", CultureInfo.InvariantCulture))
                        .Append("\" r=\"4\" fill=\"").Append(color).Append("\"/>");
                }
                else
                {
                    html.Append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").Append(color).Append("\" points=\"").Append(path).Append("\"/>");
                }
            }

            html.Append("</svg></div>\n");
        }
    }

    private static void Comparison(StringBuilder html, List<RunRecord> records)
    {
        if (records.Count < 2)
        {
            return;
        }

        var comparison = RunComparison.Compare(records);
        html.Append("<h2>Comparison</h2>\n<p>Rows where the runs differ are highlighted.</p>\n");
        foreach (var (id, title, rows) in comparison.Sections.Where(s => s.Id is "params" or "metrics" or "build" or "data" or "outputs"))
        {
            if (rows.Count == 0)
            {
                continue;
            }

            html.Append("<h3>").Append(E(title)).Append("</h3>\n<table class=\"comparison\" data-section=\"").Append(E(id)).Append("\"><thead><tr><th>key</th>");
            foreach (var record in records)
            {
                html.Append("<th><code>").Append(E(record.RunId)).Append("</code></th>");
            }

            html.Append("</tr></thead><tbody>\n");
            foreach (var (key, values) in rows)
            {
                html.Append("<tr").Append(RunComparison.IsDifferent(values) ? " class=\"differs\"" : "").Append("><td>").Append(E(key)).Append("</td>");
                foreach (var value in values)
                {
                    html.Append("<td>").Append(E(Hash(Bare(value)) is { } shown ? Repro.Tool.Output.Format.Long(shown) : null)).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody></table>\n");
        }
    }

    private static void Lineage(StringBuilder html, List<RunRecord> records)
    {
        html.Append("<h2>Lineage and build</h2>\n");
        foreach (var record in records)
        {
            html.Append("<h3><code>").Append(E(record.RunId)).Append("</code> ").Append(E(record.Name ?? "")).Append("</h3>\n<p>Build: commit <code>")
                .Append(E(record.Build?.Commit ?? "unknown")).Append("</code>").Append(record.Build?.Dirty == true ? " (dirty, patch <code>" + E(Short(record.Build.PatchSha256, 12)) + "</code>)" : "")
                .Append(", fingerprint <code>").Append(E(Bare(record.Build?.Fingerprint) ?? "none")).Append("</code></p>\n");
            if (record.Steps.Count == 0 && record.Outputs.Count == 0 && record.Data.Count == 0)
            {
                html.Append("<p>No steps, data or outputs recorded.</p>\n");
                continue;
            }

            html.Append("<table class=\"lineage\"><thead><tr><th>step</th><th>status</th><th>inputs</th><th>outputs</th></tr></thead><tbody>\n");
            if (record.Data.Count > 0)
            {
                html.Append("<tr><td>(build data)</td><td></td><td>").Append(string.Join("<br>", record.Data.Select(d => E(d.Name) + " <code>" + E(Short(d.Sha256, 12)) + "</code> " + E(d.State)))).Append("</td><td></td></tr>\n");
            }

            foreach (var step in record.Steps)
            {
                html.Append("<tr><td>").Append(E(step.Name)).Append("</td><td>").Append(E(step.Status)).Append("</td><td>").Append(Files(step.Inputs, showProducer: true))
                    .Append("</td><td>").Append(Files(step.Outputs, showProducer: false)).Append("</td></tr>\n");
            }

            if (record.Outputs.Count > 0)
            {
                html.Append("<tr><td>(run outputs)</td><td></td><td></td><td>").Append(Files(record.Outputs, showProducer: false)).Append("</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }
    }

    private static string Files(IEnumerable<RunFileEntry> files, bool showProducer) =>
        string.Join("<br>", files.Select(f => E(f.Path) + " <code>" + E(Short(f.Sha256, 12)) + "</code>" + (showProducer && f.ProducedBy is { } by ? " ← " + E(by) : "")));

    private static string Axis(double x1, double y1, double x2, double y2) =>
        string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"#888\"/>");

    /// <summary>An axis bound in 4 significant digits: the full value (0.8307322929171669) does not fit the margin, and the tables carry it.</summary>
    private static string AxisNumber(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Label(double x, double y, string text, string anchor) =>
        string.Create(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{y}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"#555\">{E(text)}</text>");

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string? Bare(string? fingerprint) => fingerprint is not null && fingerprint.StartsWith("sha256:", StringComparison.Ordinal) ? fingerprint.Substring(7) : fingerprint;

    // Hashes are cut for the table (the lineage shows them whole); values never are.
    private static string? Hash(string? text) =>
        text is { Length: >= 40 } && text.All(Uri.IsHexDigit) ? text.Substring(0, 16) + "…" : text;

    private static string Short(string? text, int length) => text is null ? "" : text.Length <= length ? text : text.Substring(0, length);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
