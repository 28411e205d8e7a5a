namespace Repro.Runs.Records;

/// <summary>How a run shares itself with the team while it lives: the git remote and how often it is pushed.</summary>
public sealed class RunShareSection
{
    /// <summary>The git remote's name (never its URL).</summary>
    public string Remote { get; set; } = "";

    /// <summary>
    /// Seconds between two pushes while the run is running: a shared copy's <c>lastWriteTime</c> may be this old, so a
    /// reader gives the run that long (and more) before it calls it crashed.
    /// </summary>
    public int IntervalSeconds { get; set; }
}
