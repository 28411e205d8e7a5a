using System;
using System.IO;
using System.Text;
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

    /// <summary>What <c>.repro/.gitignore</c> holds: everything local but the team's configuration and this file itself.</summary>
    public const string GitIgnoreText =
        "# Written by Repro.Build. Runs, the cache and config.local.json stay on this machine;\n"
        + "# config.json (the team's store remotes) and this file are committed.\n"
        + "*\n"
        + "!" + GitIgnoreFileName + "\n"
        + "!" + StoreConfigFile.FileName + "\n";

    // What earlier versions wrote: replaced by GitIgnoreText. Any other content is the user's and is left alone.
    private static readonly string[] EarlierTexts =
    {
        "# Run records of Repro.Runs: local to this machine unless added on purpose.\n*\n",
    };

    /// <summary>The <c>.repro</c> folder for <paramref name="startDirectory"/>: at the top of its git work tree, else in it.</summary>
    public static string Locate(string startDirectory) =>
        Path.Combine(Runs.RunStore.WorkTreeRoot(startDirectory) ?? Path.GetFullPath(startDirectory), Name);

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
