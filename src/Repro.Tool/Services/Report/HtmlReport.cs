using System.Globalization;
using System.Text;
using Repro.Build.IO;
using Repro.Runs.Records;
using static Repro.Tool.Services.ReportSvg;

namespace Repro.Tool.Services;

/// <summary>
/// <c>dotnet repro report</c>: one self-contained HTML file (no network, no CDN, no external file) with the runs table,
/// the detailed runs' single-value metrics as bars and their series as curves over steps, their system metrics (CPU,
/// memory, disk, network, GPU) as curves over samples, parameters against a metric
/// (parallel coordinates), a parameter and metric comparison, and each run's lineage (steps, inputs, outputs) and build.
/// Charts are inline SVG drawn here, not by a script library, so the page renders anywhere; the one small script
/// (report.js) sorts the table, switches the parallel coordinates' metric and marks the page as loaded
/// (<c>data-script="ok"</c> on the body).
/// </summary>
public static class HtmlReport
{
    /// <summary>Writes the report of <paramref name="runs"/> (the first <paramref name="detailed"/> get charts and lineage).</summary>
    /// <param name="matching">How many runs matched, when more than <paramref name="runs"/> (the most recent of them) are shown.</param>
    /// <param name="metric">The metric the parallel coordinates show first; null: the one most detailed runs have.</param>
    public static string Build(IReadOnlyList<RunListing> runs, int detailed, int? matching = null, string? metric = null)
    {
        var chosen = runs.Take(detailed).ToList();
        // A record that cannot be read whole (changed since it was listed) is left out of the detail, not fatal.
        var records = chosen.Select(r => (Listing: r, Record: ReadRecord(r))).Where(r => r.Record is not null).Select(r => (r.Listing,
            Record: r.Record!)).ToList();
        var listings = records.Select(r => r.Listing).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Repro runs</title>\n<style>\n")
            .Append(ReportAssets.Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Repro runs</h1>\n<p>");
        if (matching is { } all && all > runs.Count)
        {
            html.Append("The ").Append(runs.Count.ToString(CultureInfo.InvariantCulture)).Append(" most recent of ")
                .Append(all.ToString(CultureInfo.InvariantCulture)).Append(" run(s) (<code>--limit</code> shows more, <code>--status</code> and " +
                    "<code>--param</code> choose)");
        }
        else
        {
            html.Append(runs.Count.ToString(CultureInfo.InvariantCulture)).Append(" run(s)");
        }

        html.Append("; charts and lineage for ").Append(chosen.Count.ToString(CultureInfo.InvariantCulture)).Append(".</p>\n");

        RunsTable(html, runs);
        var metrics = ReportMetrics.Read(listings);
        MetricBars.Write(html, metrics);
        MetricCurves.Write(html, metrics);
        MetricCurves.WriteSystem(html, metrics);
        ParallelCoordinates.Write(html, listings, metric);
        Comparison(html, records.Select(r => r.Record).ToList());
        Reproductions(html, records);
        Lineage(html, records.Select(r => r.Record).ToList());

        html.Append("<script>\n").Append(ReportAssets.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// Each detailed run that reproduces another (<c>dotnet repro reproduce</c>) against the run it reproduces, when that
    /// one is in the same runs folder: the verdict with the default tolerance, and the first difference or the largest deviation.
    /// </summary>
    private static void Reproductions(StringBuilder html, IReadOnlyList<(RunListing Listing, RunRecord Record)> records)
    {
        var rows = new List<string>();
        foreach (var (listing, record) in records.Where(r => r.Record.Reproduces is not null))
        {
            var originalFolder = Path.Combine(Path.GetDirectoryName(listing.Folder) ?? "", record.Reproduces!);
            if (Path.GetFileName(record.Reproduces) != record.Reproduces || !File.Exists(Path.Combine(originalFolder, RunRecordSerializer.FileName)))
            {
                rows.Add(Row(record.RunId, record.Reproduces!, "—", "the reproduced run is not in this runs folder", "—"));
                continue;
            }

            RunRecord original;
            try
            {
                original = RunRecordSerializer.ReadFile(Path.Combine(originalFolder, RunRecordSerializer.FileName));
            }
            catch (Exception ex) when (ex is InvalidDataException || ReadFailure.IsExpected(ex))
            {
                continue;
            }

            var comparison = ReproductionComparison.Compare(original, Points(originalFolder), record, Points(listing.Folder),
                new MetricTolerance(MetricTolerance.DefaultValue, new Dictionary<string, double>(StringComparer.Ordinal)));
            var detail = comparison.Differences.Count > 0 ? "first difference: " + comparison.Differences[0].Text
                : comparison.LargestDeviation is { } largest ? "largest deviation: " + largest.Text
                : "every metric point with the recorded bits, every output with the recorded content";
            rows.Add(Row(record.RunId, original.RunId, ReproducePresenter.VerdictName(comparison.Verdict), detail,
                $"{comparison.MetricsCompared} metrics, {comparison.PointsCompared} points, {comparison.OutputsCompared} outputs"));
        }

        if (rows.Count == 0)
        {
            return;
        }

        html.Append("<h2>Reproductions</h2>\n<p>Runs made by <code>dotnet repro reproduce</code>, against the run each reproduces (tolerance ")
            .Append(MetricTolerance.DefaultValue.ToString("G", CultureInfo.InvariantCulture))
            .Append(", outputs by content, data by hash).</p>\n<table>\n<thead><tr><th>run</th><th>reproduces</th><th>verdict</th><th>detail</th>")
            .Append("<th>compared</th></tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append(row);
        }

        html.Append("</tbody>\n</table>\n");

        static string Row(string run, string original, string verdict, string detail, string compared) =>
            $"<tr><td><code>{E(run)}</code></td><td><code>{E(original)}</code></td><td><strong>{E(verdict)}</strong></td>" +
                $"<td>{E(detail)}</td><td>{E(compared)}</td></tr>\n";

        static IReadOnlyList<MetricPoint>? Points(string folder)
        {
            var path = Path.Combine(folder, MetricsFileFormat.FileName);
            try
            {
                return File.Exists(path) ? MetricsFileFormat.Read(path, out _) : null;
            }
            catch (Exception ex) when (ReadFailure.IsExpected(ex))
            {
                return null;
            }
        }
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
        // The system metrics' last samples would be a dozen columns of noise: their charts show them.
        var metricKeys = runs.SelectMany(r => r.Summary.Metrics.Keys).Where(k => !SystemSeries.IsSystem(k)).Distinct(StringComparer.Ordinal)
            .OrderBy(k => k, StringComparer.Ordinal).ToList();
        // Wide with many parameters: the table scrolls in its own box, the page does not.
        html.Append("<h2>Runs</h2>\n<div class=\"scroll\">\n<table class=\"sortable\" id=\"runs\">\n<thead><tr>")
            .Append("<th>run</th><th>name</th><th>status</th><th>who</th><th>started</th><th>branch</th><th>commit</th>")
            .Append("<th>fingerprint</th><th>tags</th><th>note</th>");
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
            html.Append("<tr data-run=\"").Append(E(record.RunId)).Append("\"><td><code>").Append(E(record.RunId)).Append("</code></td><td>")
                .Append(E(record.Name ?? ""))
                .Append("</td><td class=\"status-").Append(E(run.Status)).Append("\">").Append(E(run.Status)).Append("</td><td>").Append(E(run.Who ?? ""))
                .Append("</td><td>").Append(E(record.StartTime)).Append("</td><td class=\"branch\">").Append(E(record.Build?.Branch ?? ""))
                .Append("</td><td><code>").Append(E(Repro.Tool.Output.Format.Prefix(record.Build?.Commit, 10))).Append(record.Build?.Dirty == true
                    ? "+dirty" : "")
                .Append("</code></td><td><code>").Append(E(Repro.Tool.Output.Format.Prefix(Repro.Tool.Output.Format.Bare(record.Build?.Fingerprint),
                    12))).Append("</code></td>")
                .Append("<td class=\"tags\">").Append(E(string.Join(" ", run.Tags.Select(t => t.Key + "="
                    + Repro.Tool.Output.Format.Long(t.Value))))).Append("</td>")
                .Append("<td class=\"note\">").Append(E(run.Annotations?.Note is { } note ? Repro.Tool.Output.Format.Long(note) : "")).Append("</td>");
            foreach (var key in paramKeys)
            {
                html.Append("<td class=\"param\" data-key=\"").Append(E(key)).Append("\">").Append(E(record.Params.TryGetValue(key, out var value)
                    ? Repro.Tool.Output.Format.Long(value) : "")).Append("</td>");
            }

            foreach (var key in metricKeys)
            {
                var text = record.Metrics.TryGetValue(key, out var metric) ? Number(metric.Last) : "";
                html.Append("<td class=\"num metric\" data-key=\"").Append(E(key)).Append("\" data-v=\"").Append(text).Append("\">").Append(text)
                    .Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
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

            html.Append("<h3>").Append(E(title)).Append("</h3>\n<table class=\"comparison\" data-section=\"").Append(E(id))
                .Append("\"><thead><tr><th>key</th>");
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
                    // Hashes cut as every table cuts them (the lineage shows them whole); other values only when very long.
                    var shown = value is null ? "" : Repro.Tool.Output.Format.Long(Repro.Tool.Output.Format.Value(Repro.Tool.Output.Format.Bare(value)));
                    html.Append("<td>").Append(E(shown)).Append("</td>");
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
                .Append(E(record.Build?.Commit ?? "unknown")).Append("</code>").Append(record.Build?.Dirty == true ? " (dirty, patch <code>"
                    + E(Repro.Tool.Output.Format.Prefix(record.Build.PatchSha256, 12)) + "</code>)" : "")
                .Append(", fingerprint <code>").Append(E(Repro.Tool.Output.Format.Bare(record.Build?.Fingerprint) ?? "none")).Append("</code></p>\n");
            if (record.Steps.Count == 0 && record.Outputs.Count == 0 && record.Data.Count == 0)
            {
                html.Append("<p>No steps, data or outputs recorded.</p>\n");
                continue;
            }

            html.Append("<table class=\"lineage\"><thead><tr><th>step</th><th>status</th><th>inputs</th><th>outputs</th></tr></thead><tbody>\n");
            if (record.Data.Count > 0)
            {
                html.Append("<tr><td>(build data)</td><td></td><td>").Append(string.Join("<br>", record.Data.Select(d => E(d.Name) + " <code>"
                    + E(Repro.Tool.Output.Format.Prefix(d.Sha256, 12)) + "</code> " + E(d.State)))).Append("</td><td></td></tr>\n");
            }

            foreach (var step in record.Steps)
            {
                html.Append("<tr><td>").Append(E(step.Name)).Append("</td><td>").Append(E(step.Status)).Append("</td><td>").Append(Files(step.Inputs,
                    showProducer: true))
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
        string.Join("<br>", files.Select(f => E(f.Path) + " <code>" + E(Repro.Tool.Output.Format.Prefix(f.Sha256, 12)) + "</code>" + (showProducer
            && f.ProducedBy is { } by ? " ← " + E(by) : "")));

}
