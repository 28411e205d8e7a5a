using System.Collections.Generic;

namespace Repro.Runs.Records;

/// <summary>A <c>ReproData</c> item of the build, hashed again when the run started.</summary>
public sealed class RunDataEntry
{
    /// <summary>The item's name in the manifest (a path relative to the project folder, or a group).</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// <c>file</c> (the hash is the file's), <c>folder</c> or <c>group</c> (the hash is the listing's, an object of the
    /// store: docs/store.md); null in records written before version 0.9, or when the data was not found.
    /// </summary>
    public string? Kind { get; set; }

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
