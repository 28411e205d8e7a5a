namespace Repro.Build.Manifest;

public sealed class GitSection
{
    /// <summary>The full hex object id of HEAD; null on an unborn branch (a repository with no commits yet).</summary>
    public string? Commit { get; set; }

    /// <summary>The short branch name HEAD points at; null when HEAD is detached.</summary>
    public string? Branch { get; set; }
}
