using System;
using System.IO;
using System.Text;
using Repro.Build.Git;
using Repro.Build.IO;

namespace Repro.Build.Store;

/// <summary>
/// The <c>.repro</c> folder at the top of the work tree: runs, the cache and this machine's settings, which stay local,
/// and the team's store configuration, which is committed. Its <c>.gitignore</c> says which is which.
/// </summary>
public static class ReproFolder
{
    public const string Name = ".repro";

    public const string GitIgnoreFileName = ".gitignore";

    /// <summary>
    /// What <c>.repro/.gitignore</c> holds: everything local but the team's configuration. The file ignores itself, so a
    /// run or a pull never leaves an untracked file that would make the next build dirty; every writer of <c>.repro</c>
    /// writes it when it is missing (a fresh clone has config.json alone).
    /// </summary>
    public const string GitIgnoreText =
        "# Written by Repro.Build. Runs, the cache and config.local.json stay on this machine;\n"
        + "# config.json (the team's store remotes) is committed.\n"
        + "*\n"
        + "!" + StoreConfigFile.FileName + "\n";

    // What earlier versions wrote: replaced by GitIgnoreText. Any other content is the user's and is left alone.
    private static readonly string[] EarlierTexts =
    {
        "# Run records of Repro.Runs: local to this machine unless added on purpose.\n*\n",
    };

    /// <summary>The <c>.repro</c> folder for <paramref name="startDirectory"/>: at the top of its git work tree, else in it.</summary>
    public static string Locate(string startDirectory) =>
        Path.Combine(WorkTreeRoot(startDirectory) ?? Path.GetFullPath(startDirectory), Name);

    /// <summary>The top of the git work tree containing <paramref name="directory"/>, or null (none, or unreadable).</summary>
    public static string? WorkTreeRoot(string directory)
    {
        try
        {
            return GitRepositoryLocator.Locate(directory)?.WorkingDirectory;
        }
        catch (Exception ex) when (ex is GitFormatException || ReadFailure.IsExpected(ex))
        {
            return null;
        }
    }

    /// <summary>
    /// Writes <c>.gitignore</c> into <paramref name="reproDirectory"/> (created when missing) unless it exists; one that holds
    /// exactly what an earlier version wrote is upgraded, any other is the user's and kept.
    /// </summary>
    /// <returns>True when the file was written.</returns>
    public static bool EnsureGitIgnore(string reproDirectory)
    {
        var path = Path.Combine(reproDirectory, GitIgnoreFileName);
        if (FileProbe.Inspect(path, followLinks: false) != FileKind.Missing)
        {
            string existing;
            try
            {
                existing = FileProbe.ReadAllText(path, 4096).Replace("\r\n", "\n");
            }
            catch (FileTooLargeException)
            {
                return false;
            }

            if (Array.IndexOf(EarlierTexts, existing) < 0)
            {
                return false;
            }
        }

        Directory.CreateDirectory(reproDirectory);
        return AtomicFile.WriteIfChanged(path, Encoding.UTF8.GetBytes(GitIgnoreText));
    }
}
