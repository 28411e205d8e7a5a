namespace Repro.Runs.Records;

/// <summary>Who ran a run, as its record's environment says (only with <c>ReproRecordHost=true</c>).</summary>
public sealed class RunSummaryEnvironment
{
    /// <summary>The machine's name.</summary>
    public string? Host { get; set; }

    /// <summary>The user who ran it.</summary>
    public string? User { get; set; }
}
