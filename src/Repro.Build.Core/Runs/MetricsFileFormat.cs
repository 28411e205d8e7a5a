using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Repro.Build.IO;

namespace Repro.Build.Runs;

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

    /// <summary>
    /// Reads every well-formed line of a metrics file. A line cut short (the process was killed while writing it) or
    /// otherwise malformed is counted in <paramref name="malformedLines"/> and skipped; the points around it are kept.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read (missing, a FIFO, …).</exception>
    public static List<MetricPoint> Read(string path, out int malformedLines)
    {
        var points = new List<MetricPoint>();
        malformedLines = 0;
        using var stream = FileProbe.OpenRegular(path, FileOptions.SequentialScan, bufferSize: 1 << 16);
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (TryParse(line, out var point))
            {
                points.Add(point);
            }
            else
            {
                malformedLines++;
            }
        }

        return points;
    }

    /// <summary>Parses one line; false for anything but an object with a string key, a value, an integer step and timestamp.</summary>
    public static bool TryParse(string line, out MetricPoint point)
    {
        point = default;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("value", out var valueElement)
                || !root.TryGetProperty("step", out var step) || step.ValueKind != JsonValueKind.Number || !step.TryGetInt64(out var stepValue)
                || !root.TryGetProperty("timestamp", out var time) || time.ValueKind != JsonValueKind.Number || !time.TryGetInt64(out var timeValue))
            {
                return false;
            }

            double value;
            if (valueElement.ValueKind == JsonValueKind.Number)
            {
                value = valueElement.GetDouble();
            }
            else if (valueElement.ValueKind == JsonValueKind.String)
            {
                switch (valueElement.GetString())
                {
                    case "NaN": value = double.NaN; break;
                    case "Infinity": value = double.PositiveInfinity; break;
                    case "-Infinity": value = double.NegativeInfinity; break;
                    default: return false;
                }
            }
            else
            {
                return false;
            }

            point = new MetricPoint(key.GetString()!, value, stepValue, timeValue);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false; // a string with a broken escape
        }
    }
}
