namespace Repro.Runs.Records;

/// <summary>The build link of a <see cref="RunSummary"/>: <see cref="RunBuildSection"/> without its patch and manifest.</summary>
public sealed class RunSummaryBuild
{
    /// <summary>The program's assembly name.</summary>
    public string Assembly { get; set; } = "";

    /// <summary>The build's fingerprint.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>The git commit.</summary>
    public string? Commit { get; set; }

    /// <summary>The git branch.</summary>
    public string? Branch { get; set; }

    /// <summary>Whether the work tree had uncommitted changes.</summary>
    public bool? Dirty { get; set; }
}
