using System.Text;
using Repro.Build.Git;
using Repro.Build.Manifest;

namespace Repro.Tool.Services;

/// <summary>
/// The submodules of the sources <c>rebuild</c> gives back: initialized recursively at the commit's pointers, cloned
/// from the checkout's own submodule where it has one (no network, and it has the commit the build used), else from the
/// URL in <c>.gitmodules</c>; then each moved to the commit the manifest recorded, when the build had another.
/// </summary>
internal static class SubmoduleCheckout
{
    // Submodules cloned from local paths or file:// URLs: git refuses the file transport for submodules unless allowed
    // (CVE-2022-39253). The repository is the user's own, recorded by their build. Set through the environment so that
    // the nested clones git starts see it too.
    private static readonly IReadOnlyDictionary<string, string> AllowLocalClones = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GIT_CONFIG_COUNT"] = "1",
        ["GIT_CONFIG_KEY_0"] = "protocol.file.allow",
        ["GIT_CONFIG_VALUE_0"] = "always",
    };

    public static IReadOnlyList<SubmoduleState> Restore(GitCommandRunner git, string checkout, string output, IReadOnlyList<SubmoduleEntry> recorded)
    {
        var declared = Declared(output);
        if (declared.Count == 0)
        {
            return recorded.Select(r => new SubmoduleState(r.Path, r.Commit, null)).ToList();
        }

        var borrowed = false;
        foreach (var (name, path) in declared)
        {
            var local = Path.Combine(checkout, path.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(Path.Combine(local, ".git")) || Directory.Exists(Path.Combine(local, ".git")))
            {
                Git(git, output, "config", "submodule." + name + ".url", local);
                borrowed = true;
            }
        }

        try
        {
            Git(git, output, "submodule", "--quiet", "update", "--init", "--recursive");
        }
        catch (GitCommandException) when (borrowed)
        {
            // The checkout's submodule lacks a commit: fetch from where .gitmodules points instead.
            try
            {
                Git(git, output, "submodule", "--quiet", "sync", "--recursive");
                Git(git, output, "submodule", "--quiet", "update", "--init", "--recursive");
            }
            catch (GitCommandException ex)
            {
                throw NotFetched(ex);
            }
        }
        catch (GitCommandException ex)
        {
            throw NotFetched(ex);
        }

        var states = new List<SubmoduleState>();
        foreach (var (_, path) in declared)
        {
            var directory = Path.Combine(output, path.Replace('/', Path.DirectorySeparatorChar));
            var wanted = recorded.FirstOrDefault(r => r.Path == path)?.Commit;
            var head = Head(git, directory);
            if (wanted is not null && wanted != head)
            {
                // The build ran with the submodule at another commit than the parent's pointer (new commits in it).
                try
                {
                    if (!HasCommit(git, directory, wanted))
                    {
                        Git(git, directory, "fetch", "--quiet", "origin", wanted);
                    }

                    Git(git, directory, "-c", "advice.detachedHead=false", "checkout", "--quiet", "--detach", wanted);
                    Git(git, directory, "submodule", "--quiet", "update", "--init", "--recursive");
                }
                catch (GitCommandException ex)
                {
                    throw RebuildService.Cannot($"The submodule '{path}' was at commit {wanted} when the build ran, and that commit could not be " +
                        $"fetched ({Reason(ex)}): push it to the submodule's repository, or check it out in the checkout's submodule, and run rebuild again.");
                }

                head = Head(git, directory);
            }

            states.Add(new SubmoduleState(path, wanted, head));
        }

        foreach (var gone in recorded.Where(r => declared.All(d => d.Path != r.Path)))
        {
            states.Add(new SubmoduleState(gone.Path, gone.Commit, null)); // recorded, but not a submodule of the commit
        }

        return states;
    }

    /// <summary>(name, path) of every submodule in the commit's <c>.gitmodules</c>, as the build's capture reads them.</summary>
    private static List<(string Name, string Path)> Declared(string output)
    {
        try
        {
            return GitConfig.Load(Path.Combine(output, ".gitmodules")).SubmodulePaths(); // none without the file
        }
        catch (Exception ex) when (ex is GitFormatException || Repro.Build.IO.ReadFailure.IsExpected(ex))
        {
            throw RebuildService.Cannot("The commit's .gitmodules could not be read: " + ex.Message);
        }
    }

    private static string? Head(GitCommandRunner git, string directory)
    {
        try
        {
            return Encoding.UTF8.GetString(git.Run(directory, new[] { "rev-parse", "HEAD" }, 4096, out _)).Trim();
        }
        catch (GitCommandException)
        {
            return null;
        }
    }

    private static bool HasCommit(GitCommandRunner git, string directory, string commit)
    {
        try
        {
            git.Run(directory, new[] { "cat-file", "-e", commit + "^{commit}" }, 4096, out _);
            return true;
        }
        catch (GitCommandException)
        {
            return false;
        }
    }

    private static void Git(GitCommandRunner git, string directory, params string[] arguments) =>
        git.Run(directory, arguments, 1024 * 1024, out _, input: null, environment: AllowLocalClones);

    private static Repro.Tool.Input.ToolInputException NotFetched(GitCommandException ex) =>
        RebuildService.Cannot($"A submodule could not be fetched ({Reason(ex)}): rebuild gives back the sources with their submodules; make the " +
            $"submodule's repository reachable (its URL in .gitmodules, or 'git submodule update --init' in the checkout) and run rebuild again.");

    /// <summary>git's own reason (its last fatal or error line), not its progress lines; already free of credentials.</summary>
    private static string Reason(GitCommandException ex)
    {
        var lines = ex.StandardError.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var reason = lines.LastOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal));
        return reason ?? (lines.Count > 0 ? lines[^1] : ex.Message);
    }
}
