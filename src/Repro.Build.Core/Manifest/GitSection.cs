using System.Collections.Generic;

namespace Repro.Build.Manifest;

public sealed class GitSection
{
    /// <summary>The full hex object id of HEAD; null on an unborn branch (a repository with no commits yet).</summary>
    public string? Commit { get; set; }

    /// <summary>The short branch name HEAD points at; null when HEAD is detached.</summary>
    public string? Branch { get; set; }

    /// <summary>The committer time of HEAD, ISO 8601 in UTC; null when the commit object cannot be read.</summary>
    public string? CommitTime { get; set; }

    /// <summary>Tags that point at HEAD (annotated tags peeled), sorted.</summary>
    public List<string> Tags { get; set; } = new();

    /// <summary>True when a tracked file differs from HEAD or an untracked, non-ignored file exists; null when unknown (git could not run).</summary>
    public bool? Dirty { get; set; }

    public GitChanges? Changes { get; set; }

    /// <summary>The name of the patch file beside the manifest, when the tree is dirty.</summary>
    public string? Patch { get; set; }

    public string? PatchSha256 { get; set; }

    /// <summary>True when the size cap left changes out of the patch (see <see cref="PatchOmitted"/>).</summary>
    public bool PatchTruncated { get; set; }

    /// <summary>Changed files the patch does not carry, and why: secrets, untracked binaries, the size cap.</summary>
    public List<OmittedFileEntry> PatchOmitted { get; set; } = new();

    /// <summary>The upstream (or origin) remote's URL without any user info, query or fragment.</summary>
    /// <summary>Untracked files listed by path, size and hash rather than carried in the patch (docs/manifest.md, "The patch").</summary>
    public List<UntrackedEntry> Untracked { get; set; } = new();

    public string? Remote { get; set; }

    public bool Shallow { get; set; }

    /// <summary>True when the project is in a linked worktree (<c>git worktree add</c>).</summary>
    public bool Worktree { get; set; }

    /// <summary><c>sha1</c> or <c>sha256</c>.</summary>
    public string ObjectFormat { get; set; } = "sha1";

    public List<SubmoduleEntry> Submodules { get; set; } = new();

    /// <summary>What the CI service says the build is for, recorded when HEAD is detached (as CI checkouts are).</summary>
    public CiRefSection? Ci { get; set; }

    internal GitSection Clone() => (GitSection)MemberwiseClone();
}
