namespace Repro.Build.Manifest;

public sealed class SubmoduleEntry
{
    public string Path { get; set; } = "";

    /// <summary>The commit checked out in the submodule; null when it is not initialized.</summary>
    public string? Commit { get; set; }

    /// <summary>True when the submodule has new commits, changes or untracked files; null when unknown.</summary>
    public bool? Dirty { get; set; }

    /// <summary>The URL without credentials.</summary>
    public string? Url { get; set; }
}
