using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Repro.Runs.Records;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

/// <summary>
/// `report`, `compare` and `show` read metrics.jsonl in bounded memory: a file of any size costs a fixed buffer, one
/// string per key and a reduced series per chart, never a list of every point.
/// </summary>
public sealed class MetricsReadingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "repro-metrics-" + Guid.NewGuid().ToString("N"));

    public MetricsReadingTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_metrics_file_of_hundreds_of_megabytes_is_summarized_without_allocating_in_proportion()
    {
        // 4.2 million points (about 290 MB) over two keys, with one spike and one NaN in the middle.
        const int Blocks = 1400;
        const int PointsPerBlock = 3000;
        var path = Path.Combine(_root, MetricsFileFormat.FileName);
        long step = 0;
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var block = new StringBuilder();
            for (var b = 0; b < Blocks; b++)
            {
                block.Clear();
                for (var i = 0; i < PointsPerBlock; i++, step++)
                {
                    var key = i % 2 == 0 ? "loss" : "accuracy";
                    var value = b == Blocks / 2 && i == 10 ? "1000000" : b == Blocks / 3 && i == 11 ? "\"NaN\"" : (0.5 + (i % 7) * 0.01).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                    block.Append("{\"key\":\"").Append(key).Append("\",\"value\":").Append(value).Append(",\"step\":").Append(step).Append(",\"timestamp\":1764314122123}\n");
                }

                var bytes = Encoding.UTF8.GetBytes(block.ToString());
                file.Write(bytes, 0, bytes.Length);
            }

            file.Write("{\"key\":\"loss\",\"val"u8); // cut short by a kill
        }

        Assert.True(new FileInfo(path).Length > 250L * 1024 * 1024);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var digest = MetricsFileFormat.Digest(path, maxPointsPerSeries: 2000);
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal((long)Blocks * PointsPerBlock, digest.Points);
        Assert.Equal(1, digest.MalformedLines);
        var loss = digest.Summaries["loss"];
        Assert.Equal(Blocks * PointsPerBlock / 2, loss.Count);
        Assert.Equal(1_000_000, loss.Max);
        Assert.Equal(0.5, loss.Min);
        Assert.Equal(step - 2, loss.Step);
        Assert.True(double.IsNaN(digest.Summaries["accuracy"].Min)); // as the run computes it: Math.Min keeps a NaN
        Assert.InRange(digest.Series["loss"].Count, 2, 2000);
        Assert.Contains(digest.Series["loss"], p => p.Value == 1_000_000); // the spike survives the reduction
        Assert.Equal(0, digest.Series["loss"][0].Step);
        Assert.Equal(step - 2, digest.Series["loss"][^1].Step);
        Assert.True(allocated < 8L * 1024 * 1024, $"allocated {allocated:N0} bytes to read the file");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_sparse_file_of_1_5_GiB_without_line_ends_is_skipped_in_bounded_memory()
    {
        // A hostile remote's blob of zeros: one "line" of 1.5 GiB, which a reader by lines would hold whole.
        var path = Path.Combine(_root, MetricsFileFormat.FileName);
        using (var file = new FileStream(path, FileMode.Create))
        {
            file.Write("{\"key\":\"loss\",\"value\":1,\"step\":0,\"timestamp\":1}\n"u8);
            file.SetLength(1536L * 1024 * 1024);
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var digest = MetricsFileFormat.Digest(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal(1, digest.Points);
        Assert.Equal(1, digest.MalformedLines);
        Assert.True(allocated < 8L * 1024 * 1024, $"allocated {allocated:N0} bytes to read the file");
    }

    [Fact]
    public void The_reduction_keeps_the_first_last_lowest_and_highest_points_in_logged_order()
    {
        var path = Path.Combine(_root, MetricsFileFormat.FileName);
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            var value = i == 31_337 ? -5 : i == 77_777 ? 9 : Math.Sin(i / 1000.0);
            text.Append("{\"key\":\"x\",\"value\":").Append(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(",\"step\":").Append(i).Append(",\"timestamp\":1}\n");
        }

        File.WriteAllText(path, text.ToString());

        var series = MetricsFileFormat.Digest(path, maxPointsPerSeries: 200).Series["x"];

        Assert.InRange(series.Count, 100, 200);
        Assert.Equal(0, series[0].Step);
        Assert.Equal(99_999, series[^1].Step);
        Assert.Contains((31_337L, -5.0), series);
        Assert.Contains((77_777L, 9.0), series);
        Assert.Equal(series.OrderBy(p => p.Step).ToList(), series);
    }

    [Fact]
    public void A_run_killed_without_warning_shows_the_summaries_of_its_metrics_file()
    {
        // The record's last rewrite saw 10 points; the file has 15 (SIGKILL before the next rewrite).
        var folder = Path.Combine(_root, "20261128-070000-000-aaaaaa");
        Directory.CreateDirectory(folder);
        var record = new RunRecord { RunId = Path.GetFileName(folder), Status = RunStatus.Running, StartTime = "2026-11-28T07:00:00.000Z", LastWriteTime = "2026-11-28T07:00:10.000Z" };
        record.Metrics["loss"] = new MetricSummary { Last = 0.5, Step = 9, Min = 0.5, Max = 1, Count = 10 };
        File.WriteAllBytes(Path.Combine(folder, RunRecordSerializer.FileName), RunRecordSerializer.ToUtf8Bytes(record));
        File.SetLastWriteTimeUtc(Path.Combine(folder, RunRecordSerializer.FileName), DateTime.UtcNow.AddMinutes(-5));
        File.WriteAllText(Path.Combine(folder, MetricsFileFormat.FileName),
            string.Concat(Enumerable.Range(0, 15).Select(i => $"{{\"key\":\"loss\",\"value\":{1.0 / (i + 1)},\"step\":{i},\"timestamp\":1}}\n")));

        var listed = Assert.Single(RunCatalog.Load(_root, DateTimeOffset.UtcNow, out _));
        var shown = Input.RunLoader.TryLoad(folder, _root)!;
        var compared = RunComparison.Load(_root, Path.GetFileName(folder));

        Assert.Equal("crashed", listed.Status);
        Assert.True(listed.MetricsDerived);
        Assert.Equal(15, listed.Summary.Metrics["loss"].Count);
        Assert.Equal(14, listed.Summary.Metrics["loss"].Step);
        Assert.True(shown.MetricsDerived);
        Assert.Equal(15, shown.Record.Metrics["loss"].Count);
        Assert.Equal(15, compared.Record.Metrics["loss"].Count);

        // A finished run wrote its summaries after its last point: its file is not read.
        record.Status = RunStatus.Finished;
        File.WriteAllBytes(Path.Combine(folder, RunRecordSerializer.FileName), RunRecordSerializer.ToUtf8Bytes(record));
        File.SetLastWriteTimeUtc(Path.Combine(folder, MetricsFileFormat.FileName), DateTime.UtcNow.AddMinutes(-1));
        var finished = Assert.Single(RunCatalog.Load(_root, DateTimeOffset.UtcNow, out _));
        Assert.False(finished.MetricsDerived);
        Assert.Equal(10, finished.Summary.Metrics["loss"].Count);
    }

    [Fact]
    public void The_report_charts_a_large_metrics_file_in_bounded_memory()
    {
        var folder = Path.Combine(_root, "20261128-070000-000-bbbbbb");
        Directory.CreateDirectory(folder);
        var record = new RunRecord { RunId = Path.GetFileName(folder), Status = RunStatus.Finished, StartTime = "2026-11-28T07:00:00.000Z", LastWriteTime = "2026-11-28T07:00:10.000Z" };
        record.Metrics["loss"] = new MetricSummary { Last = 0.5, Step = 9, Min = 0.5, Max = 1, Count = 10 };
        File.WriteAllBytes(Path.Combine(folder, RunRecordSerializer.FileName), RunRecordSerializer.ToUtf8Bytes(record));
        var line = Encoding.UTF8.GetBytes("{\"key\":\"loss\",\"value\":0.25,\"step\":1,\"timestamp\":1}\n");
        var block = Enumerable.Range(0, 20_000).SelectMany(_ => line).ToArray();
        using (var file = File.Create(Path.Combine(folder, MetricsFileFormat.FileName)))
        {
            for (var i = 0; i < 100; i++)
            {
                file.Write(block); // 2 million points, about 100 MB
            }
        }

        var runs = RunCatalog.Load(_root, DateTimeOffset.UtcNow, out _);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var html = HtmlReport.Build(runs, detailed: 20);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Contains("data-metric=\"loss\"", html, StringComparison.Ordinal);
        Assert.True(allocated < 32L * 1024 * 1024, $"allocated {allocated:N0} bytes for the report");
    }

    [Fact]
    public void A_byte_order_mark_crlf_line_ends_escaped_keys_and_unknown_fields_are_read_and_other_shapes_skipped()
    {
        var path = Path.Combine(_root, MetricsFileFormat.FileName);
        File.WriteAllText(path,
            "{\"key\":\"loss\",\"value\":1,\"step\":0,\"timestamp\":1}\r\n"
            + "{\"key\":\"lo\\u0073s\",\"value\":2,\"step\":1,\"timestamp\":1,\"extra\":{\"a\":[1]}}\n"
            + "{\"key\":\"loss\",\"value\":\"high\",\"step\":2,\"timestamp\":1}\n"
            + "{\"key\":\"loss\",\"value\":3,\"step\":2.5,\"timestamp\":1}\n"
            + "{\"key\":\"loss\",\"value\":3,\"step\":3,\"timestamp\":1} {}\n"
            + "[1,2]\n"
            + "\"" + new string('x', MetricsFileFormat.MaxLineBytes * 2) + "\"\n"
            + "{\"key\":\"loss\",\"value\":4,\"step\":4,\"timestamp\":1}\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var digest = MetricsFileFormat.Digest(path);

        Assert.Equal(3, digest.Points);
        Assert.Equal(5, digest.MalformedLines);
        Assert.Equal(new[] { "loss" }, digest.Summaries.Keys);
        Assert.Equal(4, digest.Summaries["loss"].Last);
        Assert.Equal(3, MetricsFileFormat.Read(path, out var malformed).Count);
        Assert.Equal(5, malformed);
    }
}
