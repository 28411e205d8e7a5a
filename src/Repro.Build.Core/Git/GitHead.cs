namespace Repro.Build.Git;

/// <summary>What HEAD points at.</summary>
public sealed class GitHead
{
    public GitHead(string? commit, string? branch, string? missingReference = null)
    {
        Commit = commit;
        Branch = branch;
        MissingReference = missingReference;
    }

    /// <summary>The full hex object id; null on an unborn branch and when HEAD names a ref that does not exist.</summary>
    public string? Commit { get; }

    /// <summary>The short branch name (<c>main</c> for <c>refs/heads/main</c>); null when HEAD is detached.</summary>
    public string? Branch { get; }

    /// <summary>
    /// The ref HEAD names when it does not exist although the repository has other refs (a branch deleted or lost, or
    /// <c>git checkout --orphan</c> before its first commit); null otherwise. In a repository without any ref, as
    /// <c>git init</c> leaves it, a missing branch is simply unborn.
    /// </summary>
    public string? MissingReference { get; }
}
