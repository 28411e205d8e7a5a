using System.Text.Json;

namespace Repro.Tool.Output;

/// <summary>The writer calls the --json shapes share: nullable values written as JSON null, string arrays.</summary>
public static class JsonFields
{
    public static void Boolean(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } flag)
        {
            json.WriteBoolean(name, flag);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>"tags": {key: value} and "note" (null when none) of a run's annotations.</summary>
    public static void Annotations(Utf8JsonWriter json, Repro.Runs.Records.RunAnnotations? annotations)
    {
        json.WriteStartObject("tags");
        if (annotations is not null)
        {
            foreach (var (key, value) in annotations.Tags)
            {
                json.WriteString(key, value);
            }
        }

        json.WriteEndObject();
        json.WriteString("note", annotations?.Note);
    }

    /// <summary>"unreadableRuns": [ { "runId", "reason" } ], as runs and report write them.</summary>
    public static void UnreadableRuns(Utf8JsonWriter json, IEnumerable<Repro.Tool.Services.UnreadableRun> unreadable)
    {
        json.WriteStartArray("unreadableRuns");
        foreach (var run in unreadable)
        {
            json.WriteStartObject();
            json.WriteString("runId", run.Id);
            json.WriteString("reason", run.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
