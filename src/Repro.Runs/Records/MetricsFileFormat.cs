using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Repro.Build.IO;

namespace Repro.Runs.Records;

/// <summary>
/// The metrics file of a run (<c>metrics.jsonl</c>): one JSON object per line,
/// <c>{"key":"loss","value":0.25,"step":3,"timestamp":1764314122123}</c>, appended in the order the points were logged.
/// NaN and infinities are the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.
/// </summary>
public static class MetricsFileFormat
{
    /// <summary>The name of the metrics file in a run's folder.</summary>
    public const string FileName = "metrics.jsonl";

    /// <summary>Writes one point as a line (the object and '\n') to <paramref name="writer"/>, which is reset to <paramref name="output"/>.</summary>
    public static void WriteLine(Utf8JsonWriter writer, Stream output, in MetricPoint point)
    {
        writer.Reset(output);
        writer.WriteStartObject();
        writer.WriteString("key", point.Key);
        if (double.IsNaN(point.Value) || double.IsInfinity(point.Value))
        {
            writer.WriteString("value", double.IsNaN(point.Value) ? "NaN" : point.Value > 0 ? "Infinity" : "-Infinity");
        }
        else
        {
            writer.WriteNumber("value", point.Value);
        }

        writer.WriteNumber("step", point.Step);
        writer.WriteNumber("timestamp", point.Timestamp);
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>The longest line read: a metric line is well under 1 KiB; longer ones are skipped as malformed.</summary>
    public const int MaxLineBytes = 64 * 1024;

    /// <summary>The most distinct keys summarized from one file; the points of further keys are counted, not kept.</summary>
    public const int MaxKeys = 10_000;

    /// <summary>The most series kept for charts by <see cref="Digest"/> (the first keys met).</summary>
    public const int MaxSeries = 256;

    private const int BufferBytes = 1 << 20;

    private delegate void LineHandler(ReadOnlySpan<byte> line);

    /// <summary>
    /// Reads every well-formed line of a metrics file into memory (for tests and small files; the tool reads through
    /// <see cref="Digest"/>). A line cut short (the process was killed while writing it) or otherwise malformed is
    /// counted in <paramref name="malformedLines"/> and skipped; the points around it are kept.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read (missing, a FIFO, …).</exception>
    public static List<MetricPoint> Read(string path, out int malformedLines)
    {
        var points = new List<MetricPoint>();
        var malformed = 0;
        ForEachLine(path, line =>
        {
            if (TryParse(line, out var rawKey, out var escapedKey, out var value, out var step, out var timestamp))
            {
                points.Add(new MetricPoint(escapedKey ?? Utf8(rawKey), value, step, timestamp));
            }
            else
            {
                malformed++;
            }
        }, () => malformed++);
        malformedLines = malformed;
        return points;
    }

    /// <summary>
    /// Reads a metrics file of any size in one pass and bounded memory: a fixed buffer, one string per distinct key
    /// (at most <see cref="MaxKeys"/>), and per key a series reduced to <paramref name="maxPointsPerSeries"/> points
    /// (for at most <paramref name="maxSeries"/> keys; 0 keeps no series). Lines cut short or malformed are counted and skipped.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read (missing, a FIFO, …).</exception>
    public static MetricsDigest Digest(string path, int maxPointsPerSeries = 2000, int maxSeries = MaxSeries)
    {
        var digest = new MetricsDigest();
        var keys = new MetricKeyTable();
        var summaries = new List<MetricSummary>();
        var samplers = new List<MetricSeriesSampler?>();
        ForEachLine(path, line =>
        {
            if (!TryParse(line, out var rawKey, out var escapedKey, out var value, out var step, out _))
            {
                digest.MalformedLines++;
                return;
            }

            var index = escapedKey is null ? keys.Find(rawKey) : keys.Find(escapedKey);
            if (index < 0)
            {
                if (keys.Count >= MaxKeys)
                {
                    digest.PointsOfSkippedKeys++;
                    return;
                }

                index = escapedKey is null ? keys.Add(rawKey) : keys.Add(escapedKey);
                summaries.Add(new MetricSummary { Last = value, Step = step, Min = value, Max = value, Count = 0 });
                samplers.Add(index < maxSeries && maxPointsPerSeries > 0 ? new MetricSeriesSampler(maxPointsPerSeries) : null);
            }

            // As the run's own summaries are computed (Repro.Runs' MetricBuffer): Math.Min and Math.Max, so a NaN sticks.
            var summary = summaries[index];
            summary.Last = value;
            summary.Step = step;
            summary.Min = Math.Min(summary.Min, value);
            summary.Max = Math.Max(summary.Max, value);
            summary.Count++;
            digest.Points++;
            if (samplers[index] is { } sampler && !double.IsNaN(value) && !double.IsInfinity(value))
            {
                sampler.Add(step, value); // a chart has no place for NaN or infinities; the summary keeps them
            }
        }, () => digest.MalformedLines++);

        for (var i = 0; i < keys.Count; i++)
        {
            digest.Summaries[keys[i]] = summaries[i];
            if (samplers[i] is { } sampler)
            {
                digest.Series[keys[i]] = sampler.Points();
            }
        }

        return digest;
    }

    /// <summary>Parses one line; false for anything but an object with a string key, a value, an integer step and timestamp.</summary>
    public static bool TryParse(string line, out MetricPoint point)
    {
        if (line is null)
        {
            throw new ArgumentNullException(nameof(line));
        }

        if (TryParse(Encoding.UTF8.GetBytes(line), out var rawKey, out var escapedKey, out var value, out var step, out var timestamp))
        {
            point = new MetricPoint(escapedKey ?? Utf8(rawKey), value, step, timestamp);
            return true;
        }

        point = default;
        return false;
    }

    // The one parser of a line. The key comes back as its raw UTF-8 (no string made for a key already seen), or, when
    // it holds escapes, as a string.
    private static bool TryParse(
        ReadOnlySpan<byte> line, out ReadOnlySpan<byte> rawKey, out string? escapedKey, out double value, out long step, out long timestamp)
    {
        rawKey = default;
        escapedKey = null;
        value = 0;
        step = 0;
        timestamp = 0;
        bool hasKey = false, hasValue = false, hasStep = false, hasTime = false;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("key"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    if (reader.ValueIsEscaped)
                    {
                        escapedKey = reader.GetString();
                        rawKey = default;
                    }
                    else
                    {
                        rawKey = reader.ValueSpan;
                        escapedKey = null;
                    }

                    hasKey = true;
                }
                else if (reader.ValueTextEquals("value"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Number)
                    {
                        if (!reader.TryGetDouble(out value))
                        {
                            return false;
                        }
                    }
                    else if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("NaN"u8))
                    {
                        value = double.NaN;
                    }
                    else if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Infinity"u8))
                    {
                        value = double.PositiveInfinity;
                    }
                    else if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("-Infinity"u8))
                    {
                        value = double.NegativeInfinity;
                    }
                    else
                    {
                        return false;
                    }

                    hasValue = true;
                }
                else if (reader.ValueTextEquals("step"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out step))
                    {
                        return false;
                    }

