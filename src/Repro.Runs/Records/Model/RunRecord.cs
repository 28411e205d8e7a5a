using System.Collections.Generic;
using Repro.Build.Manifest;

namespace Repro.Runs.Records;

/// <summary>
/// The record of one training run (<c>run.json</c>): what it was built from, what it read, did and produced, and where.
/// Property order is the order of the keys in the file; keep it stable. docs/runs.md describes every key.
/// </summary>
public sealed class RunRecord
{
    /// <summary>The version of the run record format this library writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Grows only when a key changes meaning or goes away; readers ignore keys they do not know.</summary>
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>Unique and sortable by start time: <c>20261128-071522-123-3f9a1c</c> (UTC date, time, milliseconds, random).</summary>
    public string RunId { get; set; } = "";

    /// <summary>The name given to <c>ReproRun.Start</c> (an experiment or run name), or null.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The run this one reproduces (<c>dotnet repro reproduce</c> starts it with <c>REPRO_REPRODUCES</c> set to that run's id), or null.
    /// </summary>
    public string? Reproduces { get; set; }

    /// <summary>One of <see cref="RunStatus"/>: running, finished, failed, killed.</summary>
    public string Status { get; set; } = RunStatus.Running;

    /// <summary>ISO 8601 UTC with milliseconds.</summary>
    public string StartTime { get; set; } = "";

    /// <summary>Null while the run is running (and after a SIGKILL).</summary>
    public string? EndTime { get; set; }

    /// <summary>When this file was last written: a run killed without warning keeps status running and this time.</summary>
    public string LastWriteTime { get; set; } = "";

    /// <summary>Set when the status is failed: the exception type and message (secrets redacted).</summary>
    public RunFailure? Failure { get; set; }

    /// <summary>The signal that ended the run (<c>SIGINT</c> for Ctrl+C, <c>SIGTERM</c>, <c>SIGHUP</c>, <c>SIGQUIT</c>), or null.</summary>
    public string? Signal { get; set; }

    /// <summary>The process's exit code, when the run ended with the process.</summary>
    public int? ExitCode { get; set; }

    /// <summary>The process that ran: id, command line, working folder.</summary>
    public RunProcessSection Process { get; set; } = new();

    /// <summary>The build the program came from (its embedded manifest), or null without one (REPRO403).</summary>
    public RunBuildSection? Build { get; set; }

    /// <summary>The seeds the run used, name → value: the build's <c>ReproSeed</c> as <c>build</c>, and those logged.</summary>
    public SortedDictionary<string, string> Seeds { get; set; } = new(System.StringComparer.Ordinal);

    /// <summary>Parameters, name → value as text (invariant culture); secret-looking ones <c>&lt;redacted&gt;</c>.</summary>
    public SortedDictionary<string, string> Params { get; set; } = new(System.StringComparer.Ordinal);

    /// <summary>Every data item of the build's manifest, checked again when the run started.</summary>
    public List<RunDataEntry> Data { get; set; } = [];

    /// <summary>Files and folders the run read outside any step.</summary>
    public List<RunFileEntry> Inputs { get; set; } = [];

    /// <summary>Files and folders the run produced outside any step (the model).</summary>
    public List<RunFileEntry> Outputs { get; set; } = [];

    /// <summary>Named steps in the order they started.</summary>
    public List<RunStep> Steps { get; set; } = [];

    /// <summary>Per metric key: a summary of the points written so far; the points are in <see cref="MetricsFile"/>.</summary>
    public SortedDictionary<string, MetricSummary> Metrics { get; set; } = new(System.StringComparer.Ordinal);

    /// <summary>The name of the metrics file beside run.json (<c>metrics.jsonl</c>).</summary>
    public string MetricsFile { get; set; } = MetricsFileFormat.FileName;

    /// <summary>Where the run is pushed while it lives (<c>ReproRunOptions.ShareRemote</c>), or null when it is not shared automatically.</summary>
    public RunShareSection? Share { get; set; }

    /// <summary>The machine and process environment of the run, probed when it started.</summary>
    public EnvironmentSection Environment { get; set; } = new();

    /// <summary>The run-time warnings (REPRO4xx), each also printed once to standard error.</summary>
    public List<RunDiagnostic> Diagnostics { get; set; } = [];
}
