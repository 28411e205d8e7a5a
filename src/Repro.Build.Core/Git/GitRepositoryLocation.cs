namespace Repro.Build.Git;

/// <summary>Where a repository's files are: the working tree, its git directory and the common directory.</summary>
public sealed class GitRepositoryLocation
{
    public GitRepositoryLocation(string workingDirectory, string gitDirectory, string commonDirectory)
    {
        WorkingDirectory = workingDirectory;
        GitDirectory = gitDirectory;
        CommonDirectory = commonDirectory;
    }

    /// <summary>The top of the working tree (the folder that holds <c>.git</c>).</summary>
    public string WorkingDirectory { get; }

    /// <summary>The folder with this working tree's HEAD and index (<c>.git</c>, or <c>.git/worktrees/NAME</c> for a linked worktree).</summary>
    public string GitDirectory { get; }

    /// <summary>The folder with the shared refs, packed refs, objects and config; equal to <see cref="GitDirectory"/> except in linked worktrees.</summary>
    public string CommonDirectory { get; }

    public bool IsLinkedWorktree => !string.Equals(GitDirectory, CommonDirectory, System.StringComparison.Ordinal);
}
