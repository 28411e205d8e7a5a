using System;
using System.IO;
using System.Text.Json;
using Repro.Runs.Records;
using Repro.Tool.Services;

namespace Repro.Tool.Tests;

/// <summary>
/// A run that logged NaN or an infinity (a diverging training, the run a user most needs to see) is read by every
/// reader of what the writer wrote: the listing's summary reader, the full reader, the listing's index, `runs --json`,
/// and the metrics file's reader.
/// </summary>
public sealed class RunRecordSpecialValueTests : IDisposable
{
    private readonly string _runs = Path.Combine(Path.GetTempPath(), "repro-special-" + Guid.NewGuid().ToString("N"));

    private static readonly double[] Values =
    {
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, 0.1,
    };

    public static TheoryData<double> SpecialValues => [.. Values];

    public void Dispose()
    {
        if (Directory.Exists(_runs))
        {
            Directory.Delete(_runs, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(SpecialValues))]
    public void A_value_written_to_run_json_reads_back_bit_for_bit_through_every_reader(double value)
    {
        var record = new RunRecord { RunId = "r1", Status = RunStatus.Running, StartTime = "2026-11-28T07:00:00.000Z", LastWriteTime = "2026-11-28T07:00:10.000Z" };
        record.Metrics["loss"] = new MetricSummary { Last = value, Step = 7, Min = value, Max = value, Count = 1 };
        record.Metrics["accuracy"] = new MetricSummary { Last = 0.5, Step = 7, Min = 0.25, Max = 0.5, Count = 8 };
        var bytes = RunRecordSerializer.ToUtf8Bytes(record);

        var summary = RunRecordSerializer.SummaryFromUtf8Bytes(bytes);
        AssertSameSummary(value, summary.Metrics["loss"]);
        AssertSameSummary(value, RunRecordSerializer.FromUtf8Bytes(bytes).Metrics["loss"]);
        AssertSameSummary(value, RunRecordSerializer.SummaryFromUtf8Bytes(RunRecordSerializer.SummaryToUtf8Bytes(summary)).Metrics["loss"]);
        Assert.Equal(0.25, summary.Metrics["accuracy"].Min);

        // `runs --json`: the same text as run.json for the same value, so a script reads both alike.
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            RunRecordSerializer.WriteSummary(writer, summary);
        }

        using var listed = JsonDocument.Parse(stream.ToArray());
        using var file = JsonDocument.Parse(bytes);
        Assert.Equal(file.RootElement.GetProperty("metrics").GetProperty("loss").GetProperty("last").GetRawText(),
            listed.RootElement.GetProperty("metrics").GetProperty("loss").GetProperty("last").GetRawText());
    }

    [Theory]
    [MemberData(nameof(SpecialValues))]
    public void A_run_with_the_value_is_listed_not_skipped_as_unreadable(double value)
    {
        var record = new RunRecord { RunId = "r1", Status = RunStatus.Finished, StartTime = "2026-11-28T07:00:00.000Z", LastWriteTime = "2026-11-28T07:00:10.000Z" };
        record.Metrics["loss"] = new MetricSummary { Last = value, Step = 7, Min = value, Max = value, Count = 1 };
        Directory.CreateDirectory(Path.Combine(_runs, "r1"));
        File.WriteAllBytes(Path.Combine(_runs, "r1", RunRecordSerializer.FileName), RunRecordSerializer.ToUtf8Bytes(record));

        var first = RunCatalog.Load(_runs, DateTimeOffset.UtcNow, out var unreadable);
        var fromIndex = RunCatalog.Load(_runs, DateTimeOffset.UtcNow, out var unreadableFromIndex);

        Assert.Empty(unreadable);
        Assert.Empty(unreadableFromIndex);
        AssertSameSummary(value, Assert.Single(first).Summary.Metrics["loss"]);
        AssertSameSummary(value, Assert.Single(fromIndex).Summary.Metrics["loss"]);
    }

    [Fact]
    public void Every_value_written_to_the_metrics_file_reads_back_through_the_full_reader_and_the_bounded_reader()
    {
        var values = Values;
        Directory.CreateDirectory(_runs);
        var path = Path.Combine(_runs, MetricsFileFormat.FileName);
        using (var stream = File.Create(path))
        using (var writer = new Utf8JsonWriter(stream))
        {
            for (var i = 0; i < values.Length; i++)
            {
                MetricsFileFormat.WriteLine(writer, stream, new MetricPoint("v" + i, values[i], i, 1764314122123 + i));
            }
        }

        var points = MetricsFileFormat.Read(path, out var malformed);
        var digest = MetricsFileFormat.Digest(path);

        Assert.Equal(0, malformed);
        Assert.Equal(0, digest.MalformedLines);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(values[i]), BitConverter.DoubleToInt64Bits(points[i].Value));
            AssertSameSummary(values[i], digest.Summaries["v" + i]);
            // A chart has no place for NaN or infinities; every finite value is charted.
            Assert.Equal(double.IsNaN(values[i]) || double.IsInfinity(values[i]) ? 0 : 1, digest.Series["v" + i].Count);
        }
    }

    private static void AssertSameSummary(double expected, MetricSummary actual)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual.Last));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual.Min));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual.Max));
    }
}
