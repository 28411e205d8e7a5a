using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Repro.Runs.Records;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

/// <summary>
/// The sampler's <c>system/</c> series in <c>compare</c> (text and --json) and <c>report</c>: one line per series with
/// min, mean, max, a sparkline and the number of samples, apart from the training's metrics; in the report a chart per
/// series over samples, and neither a column of the runs table nor a choice of the parallel coordinates.
/// </summary>
public sealed class SystemMetricsComparisonTests : IDisposable
{
    private readonly string _runs = Path.Combine(Path.GetTempPath(), "repro-system-" + Guid.NewGuid().ToString("N")[..12]);

    public SystemMetricsComparisonTests() => Directory.CreateDirectory(_runs);

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    [Fact]
    public void Compare_shows_each_system_series_as_one_line_per_run_apart_from_the_metrics()
    {
        var a = Write("20261208-100000-000-aaaaaa", 0.1, cpu: [10, 20, 30, 40], memory: [1024 * 1024, 3 * 1024 * 1024]);
        var b = Write("20261208-100100-000-bbbbbb", 0.2, cpu: [50, 50, 90, 90], memory: null);

        var comparison = RunComparison.Compare([a.Record, b.Record], [a.Folder, b.Folder]);

        Assert.DoesNotContain(comparison.Sections.Single(s => s.Id == "metrics").Rows, r => r.Key.StartsWith("system/", StringComparison.Ordinal));
        Assert.DoesNotContain(comparison.Sections.Single(s => s.Id == "metricPoints").Rows, r => r.Key.StartsWith("system/", StringComparison.Ordinal));
        Assert.Equal(["loss"], comparison.Sections.Single(s => s.Id == "metrics").Rows.Select(r => r.Key));
        var system = comparison.Sections.Single(s => s.Id == "system").Rows.ToDictionary(r => r.Key, r => r.Values);
        Assert.Equal(["system/process_cpu_percent", "system/process_working_set_bytes"], system.Keys.Order(StringComparer.Ordinal));
        // One sparkline scale for the row (10 … 90), so that the runs can be told apart by eye.
        Assert.Equal(new string?[] { "min 10% · mean 25% · max 40% ▁▂▃▄ (4)", "min 50% · mean 70% · max 90% ▅▅██ (4)" }, system["system/process_cpu_percent"]);
        Assert.Equal(new string?[] { "min 1.0 MiB · mean 2.0 MiB · max 3.0 MiB ▁█ (2)", null }, system["system/process_working_set_bytes"]);
        var cpu = comparison.SystemMetrics["system/process_cpu_percent"];
        Assert.Equal(25, cpu[0]!.Mean);
        Assert.False(cpu[0]!.MeanIsApproximate);
        Assert.Equal(90, cpu[1]!.Last);

        // Without the runs' folders (no metrics file): min and max from the record, no mean, no sparkline.
        var recordsOnly = RunComparison.Compare([a.Record, b.Record]).Sections.Single(s => s.Id == "system").Rows.Single(r => r.Key == "system/process_cpu_percent");
        Assert.Equal(new string?[] { "min 10% · mean — · max 40% (4)", "min 50% · mean — · max 90% (4)" }, recordsOnly.Values);
    }

    [Fact]
    public void The_compare_command_prints_the_system_section_and_its_json_has_the_numbers()
    {
        Write("20261208-100000-000-aaaaaa", 0.1, cpu: [10, 20, 30, 40], memory: null);
        Write("20261208-100100-000-bbbbbb", 0.2, cpu: [50, 50, 90, 90], memory: null);

        var (exit, text, _) = ToolHarness.Run("compare", "--runs-dir", _runs, "20261208-1000", "20261208-1001");
        var (_, json, _) = ToolHarness.Run("compare", "--runs-dir", _runs, "20261208-1000", "20261208-1001", "--json");

        Assert.Equal(1, exit);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var section = Array.IndexOf(lines, "System metrics (min · mean · max over the run, samples)");
        Assert.True(section > Array.FindIndex(lines, l => l == "Metrics (last value)"), text);
        var row = lines.Skip(section).First(l => l.TrimStart().StartsWith("system/process_cpu_percent", StringComparison.Ordinal));
        Assert.Matches(@"system/process_cpu_percent\s+min 10% · mean 25% · max 40% ▁▂▃▄ \(4\)\s+min 50% · mean 70% · max 90% ▅▅██ \(4\)", row);
        Assert.DoesNotMatch(@"(?m)^\s*system/.*\s0\.\d+\s*$", text); // no system key among the last values

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("min 10% · mean 25% · max 40% ▁▂▃▄ (4)",
            root.GetProperty("sections").GetProperty("system").GetProperty("system/process_cpu_percent")[0].GetString());
        Assert.False(root.GetProperty("sections").GetProperty("metrics").TryGetProperty("system/process_cpu_percent", out _));
        var numbers = root.GetProperty("system").GetProperty("system/process_cpu_percent");
        Assert.Equal(10, numbers[0].GetProperty("min").GetDouble());
        Assert.Equal(25, numbers[0].GetProperty("mean").GetDouble());
        Assert.Equal(40, numbers[0].GetProperty("max").GetDouble());
        Assert.Equal(40, numbers[0].GetProperty("last").GetDouble());
        Assert.Equal(4, numbers[0].GetProperty("count").GetInt64());
        Assert.False(numbers[0].GetProperty("meanIsApproximate").GetBoolean());
        Assert.Equal(70, numbers[1].GetProperty("mean").GetDouble());
    }

