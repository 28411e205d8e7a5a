using System;
using System.IO;
using System.Text.Json;
using Repro.Build.IO;

namespace Repro.Build.Runs;

/// <summary>Reads and writes <c>run.json</c>: indented UTF-8 JSON, keys in model order, LF line ends, a final newline.</summary>
public static class RunRecordSerializer
{
    /// <summary>The name of the record file in a run's folder.</summary>
    public const string FileName = "run.json";

    // A record holds lists the program fills; far beyond any real one, small enough to refuse a wrong file.
    private const long MaxFileBytes = 64L * 1024 * 1024;

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
            throw new InvalidDataException($"Not a run record: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a run.json through the one bounded read path (never a FIFO, never unbounded).</summary>
    /// <exception cref="InvalidDataException">Not a run record.</exception>
    /// <exception cref="IOException">It cannot be read.</exception>
    public static RunRecord ReadFile(string path) => FromUtf8Bytes(FileProbe.ReadAllBytes(path, MaxFileBytes));
}
