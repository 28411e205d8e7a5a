using Repro.Runs.Records;

namespace Repro.Tool.Input;

/// <summary>A run record (<c>run.json</c>, written by Repro.Runs) and where it was read from.</summary>
public sealed class LoadedRun
{
    public LoadedRun(RunRecord record, string path)
    {
        Record = record;
        Path = path;
        _annotations = new System.Lazy<Repro.Runs.Records.RunAnnotations?>(()
            => Repro.Runs.Records.RunAnnotationsFile.TryRead(System.IO.Path.GetDirectoryName(path)!));
    }

    public RunRecord Record { get; }

    /// <summary>The full path of the run.json read.</summary>
    public string Path { get; }

    /// <summary>The team's tags and note on the run (tags.json beside the record), or null; read when first asked.</summary>
    public Repro.Runs.Records.RunAnnotations? Annotations => _annotations.Value;

    private readonly System.Lazy<Repro.Runs.Records.RunAnnotations?> _annotations;

    /// <summary>True when the metric summaries were read from metrics.jsonl because the record was behind it.</summary>
    public bool MetricsDerived { get; init; }

    /// <summary>
    /// When the run was named by its id and its record claims another <c>runId</c>: the claim (the record's id is then
    /// the folder's), else null.
    /// </summary>
    public string? ClaimedRunId { get; init; }
}
