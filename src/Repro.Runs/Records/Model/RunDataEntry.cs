using System.Collections.Generic;

namespace Repro.Runs.Records;

/// <summary>A <c>ReproData</c> item of the build, hashed again when the run started.</summary>
public sealed class RunDataEntry
{
    /// <summary>The item's name in the manifest (a path relative to the project folder, or a group).</summary>
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="RunDataState"/>.</summary>
    public string State { get; set; } = RunDataState.Unchanged;

    /// <summary>The hash the build recorded.</summary>
    public string? BuildSha256 { get; set; }

    /// <summary>The hash at run time, computed as the build computes it; null when not found or not checked.</summary>
    public string? Sha256 { get; set; }

    /// <summary>The number of files, for a folder.</summary>
    public int FileCount { get; set; }

    /// <summary>The size in bytes (the sum of its files for a folder).</summary>
    public long Size { get; set; }

    /// <summary>When changed and the build's file list is known: the files added, removed or changed (at most 20).</summary>
    public List<string> ChangedFiles { get; set; } = [];
}
