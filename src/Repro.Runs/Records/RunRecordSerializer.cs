using System;
using System.IO;
using System.Text.Json;
using Repro.Build.IO;

namespace Repro.Runs.Records;

/// <summary>Reads and writes <c>run.json</c>: indented UTF-8 JSON, keys in model order, LF line ends, a final newline.</summary>
public static class RunRecordSerializer
{
    /// <summary>The name of the record file in a run's folder.</summary>
    public const string FileName = "run.json";

    /// <summary>
    /// The largest run.json read from disk: a record holds lists the program fills; this is far beyond any real one and
    /// small enough to refuse a wrong or hostile file before it is held in memory.
    /// </summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The record's bytes, as written to run.json.</summary>
    public static byte[] ToUtf8Bytes(RunRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        if (record.Environment is { } environment)
        {
            environment.Variables = OrdinalMap.InOrder(environment.Variables); // ordinal order of names (see OrdinalMap)
        }

        return IndentedJson.Write(writer => JsonSerializer.Serialize(writer, record, RunRecordWriteContext.Default.RunRecord));
    }

    /// <exception cref="InvalidDataException">Not a run record (not JSON, the wrong shape, or null).</exception>
    public static RunRecord FromUtf8Bytes(byte[] utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, RunRecordReadContext.Default.RunRecord)
                ?? throw new InvalidDataException("The run record is empty (the JSON value is null).");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Not a run record: {JsonProblem.Describe(ex, utf8Json)}", ex);
        }
    }

    /// <summary>A time as every time in run.json and tags.json is written: ISO 8601 UTC with milliseconds (ordinal order is time order).</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads the <see cref="RunSummary"/> of a run.json (or of a summary this class wrote) with the record's own
    /// serializer, skipping every key the summary does not hold.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a run record, or one of a schema version newer than this library reads.</exception>
    public static RunSummary SummaryFromUtf8Bytes(ReadOnlySpan<byte> utf8Json)
    {
        RunSummary summary;
        try
        {
            summary = JsonSerializer.Deserialize(utf8Json, RunRecordReadContext.Default.RunSummary)
                ?? throw new InvalidDataException("The run record is empty (the JSON value is null).");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Not a run record: {JsonProblem.Describe(ex, utf8Json)}", ex);
        }

        if (summary.SchemaVersion > RunRecord.CurrentSchemaVersion)
        {
            throw new InvalidDataException(
                $"The run record has schemaVersion {summary.SchemaVersion}, newer than this tool reads ({RunRecord.CurrentSchemaVersion}).");
        }

        return summary;
    }

    /// <summary>
    /// Writes a summary as one JSON object with run.json's keys and values (NaN as text), into a larger document: the
    /// tool's <c>runs --json</c> lists runs with it, so a field added to the model is listed without a second writer.
    /// </summary>
    public static void WriteSummary(Utf8JsonWriter writer, RunSummary summary) =>
        JsonSerializer.Serialize(writer, summary, RunRecordWriteContext.Default.RunSummary);

    /// <summary>A summary as compact JSON (the shape of run.json's keys), for a cache of summaries.</summary>
    public static byte[] SummaryToUtf8Bytes(RunSummary summary)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            JsonSerializer.Serialize(writer, summary, RunRecordWriteContext.Default.RunSummary);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Reads one metric summary where <paramref name="reader"/> stands (at its start object), with the record's own
    /// serializer: NaN and infinities are read as the record writes them (<c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>).
    /// </summary>
    /// <exception cref="JsonException">Not a metric summary.</exception>
    public static MetricSummary ReadMetricSummary(ref Utf8JsonReader reader) =>
        JsonSerializer.Deserialize(ref reader, RunRecordReadContext.Default.MetricSummary)
            ?? throw new JsonException("A metric summary is null.");

    /// <summary>Writes one metric summary as run.json holds it (for summaries of records and the tool's JSON output).</summary>
    public static void WriteMetricSummary(Utf8JsonWriter writer, MetricSummary summary) =>
        JsonSerializer.Serialize(writer, summary, RunRecordWriteContext.Default.MetricSummary);

    /// <summary>Reads a run.json through the one bounded read path (never a FIFO, never unbounded).</summary>
    /// <exception cref="InvalidDataException">Not a run record.</exception>
    /// <exception cref="IOException">It cannot be read.</exception>
    public static RunRecord ReadFile(string path) => FromUtf8Bytes(FileProbe.ReadAllBytes(path, MaxFileBytes));
}
