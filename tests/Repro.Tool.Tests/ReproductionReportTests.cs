using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Repro.Runs.Records;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

/// <summary>The report's section for runs made by <c>reproduce</c>: each against the run it reproduces, with the verdict.</summary>
public sealed class ReproductionReportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "repro-report-reproduce-" + Guid.NewGuid().ToString("N"));

    public ReproductionReportTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string id, string? reproduces, params double[] losses)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, id)).FullName;
        var record = new RunRecord
        {
            RunId = id,
            Reproduces = reproduces,
            Status = RunStatus.Finished,
            ExitCode = 0,
            StartTime = "2026-12-08T04:00:00.000Z",
            LastWriteTime = "2026-12-08T04:00:01.000Z",
        };
        record.Metrics["loss"] = new MetricSummary { Last = losses[^1], Step = losses.Length, Count = losses.Length };
        File.WriteAllBytes(Path.Combine(folder, RunRecordSerializer.FileName), RunRecordSerializer.ToUtf8Bytes(record));
        File.WriteAllLines(Path.Combine(folder, MetricsFileFormat.FileName), losses.Select((v, i) =>
            "{\"key\":\"loss\",\"value\":" + v.ToString("R", CultureInfo.InvariantCulture) + ",\"step\":" + (i + 1).ToString(CultureInfo.InvariantCulture) +
                ",\"timestamp\":1}"));
    }

    [Fact]
    public void A_reproduction_is_shown_against_its_run_with_the_verdict_and_the_first_difference()
    {
        Write("20261208-040000-000-aaaaaa", null, 0.5, 0.4, 0.3);
        Write("20261208-040100-000-bbbbbb", "20261208-040000-000-aaaaaa", 0.5, 0.4, 0.3);
        Write("20261208-040200-000-cccccc", "20261208-040000-000-aaaaaa", 0.5, 0.41, 0.3);
        Write("20261208-040300-000-dddddd", "20261101-000000-000-gone00", 0.5);

        var runs = RunCatalog.Load(_root, DateTimeOffset.Parse("2026-12-08T04:10:00Z", CultureInfo.InvariantCulture), out _);
        var html = HtmlReport.Build(runs, detailed: 20);

        var section = html[html.IndexOf("<h2>Reproductions</h2>", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("<td><code>20261208-040100-000-bbbbbb</code></td><td><code>20261208-040000-000-aaaaaa</code></td><td><strong>bit-identical</strong>",
            section, StringComparison.Ordinal);
        Assert.Contains("<strong>not-reproduced</strong></td><td>first difference: metric loss at step 2: 0.4 recorded, 0.41 reproduced", section,
            StringComparison.Ordinal);
        Assert.Contains("the reproduced run is not in this runs folder", section, StringComparison.Ordinal);
    }
}
