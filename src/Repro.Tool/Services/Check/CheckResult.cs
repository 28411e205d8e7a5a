using Repro.Runs.Records;

namespace Repro.Tool.Services;

/// <summary>What <c>dotnet repro check</c> found: the variations run, the records they wrote, and every difference.</summary>
public sealed class CheckResult
{
    public CheckResult(IReadOnlyList<Variation> variations, IReadOnlyList<RunRecord> runs, IReadOnlyList<string> differences)
    {
        Variations = variations;
        Runs = runs;
        Differences = differences;
    }

    public IReadOnlyList<Variation> Variations { get; }

    public IReadOnlyList<RunRecord> Runs { get; }

    public IReadOnlyList<string> Differences { get; }

    public bool Reproducible => Differences.Count == 0;
}
