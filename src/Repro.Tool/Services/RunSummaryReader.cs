using System;
using System.IO;
using System.Text.Json;
using Repro.Build.Runs;

namespace Repro.Tool.Services;

/// <summary>
/// Reads the part of a run.json that listing and filtering need (identity, status, times, build link, parameters,
/// metric summaries, how it is shared, who) in one forward pass, skipping the rest (the embedded build manifest, the environment, data,
/// steps) without materializing it: listing 10,000 runs then costs a scan of their bytes, not a full deserialization.
/// </summary>
public static class RunSummaryReader
{
    // Run records are written by one serializer with a known shape; anything else is refused, not guessed at.
    private const int MaxDepth = 64;

    /// <exception cref="InvalidDataException">Not a run record.</exception>
    public static RunRecord Read(byte[] utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
            Expect(ref reader, JsonTokenType.StartObject);
            var record = new RunRecord();
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "schemaVersion":
                        record.SchemaVersion = reader.GetInt32();
                        break;
                    case "runId":
                        record.RunId = reader.GetString() ?? "";
                        break;
                    case "name":
                        record.Name = reader.GetString();
                        break;
                    case "status":
                        record.Status = reader.GetString() ?? RunStatus.Running;
                        break;
                    case "startTime":
                        record.StartTime = reader.GetString() ?? "";
                        break;
                    case "endTime":
                        record.EndTime = reader.GetString();
                        break;
                    case "lastWriteTime":
                        record.LastWriteTime = reader.GetString() ?? "";
                        break;
                    case "build" when reader.TokenType == JsonTokenType.StartObject:
                        record.Build = ReadBuild(ref reader);
                        break;
                    case "params" when reader.TokenType == JsonTokenType.StartObject:
                        while (Next(ref reader) == JsonTokenType.PropertyName)
                        {
                            var key = reader.GetString()!;
                            reader.Read();
                            record.Params[key] = reader.TokenType == JsonTokenType.String ? reader.GetString()! : RawText(ref reader);
                        }

                        break;
                    case "metrics" when reader.TokenType == JsonTokenType.StartObject:
                        while (Next(ref reader) == JsonTokenType.PropertyName)
                        {
                            var key = reader.GetString()!;
                            reader.Read();
                            record.Metrics[key] = ReadMetric(ref reader);
                        }

                        break;
                    case "share" when reader.TokenType == JsonTokenType.StartObject:
                        record.Share = new RunShareSection();
                        while (Next(ref reader) == JsonTokenType.PropertyName)
                        {
                            var key = reader.GetString();
                            reader.Read();
                            if (key == "intervalSeconds" && reader.TokenType == JsonTokenType.Number)
                            {
                                record.Share.IntervalSeconds = reader.GetInt32();
                            }
                            else if (key == "remote" && reader.TokenType == JsonTokenType.String)
                            {
                                record.Share.Remote = reader.GetString()!;
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }

                        break;
                    case "environment" when reader.TokenType == JsonTokenType.StartObject:
                        while (Next(ref reader) == JsonTokenType.PropertyName)
                        {
                            var key = reader.GetString();
                            reader.Read();
                            if (key == "user" && reader.TokenType == JsonTokenType.String)
                            {
                                record.Environment.User = reader.GetString();
                            }
                            else if (key == "host" && reader.TokenType == JsonTokenType.String)
                            {
                                record.Environment.Host = reader.GetString();
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (record.SchemaVersion > RunRecord.CurrentSchemaVersion)
            {
                throw new InvalidDataException($"The run record has schemaVersion {record.SchemaVersion}, newer than this tool reads ({RunRecord.CurrentSchemaVersion}).");
            }

            return record;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Not a run record: {ex.Message}", ex);
        }
    }

    private static RunBuildSection ReadBuild(ref Utf8JsonReader reader)
    {
        var build = new RunBuildSection();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var key = reader.GetString();
            reader.Read();
            switch (key)
            {
                case "assembly":
                    build.Assembly = reader.GetString() ?? "";
                    break;
                case "fingerprint":
                    build.Fingerprint = reader.GetString();
                    break;
                case "commit":
                    build.Commit = reader.GetString();
                    break;
                case "branch":
                    build.Branch = reader.GetString();
                    break;
                case "dirty":
                    build.Dirty = reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return build;
    }

    // The record's own serializer reads a summary, so what the writer writes (NaN and infinities as text) is read here too.
    private static MetricSummary ReadMetric(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A metric summary is not an object.");
        }

        return RunRecordSerializer.ReadMetricSummary(ref reader);
    }

    private static string RawText(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The run record ends early.");
        }

        return reader.TokenType;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new JsonException($"Expected {type} at the start of the run record.");
        }
    }
}
