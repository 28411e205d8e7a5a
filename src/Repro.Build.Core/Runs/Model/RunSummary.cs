using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Repro.Build.Runs;

/// <summary>
/// What listing, filtering and sorting runs need of a record: a projection of <see cref="RunRecord"/> (a subset of its
/// keys, with the same names, types and JSON shape) read from run.json by the record's own source-generated serializer,
/// which skips every other key. Small on purpose: a listing of 100,000 runs holds 100,000 of these. A key added to the
/// record appears in listings by adding it here too; a test checks that every key here is the record's.
/// </summary>
public sealed class RunSummary
{
    public int SchemaVersion { get; set; } = RunRecord.CurrentSchemaVersion;

    public string RunId { get; set; } = "";

    public string? Name { get; set; }

    public string Status { get; set; } = RunStatus.Running;

    public string StartTime { get; set; } = "";

    public string? EndTime { get; set; }

    public string LastWriteTime { get; set; } = "";

    public RunSummaryBuild? Build { get; set; }

    /// <summary>The build's data as the run found it when it started (unchanged, changed, missing, …).</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public List<RunSummaryData> Data { get; } = new();

    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public Dictionary<string, string> Params { get; } = new(System.StringComparer.Ordinal);

    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public Dictionary<string, MetricSummary> Metrics { get; } = new(System.StringComparer.Ordinal);

    public RunShareSection? Share { get; set; }

    public RunSummaryEnvironment? Environment { get; set; }
}