    [Fact]
    public void The_report_draws_each_system_series_over_samples_apart_from_the_metrics()
    {
        Write("20261208-100000-000-aaaaaa", 0.1, cpu: [10, 20, 30, 40], memory: [1024 * 1024, 3 * 1024 * 1024]);
        Write("20261208-100100-000-bbbbbb", 0.2, cpu: [50, 50, 90, 90], memory: null);
        var runs = RunCatalog.Load(_runs, DateTimeOffset.Parse("2026-12-08T10:05:00Z", CultureInfo.InvariantCulture), out _);

        var html = HtmlReport.Build(runs, detailed: 20);

        var charts = Regex.Matches(html, "<svg class=\"system-chart\" data-metric=\"([^\"]+)\".*?</svg>", RegexOptions.Singleline);
        Assert.Equal(["system/process_cpu_percent", "system/process_working_set_bytes"], charts.Select(m => m.Groups[1].Value));
        var cpu = System.Xml.Linq.XElement.Parse(charts[0].Value);
        // One curve per run, over the samples' numbers.
        Assert.Equal(2, cpu.Descendants("polyline").Count());
        Assert.Contains(cpu.Descendants("text"), t => t.Value == "sample");
        Assert.True(html.IndexOf("<h2>Metrics over steps</h2>", StringComparison.Ordinal) < html.IndexOf("<h2 id=\"system-metrics\">System metrics over time</h2>", StringComparison.Ordinal));
        Assert.DoesNotContain("class=\"metric-chart\" data-metric=\"system/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"metric-bars\" data-metric=\"system/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>system/", html, StringComparison.Ordinal); // not a column of the runs table
        Assert.DoesNotContain("data-metric=\"system/process_cpu_percent\" data-", html.Replace("class=\"system-chart\" data-metric", "", StringComparison.Ordinal),
            StringComparison.Ordinal);
        Assert.Contains("<svg class=\"metric-chart\" data-metric=\"loss\"", html, StringComparison.Ordinal);
        // Bytes in the unit of the largest value, named in the title: 1 to 3 MiB on an axis of MiB.
        var memory = System.Xml.Linq.XElement.Parse(charts[1].Value);
        Assert.Contains(memory.Descendants("text"), t => t.Value == "system/process_working_set_bytes (MiB)");
        var ticks = memory.Descendants("g").Single(g => (string?)g.Attribute("class") == "y-axis").Descendants("text").Select(t => t.Value).ToList();
        Assert.Contains("1.0", ticks);
        Assert.Contains("3.0", ticks);
        Assert.DoesNotContain(ticks, t => t.Contains('E', StringComparison.Ordinal));
    }

    private (RunRecord Record, string Folder) Write(string id, double loss, double[] cpu, double[]? memory)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_runs, id)).FullName;
        var record = new RunRecord
        {
            RunId = id,
            Status = RunStatus.Finished,
            StartTime = id[..4] + "-" + id[4..6] + "-" + id[6..8] + "T" + id[9..11] + ":" + id[11..13] + ":00.000Z",
        };
        record.EndTime = record.StartTime.Replace(":00.000Z", ":50.000Z", StringComparison.Ordinal);
        record.Params["learningRate"] = loss.ToString(CultureInfo.InvariantCulture);
        var points = new List<(string Key, double Value, long Step)> { ("loss", loss * 2, 0), ("loss", loss, 1) };
        points.AddRange(cpu.Select((v, i) => ("system/process_cpu_percent", v, (long)i)));
        points.AddRange((memory ?? []).Select((v, i) => ("system/process_working_set_bytes", v, (long)i)));
        var text = new StringBuilder();
        foreach (var group in points.GroupBy(p => p.Key))
        {
            var values = group.Select(p => p.Value).ToList();
            record.Metrics[group.Key] = new MetricSummary { Last = values[^1], Step = group.Last().Step, Min = values.Min(), Max = values.Max(), Count = values.Count };
        }

        foreach (var (key, value, step) in points)
        {
            text.Append("{\"key\":\"").Append(key).Append("\",\"value\":").Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(",\"step\":")
                .Append(step).Append(",\"timestamp\":1}\n");
        }

        File.WriteAllBytes(Path.Combine(folder, RunRecordSerializer.FileName), RunRecordSerializer.ToUtf8Bytes(record));
        File.WriteAllText(Path.Combine(folder, MetricsFileFormat.FileName), text.ToString());
        return (record, folder);
    }
}
