namespace Repro.Build.Runs;

/// <summary>Who ran a run, as its record's environment says (only with <c>ReproRecordHost=true</c>).</summary>
public sealed class RunSummaryEnvironment
{
    public string? Host { get; set; }

    public string? User { get; set; }
}
