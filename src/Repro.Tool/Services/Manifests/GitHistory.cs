using System.Text;
using Repro.Build.Git;
using Repro.Build.IO;

namespace Repro.Tool.Services;

/// <summary>Asks the repository around a folder for the commits between two recorded commits.</summary>
public static class GitHistory
{
    public const int MaxCommits = 50;

    public static CommitRange Between(string from, string to, IEnumerable<string> searchFolders)
    {
        var location = searchFolders.Select(LocateQuietly).FirstOrDefault(l => l is not null);
        if (location is null)
        {
            return new CommitRange(from, to, Array.Empty<string>(), false, "no git repository here or beside the manifests");
        }

        var runner = new GitCommandRunner(timeout: TimeSpan.FromSeconds(20));
        var root = location.WorkingDirectory;
        try
        {
            foreach (var commit in new[] { from, to })
            {
                runner.Run(root, new[] { "cat-file", "-e", commit + "^{commit}" }, 1024, out _);
            }
        }
        catch (GitCommandException)
        {
            return new CommitRange(from, to, Array.Empty<string>(), false, "the repository does not have both commits (fetch them to see the log)");
        }
        catch (GitExecutableNotFoundException ex)
        {
            return new CommitRange(from, to, Array.Empty<string>(), false, ex.Message);
        }

        try
        {
            var output = runner.Run(root, new[] { "log", "--oneline", "--no-decorate", "--no-color", "-n", (MaxCommits
                + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), from + ".." + to }, 1024 * 1024, out _);
            var lines = Encoding.UTF8.GetString(output).Split('\n').Where(l => l.Length > 0).ToList();
            var truncated = lines.Count > MaxCommits;
            return new CommitRange(from, to, lines.Take(MaxCommits).ToList(), truncated, null);
        }
        catch (GitCommandException ex)
        {
            return new CommitRange(from, to, Array.Empty<string>(), false, ex.Message);
        }
    }

    private static GitRepositoryLocation? LocateQuietly(string folder)
    {
        try
        {
            return GitRepositoryLocator.Locate(folder);
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            return null;
        }
    }
}
