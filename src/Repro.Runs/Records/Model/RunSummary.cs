using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Repro.Runs.Records;

/// <summary>
/// What listing, filtering and sorting runs need of a record: a projection of <see cref="RunRecord"/> (a subset of its
/// keys, with the same names, types and JSON shape) read from run.json by the record's own source-generated serializer,
/// which skips every other key. Small on purpose: a listing of 100,000 runs holds 100,000 of these. A key added to the
/// record appears in listings by adding it here too; a test checks that every key here is the record's.
/// </summary>
public sealed class RunSummary
{
    /// <summary>The record format's version.</summary>
    public int SchemaVersion { get; set; } = RunRecord.CurrentSchemaVersion;

    /// <summary>The run's id.</summary>
    public string RunId { get; set; } = "";

    /// <summary>The run's name, if it was given one.</summary>
    public string? Name { get; set; }

    /// <summary>The run this one reproduces, or null.</summary>
    public string? Reproduces { get; set; }

    /// <summary>The run's status (a <see cref="RunStatus"/> value).</summary>
    public string Status { get; set; } = RunStatus.Running;

    /// <summary>When the run started (UTC, ISO 8601).</summary>
    public string StartTime { get; set; } = "";

    /// <summary>When the run ended (UTC, ISO 8601); null while it runs.</summary>
    public string? EndTime { get; set; }

    /// <summary>When the record was last written (UTC, ISO 8601).</summary>
    public string LastWriteTime { get; set; } = "";

    /// <summary>What the run's program was built from.</summary>
    public RunSummaryBuild? Build { get; set; }

    /// <summary>The build's data as the run found it when it started (unchanged, changed, missing, …).</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public List<RunSummaryData> Data { get; } = [];

    /// <summary>The run's parameters.</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public Dictionary<string, string> Params { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Each metric's summary (last, min, max, count).</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public Dictionary<string, MetricSummary> Metrics { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Who shared the run, and when, if it was shared.</summary>
    public RunShareSection? Share { get; set; }

    /// <summary>The machine the run ran on.</summary>
    public RunSummaryEnvironment? Environment { get; set; }
}
