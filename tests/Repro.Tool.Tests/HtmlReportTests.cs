using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Repro.Runs.Records;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

/// <summary>
/// The report's charts, read back as SVG: curves only for series, bars for single values, axes with round ticks from
/// the data (never value + 1), and parameters against a metric with one line per run and one axis per varying parameter.
/// </summary>
public sealed class HtmlReportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "repro-report-" + Guid.NewGuid().ToString("N"));

    public HtmlReportTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Single_values_are_bars_and_only_series_are_curves()
    {
        var html = SweepReport();

        Assert.Equal(new[] { "flat", "loss" }, Svgs(html, "metric-chart").Select(s => (string)s.Attribute("data-metric")!));
        Assert.Equal(new[] { "accuracy", "r2" }, Svgs(html, "metric-bars").Select(s => (string)s.Attribute("data-metric")!));
        var r2 = Svgs(html, "metric-bars").Single(s => (string)s.Attribute("data-metric")! == "r2");
        Assert.Equal(3, r2.Descendants(Svg("rect")).Count(r => (string?)r.Attribute("class") == "bar"));
        Assert.Equal(new[] { "0.9182", "0.9175", "0.919" }, r2.Descendants(Svg("text")).Where(t => (string?)t.Attribute("class") == "value").Select(t => t.Value));
        Assert.DoesNotContain("1.918", html, StringComparison.Ordinal); // the old axis' value + 1
        Assert.True(html.IndexOf("metric-bars", StringComparison.Ordinal) < html.IndexOf("metric-chart", StringComparison.Ordinal), "single values come before the curves");
    }

    [Fact]
    public void Axes_are_labelled_with_round_ticks_from_the_data_and_a_flat_series_is_padded_around_its_value()
    {
        var html = SweepReport();

        var loss = Svgs(html, "metric-chart").Single(s => (string)s.Attribute("data-metric")! == "loss");
        Assert.Equal(new[] { "0", "0.2", "0.4", "0.6", "0.8", "1.0" }, Ticks(loss, "y-axis")); // values 0.12 … 0.93
        Assert.Equal(new[] { "0", "1", "2", "3", "4" }, Ticks(loss, "x-axis")); // steps 0 … 4
        var flat = Svgs(html, "metric-chart").Single(s => (string)s.Attribute("data-metric")! == "flat");
        Assert.Equal(new[] { "0.80", "0.85", "0.90", "0.95", "1.00", "1.05" }, Ticks(flat, "y-axis")); // 0.9182 three times
        var r2 = Svgs(html, "metric-bars").Single(s => (string)s.Attribute("data-metric")! == "r2");
        Assert.Equal(new[] { "0", "0.2", "0.4", "0.6", "0.8", "1.0" }, Ticks(r2, "x-axis")); // bars from zero
    }

    [Theory]
    [InlineData(0.12, 0.93, "0 0.2 0.4 0.6 0.8 1.0")]
    [InlineData(0.9182, 0.9182, "0.80 0.85 0.90 0.95 1.00 1.05")]
    [InlineData(0, 0, "-1.0 -0.5 0 0.5 1.0")]
    [InlineData(-3, 7, "-4 -2 0 2 4 6 8")]
    [InlineData(1200, 98000, "0 20000 40000 60000 80000 100000")]
    [InlineData(0.000312, 0.000377, "0.00030 0.00032 0.00034 0.00036 0.00038")]
    public void Nice_ticks_cover_the_range_in_round_steps(double low, double high, string expected)
    {
        var axis = ReportAxis.Nice(low, high);

        Assert.Equal(expected, string.Join(" ", axis.Ticks.Select(axis.Label)));
        Assert.True(axis.Min <= Math.Min(low, high) && axis.Max >= Math.Max(low, high));
    }

    [Fact]
    public void Steps_get_integer_ticks_and_one_step_is_padded_on_both_sides()
    {
        var one = ReportAxis.Nice(7, 7, integers: true);
        var few = ReportAxis.Nice(0, 2, integers: true);

        Assert.Equal(new double[] { 6, 7, 8 }, one.Ticks);
        Assert.Equal(new double[] { 0, 1, 2 }, few.Ticks);
    }

    [Fact]
    public void Parameters_against_a_metric_draw_one_line_per_run_and_one_axis_per_varying_parameter()
    {
        var html = SweepReport();

        var views = Svgs(html, "parallel").ToList();
        Assert.Equal(new[] { "accuracy", "flat", "loss", "r2" }, views.Select(v => (string)v.Attribute("data-metric")!));
        foreach (var view in views)
        {
            Assert.Equal(3, view.Descendants(Svg("polyline")).Count(p => (string?)p.Attribute("class") == "pc-run"));
            // seed is 42 in every run: no axis. learningRate is numeric, optimizer categories in sorted order.
            Assert.Equal(new[] { "learningRate", "optimizer" }, view.Descendants(Svg("g")).Select(g => (string?)g.Attribute("data-param")).OfType<string>());
            Assert.Single(view.Descendants(Svg("g")), g => (string?)g.Attribute("class") == "pc-axis pc-metric");
        }

        var accuracy = views[0];
        var optimizer = accuracy.Descendants(Svg("g")).Single(g => (string?)g.Attribute("data-param") == "optimizer");
        Assert.Equal(new[] { "adam", "sgd" }, optimizer.Descendants(Svg("text")).Where(t => ((string?)t.Attribute("class"))!.StartsWith("tick", StringComparison.Ordinal)).Select(t => t.Value));
        var learningRate = accuracy.Descendants(Svg("g")).Single(g => (string?)g.Attribute("data-param") == "learningRate");
        Assert.Equal(new[] { "0.10", "0.15", "0.20", "0.25", "0.30" }, Ticks(learningRate));
        // Coloured by the metric: the lowest and the highest run differ in colour.
        var colours = accuracy.Descendants(Svg("polyline")).Select(p => (string)p.Attribute("stroke")!).ToList();
        Assert.Equal(3, colours.Distinct().Count());
        // The first shown is the metric most runs have, then by name; the others are hidden until chosen.
        Assert.Matches("<option selected value=\"accuracy\">", html);
        Assert.Single(Regex.Matches(html, "<div class=\"pc-view\" data-pc-metric=\"[^\"]+\">"));
    }

    [Fact]
    public void The_metric_asked_for_is_shown_first()
    {
        var html = SweepReport(metric: "r2");

        Assert.Contains("<option selected value=\"r2\">", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"pc-view\" data-pc-metric=\"r2\">", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"pc-view\" data-pc-metric=\"accuracy\" hidden>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Nan_and_infinite_points_are_left_out_of_the_curves_with_a_note()
    {
        var html = SweepReport();

        var loss = Svgs(html, "metric-chart").Single(s => (string)s.Attribute("data-metric")! == "loss");
        Assert.DoesNotContain("NaN", loss.ToString(), StringComparison.Ordinal);
        Assert.Matches("NaN or infinite values are left out of this chart[^<]*<code>20261207-100002-000-cccccc</code>", html);
    }

    [Fact]
    public void A_single_value_that_is_not_finite_gets_no_bar_and_no_line_and_is_named()
    {
        var html = SweepReport(nanAuc: true);

        var auc = Svgs(html, "metric-bars").Single(s => (string)s.Attribute("data-metric")! == "auc");
        Assert.Equal(2, auc.Descendants(Svg("rect")).Count(r => (string?)r.Attribute("class") == "bar"));
        Assert.Contains("NaN (not drawn)", auc.Descendants(Svg("text")).Select(t => t.Value));
        var view = Svgs(html, "parallel").Single(s => (string)s.Attribute("data-metric")! == "auc");
        Assert.Equal(2, view.Descendants(Svg("polyline")).Count());
        Assert.Contains("Not drawn (no finite value of auc): <code>20261207-100002-000-cccccc</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void One_run_gets_no_parallel_coordinates()
    {
        var html = SweepReport(runCount: 1);

        Assert.Empty(Svgs(html, "parallel"));
        Assert.DoesNotContain("<select id=\"pc-metric\"", html, StringComparison.Ordinal);
        Assert.Single(Svgs(html, "metric-chart"), s => (string)s.Attribute("data-metric")! == "loss");
    }

    [Fact]
    public void The_page_carries_its_style_and_script_inline()
    {
        var html = SweepReport();

        Assert.Contains("table{border-collapse:collapse", html, StringComparison.Ordinal);
        Assert.Contains("document.body.setAttribute('data-script', 'ok');", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// Three runs of a sweep: loss over 5 steps (one NaN in the third), r2 and accuracy once, a flat series, a parameter
    /// that does not vary; with <paramref name="nanAuc"/> an auc logged once, NaN in the third.
    /// </summary>
    private string SweepReport(string? metric = null, bool nanAuc = false, int runCount = 3)
    {
        var rates = new[] { "0.1", "0.2", "0.3" };
        var optimizers = new[] { "adam", "sgd", "adam" };
        var r2 = new[] { 0.9182, 0.9175, 0.919 };
        var losses = new[] { new[] { 0.93, 0.7, 0.5, 0.3, 0.12 }, new[] { 0.9, 0.8, 0.6, 0.4, 0.2 }, new[] { 0.88, double.NaN, 0.55, 0.35, 0.25 } };
        for (var i = 0; i < runCount; i++)
        {
            var id = "20261207-10000" + i.ToString(CultureInfo.InvariantCulture) + "-000-" + new string((char)('a' + i), 6);
            var folder = Path.Combine(_root, id);
            Directory.CreateDirectory(folder);
            var points = new List<(string Key, double Value, long Step)>();
            points.AddRange(losses[i].Select((v, step) => ("loss", v, (long)step)));
            points.AddRange(Enumerable.Range(0, 3).Select(step => ("flat", 0.9182, (long)step)));
            points.Add(("r2", r2[i], 4));
            points.Add(("accuracy", 0.8 + i * 0.05, 4));
            if (nanAuc)
            {
                points.Add(("auc", i == 2 ? double.NaN : 0.7 + i * 0.05, 4));
            }
            var record = new RunRecord
            {
                RunId = id,
                Status = RunStatus.Finished,
                StartTime = "2026-12-07T10:00:0" + i.ToString(CultureInfo.InvariantCulture) + ".000Z",
                LastWriteTime = "2026-12-07T10:00:0" + i.ToString(CultureInfo.InvariantCulture) + ".500Z",
            };
            record.Params["learningRate"] = rates[i];
            record.Params["optimizer"] = optimizers[i];
            record.Params["seed"] = "42";
            var text = new StringBuilder();
            foreach (var group in points.GroupBy(p => p.Key))
            {
                var values = group.Select(p => p.Value).ToList();
                var last = group.Last();
                record.Metrics[group.Key] = new MetricSummary { Last = last.Value, Step = last.Step, Min = values.Aggregate(Math.Min), Max = values.Aggregate(Math.Max), Count = values.Count };
            }

            foreach (var (key, value, step) in points)
            {
                var json = double.IsNaN(value) ? "\"NaN\"" : value.ToString("R", CultureInfo.InvariantCulture);
                text.Append("{\"key\":\"").Append(key).Append("\",\"value\":").Append(json).Append(",\"step\":").Append(step).Append(",\"timestamp\":1}\n");
            }

            File.WriteAllBytes(Path.Combine(folder, RunRecordSerializer.FileName), RunRecordSerializer.ToUtf8Bytes(record));
            File.WriteAllText(Path.Combine(folder, MetricsFileFormat.FileName), text.ToString());
        }

        var runs = RunCatalog.Load(_root, DateTimeOffset.Parse("2026-12-07T10:00:10Z", CultureInfo.InvariantCulture), out _);
        Assert.Equal(runCount, runs.Count);
        return HtmlReport.Build(runs, detailed: 20, metric: metric);
    }

    private static XName Svg(string name) => XName.Get(name, "");

    /// <summary>The page's SVG elements of a class, parsed (the page is HTML; each chart is well-formed XML).</summary>
    private static IEnumerable<XElement> Svgs(string html, string css) =>
        Regex.Matches(html, "<svg class=\"" + css + "\".*?</svg>", RegexOptions.Singleline).Select(m => XElement.Parse(m.Value));

    /// <summary>The tick labels of an axis group (a chart's x-axis or y-axis, or a parallel coordinates axis), in order.</summary>
    private static string[] Ticks(XElement chart, string? axis = null) =>
        (axis is null ? chart : chart.Descendants(Svg("g")).Single(g => (string?)g.Attribute("class") == axis))
            .Descendants(Svg("text")).Where(t => (string?)t.Attribute("class") == "tick").Select(t => t.Value).ToArray();
}
