using Repro.Tool.Input;

namespace Repro.Tool.Services;

/// <summary>Everything <c>reproduce</c> did and found, in the order it did it.</summary>
public sealed class ReproductionResult
{
    public required LoadedRun Original { get; init; }

    public required string WorkTree { get; init; }

    public required string ProjectDirectory { get; init; }

    public required string Commit { get; init; }

    public required bool PatchApplied { get; init; }

    public required IReadOnlyList<DataPlacement> Data { get; init; }

    /// <summary>Where the data came from when not with the sources: the <see cref="IRunDataSource"/>'s name.</summary>
    public required string DataSource { get; init; }

    public required IReadOnlyList<ToolchainItem> Toolchain { get; init; }

    /// <summary>True when the restore ran in locked mode (the commit has a packages.lock.json).</summary>
    public required bool LockedRestore { get; init; }

    public required RebuildBuild Build { get; init; }

    /// <summary>The REPRO analyzer warnings of the new build (<c>warning REPRO001: …</c> lines), each once.</summary>
    public required IReadOnlyList<string> AnalyzerWarnings { get; init; }

    public required IReadOnlyList<string> Command { get; init; }

    public required string CommandDirectory { get; init; }

    public required int CommandExitCode { get; init; }

    /// <summary>The reproduction's run, as added to the runs folder.</summary>
    public required LoadedRun Reproduction { get; init; }

    public required ReproductionComparison Comparison { get; init; }

    /// <summary>What most likely made the runs differ, most likely first; empty when they agree.</summary>
    public required IReadOnlyList<string> LikelyCauses { get; init; }

    /// <summary>Seconds spent in each phase: sources, data, toolchain, build, run, compare.</summary>
    public required IReadOnlyList<(string Phase, double Seconds)> Timings { get; init; }

    /// <summary>The tolerance every metric without its own was compared with.</summary>
    public required double ToleranceDefault { get; init; }

    public ReproductionVerdict Verdict => Comparison.Verdict;
}
