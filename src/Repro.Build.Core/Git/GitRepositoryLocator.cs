using System;
using System.IO;

namespace Repro.Build.Git;

/// <summary>Finds the repository that contains a folder, the way git does, without launching git.</summary>
public static class GitRepositoryLocator
{
    private const string GitDirPrefix = "gitdir:";

    /// <summary>
    /// Walks up from <paramref name="startDirectory"/> to the first folder holding <c>.git</c> (a folder, or a file with
    /// <c>gitdir: PATH</c> as submodules and linked worktrees have). Returns null when there is none.
    /// </summary>
    /// <exception cref="GitFormatException">A <c>.git</c> was found but does not lead to a valid git directory.</exception>
    public static GitRepositoryLocation? Locate(string startDirectory)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(startDirectory));
        while (directory is not null)
        {
            var dotGit = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                return FromGitDirectory(directory.FullName, dotGit);
            }

            if (File.Exists(dotGit))
            {
                return FromGitDirectory(directory.FullName, ReadGitDirFile(dotGit));
            }

            directory = directory.Parent;
        }

        return null;
    }

    // 'gitdir: <path>' and 'commondir' hold one path.
    private const long MaxPointerFileBytes = 64 * 1024;

    private static string ReadGitDirFile(string dotGitFile)
    {
        // A '.git' file in a working tree (submodules, worktrees) is a user file: bounded, and never a FIFO.
        var content = Repro.Build.IO.FileProbe.ReadAllText(dotGitFile, MaxPointerFileBytes).Trim();
        if (!content.StartsWith(GitDirPrefix, StringComparison.Ordinal))
        {
            throw new GitFormatException($"'{dotGitFile}' is a file but does not start with '{GitDirPrefix}'.");
        }

        var target = content.Substring(GitDirPrefix.Length).Trim();
        if (target.Length == 0)
        {
            throw new GitFormatException($"'{dotGitFile}' names no git directory.");
        }

        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dotGitFile)!, target));
    }

    private static GitRepositoryLocation FromGitDirectory(string workingDirectory, string gitDirectory)
    {
        gitDirectory = TrimEndSeparators(Path.GetFullPath(gitDirectory));
        if (!File.Exists(Path.Combine(gitDirectory, "HEAD")))
        {
            throw new GitFormatException($"The git directory '{gitDirectory}' has no HEAD file.");
        }

        var commonDirectory = gitDirectory;
        var commonDirFile = Path.Combine(gitDirectory, "commondir");
        if (File.Exists(commonDirFile))
        {
            var relative = Repro.Build.IO.FileProbe.ReadAllText(commonDirFile, MaxPointerFileBytes).Trim();
            if (relative.Length == 0)
            {
                throw new GitFormatException($"'{commonDirFile}' is empty.");
            }

            commonDirectory = TrimEndSeparators(Path.GetFullPath(Path.Combine(gitDirectory, relative)));
        }

        return new GitRepositoryLocation(TrimEndSeparators(workingDirectory), gitDirectory, commonDirectory);
    }

    private static string TrimEndSeparators(string path)
    {
        var root = Path.GetPathRoot(path) ?? "";
        return path.Length > root.Length ? path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : path;
    }
}
