namespace Repro.Tool.Services;

/// <summary>A submodule as <c>rebuild</c> gave it back: where, at which commit, and the commit the build recorded.</summary>
public sealed class SubmoduleState
{
    public SubmoduleState(string path, string? recordedCommit, string? commit)
    {
        Path = path;
        RecordedCommit = recordedCommit;
        Commit = commit;
    }

    /// <summary>The submodule's path in the repository, with '/'.</summary>
    public string Path { get; }

    /// <summary>The commit the manifest recorded as checked out at build time; null when it recorded none.</summary>
    public string? RecordedCommit { get; }

    /// <summary>The commit checked out in the rebuilt sources.</summary>
    public string? Commit { get; }

    /// <summary>True when the submodule is at the recorded commit, or the manifest recorded none (the commit's own pointer is used).</summary>
    public bool Matches => RecordedCommit is null || RecordedCommit == Commit;
}
