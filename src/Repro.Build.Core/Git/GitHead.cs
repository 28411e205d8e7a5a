namespace Repro.Build.Git;

/// <summary>What HEAD points at.</summary>
public sealed class GitHead
{
    public GitHead(string? commit, string? branch)
    {
        Commit = commit;
        Branch = branch;
    }

    /// <summary>The full hex object id; null on an unborn branch.</summary>
    public string? Commit { get; }

    /// <summary>The short branch name (<c>main</c> for <c>refs/heads/main</c>); null when HEAD is detached.</summary>
    public string? Branch { get; }
}
