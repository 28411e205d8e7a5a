using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Repro.Build.Ci;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Build.Security;

namespace Repro.Build.Git;

/// <summary>
/// Captures the state of the repository that holds a project. HEAD, refs, tags, config, submodules and the commit
/// time are read by managed code; the dirty state and the patch come from one <c>git status</c> and, when dirty, one
/// <c>git diff</c> (the index's stat rules, filters and sparse checkouts are git's job). Never throws for a bad
/// repository: findings become diagnostics.
/// </summary>
public static class GitCapture
{
    public static GitSnapshot Capture(string projectDirectory, GitCaptureOptions options)
    {
        var diagnostics = new List<ReproDiagnostic>();
        GitRepositoryLocation? location;
        try
        {
            location = GitRepositoryLocator.Locate(projectDirectory);
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            diagnostics.Add(Unreadable(ex));
            return new GitSnapshot(null, null, null, diagnostics);
        }

        if (location is null)
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.NotInGitRepository,
                ReproDiagnosticSeverity.Warning,
                "The project is not in a git repository, so the manifest cannot record which code was built. " +
                "Put the project under git (git init, then commit), or set ReproGit=false to stop recording git."));
            return new GitSnapshot(null, null, null, diagnostics);
        }

        GitSection section;
        try
        {
            section = ReadManaged(location, options, diagnostics);
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            diagnostics.Add(Unreadable(ex));
            return new GitSnapshot(location.WorkingDirectory, null, null, diagnostics);
        }

        var patch = options.RunGit ? AddWorkingTreeState(location, section, options, diagnostics) : null;
        return new GitSnapshot(location.WorkingDirectory, section, patch, diagnostics);
    }

    private static GitSection ReadManaged(GitRepositoryLocation location, GitCaptureOptions options, List<ReproDiagnostic> diagnostics)
    {
        var config = GitConfig.Load(Path.Combine(location.CommonDirectory, "config"));
        var objectFormat = (config.Get("extensions.objectformat") ?? "sha1").ToLowerInvariant();
        if (objectFormat != "sha1" && objectFormat != "sha256")
        {
            throw new GitFormatException($"The repository uses the object format '{objectFormat}', which this reader does not know.");
        }

        var references = new GitReferenceReader(location);
        var head = references.ReadHead();
        if (head.MissingReference is not null)
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.HeadReferenceMissing,
                ReproDiagnosticSeverity.Warning,
                $"HEAD names '{head.MissingReference}', which does not exist, although the repository has other refs, so the manifest records no commit. " +
                "If you ran 'git checkout --orphan', commit to create the branch; otherwise the branch was deleted or its ref lost: check out an existing "
                    + "branch " +
                "(git branch -a lists them) or recreate it with 'git branch'. 'git status' shows what git makes of HEAD."));
        }

        var objects = new GitObjectReader(Path.Combine(location.CommonDirectory, "objects"), objectFormat);

        var section = new GitSection
        {
            Commit = head.Commit,
            Branch = head.Branch,
            ObjectFormat = objectFormat,
            Worktree = location.IsLinkedWorktree,
            Shallow = new FileInfo(Path.Combine(location.CommonDirectory, "shallow")) is { Exists: true, Length: > 0 },
            Remote = ReadRemote(config, head.Branch),
            Submodules = ReadSubmodules(location, config, diagnostics),
        };

        if (head.Commit is not null)
        {
            section.CommitTime = ReadCommitTime(objects, head.Commit);
            section.Tags = ReadTagsAt(references, objects, head.Commit);
        }

        if (head.Branch is null && CiDetector.Detect(options.GetEnvironmentVariable) is { } ci)
        {
            section.Ci = new CiRefSection { Provider = ci.Provider, Branch = ci.Branch, PullRequest = ci.PullRequest };
        }

        return section;
    }

    private static byte[]? AddWorkingTreeState(GitRepositoryLocation location, GitSection section, GitCaptureOptions options, List<ReproDiagnostic> diagnostics)
    {
        var git = new GitCommandRunner(options.GitExecutable, cancellation: options.Cancellation, belowNormalPriority: options.BelowNormalPriority);
        GitPatch patch;
        try
        {
            // The cheap status names untracked folders without walking them: enough to tell whether the tree is
            // dirty and, with the stat of what it names, whether the last build's patch still holds.
            var statusOutput = RunStatus(git, location, "normal");
            var status = GitStatus.Parse(statusOutput);
            section.Dirty = status.IsDirty;
            section.Changes = status.Changes;
            foreach (var submodule in section.Submodules)
            {
                submodule.Dirty = status.DirtySubmodules.Contains(submodule.Path);
            }

            if (!status.IsDirty)
            {
                return null;
            }

            if (options.MaxPatchBytes == 0)
            {
                // ReproPatchMaxBytes=0: the dirty state only, no patch content, nothing to warn about.
                section.Changes = GitStatus.Parse(RunStatus(git, location, "all")).Changes;
                return null;
            }

            (patch, section.Changes) = BuildPatchOnce(git, location, section, statusOutput, status, options);
        }
        catch (Exception ex) when (ex is GitExecutableNotFoundException or GitCommandException or GitFormatException)
        {
            section.Dirty = null;
            section.Changes = null;
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.GitStatusUnavailable,
                ReproDiagnosticSeverity.Warning,
                $"Repro.Build could not tell whether the working tree has uncommitted changes, so 'dirty' is null in the manifest: {ex.Message} " +
                "Install git and put it on PATH (the commit and branch are recorded without it), or set ReproGitStatus=false to skip this check."));
            return null;
        }
        catch (Exception ex) when (ReadFailure.IsExpected(ex))
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.GitStatusUnavailable,
                ReproDiagnosticSeverity.Warning,
                $"The working tree is dirty but its patch could not be made, so the manifest has no patch: {ex.Message}"));
            return null;
        }

        var special = patch.Omitted.Where(o => o.Reason == "special-file").Select(o => o.Path).ToList();
        if (special.Count > 0)
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.WorkingTreeSpecialFile,
                ReproDiagnosticSeverity.Warning,
                $"The working tree holds untracked files that are not regular files (FIFOs, devices or sockets), which were not read: "
                    + $"{string.Join(", ", special.Take(5))}{(special.Count > 5 ? $" and {special.Count - 5} more" : "")}. " +
                "Delete them or add them to .gitignore."));
        }

        section.Untracked = patch.Untracked;
        section.PatchSha256 = patch.Sha256;
        section.PatchTruncated = patch.Truncated;
        section.PatchOmitted = patch.Omitted
            .OrderBy(o => o.Path, StringComparer.Ordinal)
            .Select(o => new OmittedFileEntry { Path = o.Path, Reason = o.Reason })
            .ToList();
        if (patch.Truncated)
        {
            var cut = patch.Omitted.Count(o => o.Reason == "size-cap");
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.PatchTruncated,
                ReproDiagnosticSeverity.Warning,
                string.Format(CultureInfo.InvariantCulture,
                    "The uncommitted changes exceed the patch size cap of {0:0.#} MiB: {1} changed file(s) are not in the patch, so this build cannot be fully "
                        + "reproduced from the manifest. " +
                    "Commit the changes, or raise ReproPatchMaxBytes.",
                    options.MaxPatchBytes / (1024.0 * 1024.0), cut)));
        }

        return patch.Content;
    }

    /// <summary>
    /// The patch for this state of the working tree: from the cache in the git folder when nothing changed since a
    /// build made it (no file content read), else built under the repository's lock, so that the nodes of a -m build
    /// build it once between them.
    /// </summary>
    private static (GitPatch, GitChanges) BuildPatchOnce(GitCommandRunner git, GitRepositoryLocation location, GitSection section, byte[] statusOutput,
        GitStatus status, GitCaptureOptions options)
    {
        var cache = WorkingTreeCache.For(location);
        var key = WorkingTreeCache.ComputeKey(location, section.Commit, section.ObjectFormat, statusOutput, status, options.MaxPatchBytes);
        if (cache.TryLoad(key) is { } cached)
        {
            return cached;
        }

        using (cache.Lock(options.Cancellation))
        {
            if (cache.TryLoad(key) is { } builtMeanwhile)
            {
                return builtMeanwhile;
            }

            // Something changed: now every untracked file by name.
            var full = GitStatus.Parse(RunStatus(git, location, "all"));
            var changes = full.Changes;
            var hashes = cache.LoadHashes();
            var patch = GitPatchBuilder.Build(git, location.WorkingDirectory, section.Commit, section.ObjectFormat, full, options.MaxPatchBytes, hashes,
                options.Cancellation);
            cache.Save(key, patch, changes);
            cache.SaveHashes(hashes);
            return (patch, changes);
        }
    }

    private static byte[] RunStatus(GitCommandRunner git, GitRepositoryLocation location, string untrackedFiles) =>
        git.Run(location.WorkingDirectory,
            new[] { "--no-optional-locks", "status", "--porcelain=v2", "-z", "--untracked-files=" + untrackedFiles, "--ignore-submodules=none" },
            maxOutputBytes: 256L * 1024 * 1024, out _);

    private static string? ReadRemote(GitConfig config, string? branch)
    {
        var remoteName = branch is null ? null : config.Get("branch." + branch + ".remote");
        if (remoteName is null || remoteName == "." || config.Get("remote." + remoteName + ".url") is null)
        {
            remoteName = "origin";
        }

        var url = config.Get("remote." + remoteName + ".url");
        return url is null ? null : UrlSanitizer.Sanitize(ApplyInsteadOf(config, url));
    }

    /// <summary>Applies the longest matching <c>url.&lt;base&gt;.insteadOf</c> rewrite, as git does before connecting.</summary>
    internal static string ApplyInsteadOf(GitConfig config, string url)
    {
        string? bestBase = null;
        var bestPrefix = "";
        foreach (var entry in config.Entries)
        {
            var (section, subsection, name) = GitConfig.SplitKey(entry.Key);
            if (section == "url" && subsection is not null && name == "insteadof"
                && url.StartsWith(entry.Value, StringComparison.Ordinal) && entry.Value.Length > bestPrefix.Length)
            {
                bestBase = subsection;
                bestPrefix = entry.Value;
            }
        }

        return bestBase is null ? url : bestBase + url.Substring(bestPrefix.Length);
    }

    /// <summary>
    /// The submodules listed in <c>.gitmodules</c>. A submodule that cannot be read costs only its own commit (null, with
    /// a warning that names it), never the parent's section.
    /// </summary>
    private static List<SubmoduleEntry> ReadSubmodules(GitRepositoryLocation location, GitConfig config, List<ReproDiagnostic> diagnostics)
    {
        var gitmodules = Path.Combine(location.WorkingDirectory, ".gitmodules");
        var submodules = new List<SubmoduleEntry>();
        if (!File.Exists(gitmodules))
        {
            return submodules;
        }

        var modules = GitConfig.Load(gitmodules);
        foreach (var (name, path) in modules.SubmodulePaths())
        {
            var url = config.Get("submodule." + name + ".url") ?? modules.Get("submodule." + name + ".url");
            submodules.Add(new SubmoduleEntry
            {
                Path = path,
                Url = url is null ? null : UrlSanitizer.Sanitize(ApplyInsteadOf(config, url)),
                Commit = ReadSubmoduleHead(location.WorkingDirectory, path, diagnostics),
            });
        }

        submodules.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return submodules;
    }

    private static string? ReadSubmoduleHead(string workingDirectory, string path, List<ReproDiagnostic> diagnostics)
    {
        try
        {
            var directory = Path.Combine(workingDirectory, path.Replace('/', Path.DirectorySeparatorChar));
            var dotGit = Path.Combine(directory, ".git");
            if (!File.Exists(dotGit) && !Directory.Exists(dotGit))
            {
                return null; // not initialized
            }

            var location = GitRepositoryLocator.Locate(directory);
            return location is null ? null : new GitReferenceReader(location).ReadHead().Commit;
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            diagnostics.Add(new ReproDiagnostic(
                DiagnosticIds.GitRepositoryUnreadable,
                ReproDiagnosticSeverity.Warning,
                $"The submodule '{path}' could not be read, so its commit is null in the manifest (the rest of the git section is recorded): {ex.Message} " +
                $"Run 'git submodule status' to see what git makes of it, and 'git submodule update --init -- {path}' to check it out again."));
            return null;
        }
    }

    private static string? ReadCommitTime(GitObjectReader objects, string commit)
    {
        var commitObject = objects.TryRead(commit);
        if (commitObject is null || commitObject.Type != GitObjectType.Commit)
        {
            return null;
        }

        foreach (var line in HeaderLines(commitObject.Content))
        {
            if (!line.StartsWith("committer ", StringComparison.Ordinal))
            {
                continue;
            }

            // committer Name <email> 1700000000 +0100
            var parts = line.Substring(line.LastIndexOf('>') + 1).Trim().Split(' ');
            if (parts.Length >= 1 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static List<string> ReadTagsAt(GitReferenceReader references, GitObjectReader objects, string commit)
    {
        var tags = new List<string>();
        foreach (var (name, objectId, peeled) in references.EnumerateReferences("refs/tags/"))
        {
            var target = peeled ?? objectId;
            if (peeled is null && target != commit)
            {
                target = Peel(objects, target);
            }

            if (target == commit)
            {
                tags.Add(name.Substring("refs/tags/".Length));
            }
        }

        return tags;
    }

    private static string Peel(GitObjectReader objects, string objectId)
    {
        for (var depth = 0; depth < 8; depth++)
        {
            var tag = objects.TryRead(objectId);
            if (tag is null || tag.Type != GitObjectType.Tag)
            {
                return objectId;
            }

            var objectLine = HeaderLines(tag.Content).FirstOrDefault(l => l.StartsWith("object ", StringComparison.Ordinal));
            if (objectLine is null)
            {
                return objectId;
            }

            objectId = objectLine.Substring("object ".Length).Trim();
        }

        return objectId;
    }

    private static IEnumerable<string> HeaderLines(byte[] content)
    {
        // Headers end at the first empty line; the message follows.
        var end = 0;
        while (end < content.Length && !(content[end] == (byte)'\n' && (end == 0 || content[end - 1] == (byte)'\n')))
        {
            end++;
        }

        return Encoding.UTF8.GetString(content, 0, end).Split('\n');
    }

    private static bool IsReadFailure(Exception ex) => ex is GitFormatException || ReadFailure.IsExpected(ex);

    private static ReproDiagnostic Unreadable(Exception ex) => new(
        DiagnosticIds.GitRepositoryUnreadable,
        ReproDiagnosticSeverity.Warning,
        $"The git repository of the project could not be read, so the manifest records no git information: {ex.Message} " +
        "Check that 'git status' works in the project folder.");
}
