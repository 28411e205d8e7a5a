using System.Collections.Generic;

namespace Repro.Build.Runs;

/// <summary>A named, timed part of a run (load, preprocess, train, evaluate) with its own inputs, outputs and parameters.</summary>
public sealed class RunStep
{
    public string Name { get; set; } = "";

    /// <summary>running, finished, failed (<see cref="RunStatus"/>); a step still open when the run ends takes the run's status.</summary>
    public string Status { get; set; } = RunStatus.Running;

    public string StartTime { get; set; } = "";

    public string? EndTime { get; set; }

    /// <summary>Measured with a monotonic clock; null while running.</summary>
    public double? DurationSeconds { get; set; }

    public RunFailure? Failure { get; set; }

    public SortedDictionary<string, string> Params { get; set; } = new(System.StringComparer.Ordinal);

    public List<RunFileEntry> Inputs { get; set; } = new();

    public List<RunFileEntry> Outputs { get; set; } = new();
}
