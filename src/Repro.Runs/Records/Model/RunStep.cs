using System.Collections.Generic;

namespace Repro.Runs.Records;

/// <summary>A named, timed part of a run (load, preprocess, train, evaluate) with its own inputs, outputs and parameters.</summary>
public sealed class RunStep
{
    /// <summary>The step's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>running, finished, failed (<see cref="RunStatus"/>); a step still open when the run ends takes the run's status.</summary>
    public string Status { get; set; } = RunStatus.Running;

    /// <summary>When the step started (UTC, ISO 8601).</summary>
    public string StartTime { get; set; } = "";

    /// <summary>When the step ended (UTC, ISO 8601); null while it runs.</summary>
    public string? EndTime { get; set; }

    /// <summary>Measured with a monotonic clock; null while running.</summary>
    public double? DurationSeconds { get; set; }

    /// <summary>Why the step failed, if it did.</summary>
    public RunFailure? Failure { get; set; }

    /// <summary>The parameters logged inside the step.</summary>
    public SortedDictionary<string, string> Params { get; set; } = new(System.StringComparer.Ordinal);

    /// <summary>The files the step read.</summary>
    public List<RunFileEntry> Inputs { get; set; } = [];

    /// <summary>The files the step wrote.</summary>
    public List<RunFileEntry> Outputs { get; set; } = [];
}
