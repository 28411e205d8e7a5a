namespace Repro.Build.Runs;

/// <summary>The build link of a <see cref="RunSummary"/>: <see cref="RunBuildSection"/> without its patch and manifest.</summary>
public sealed class RunSummaryBuild
{
    public string Assembly { get; set; } = "";

    public string? Fingerprint { get; set; }

    public string? Commit { get; set; }

    public string? Branch { get; set; }

    public bool? Dirty { get; set; }
}