                    hasStep = true;
                }
                else if (reader.ValueTextEquals("timestamp"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out timestamp))
                    {
                        return false;
                    }

                    hasTime = true;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // One object, then nothing but white space.
            return reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && !reader.Read()
                && hasKey && hasValue && hasStep && hasTime;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false; // a string with a broken escape or invalid UTF-8
        }
    }

    // Lines through one fixed buffer: memory does not grow with the file, nor with a line (a line longer than
    // MaxLineBytes is skipped to its end and reported as malformed).
    private static void ForEachLine(string path, LineHandler handle, Action tooLong)
    {
        using var stream = FileProbe.OpenRegular(path, FileOptions.SequentialScan);
        var buffer = new byte[BufferBytes];
        var filled = 0;
        var skipping = false;
        var first = true;
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            var end = filled + read;
            var start = 0;
            if (first)
            {
                // A byte-order mark, as a text editor may add: skipped, as a StreamReader would.
                start = end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
                first = false;
            }

            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline < 0)
                {
                    break;
                }

                if (skipping)
                {
                    skipping = false; // the end of a line too long to read
                }
                else if (newline > start)
                {
                    handle(new ReadOnlySpan<byte>(buffer, start, newline - start));
                }

                start = newline + 1;
            }

            if (read == 0)
            {
                if (end > start && !skipping)
                {
                    handle(new ReadOnlySpan<byte>(buffer, start, end - start)); // a last line without its newline: cut short, usually
                }

                return;
            }

            var rest = end - start;
            if (rest > MaxLineBytes)
            {
                if (!skipping)
                {
                    tooLong();
                }

                skipping = true;
                rest = 0;
            }

            Buffer.BlockCopy(buffer, start, buffer, 0, rest);
            filled = rest;
        }
    }

    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes.ToArray());
}
