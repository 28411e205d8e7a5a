using System.Collections.Generic;

namespace Repro.Build.Manifest;

public sealed class GitSection
{
    /// <summary>The full hex object id of HEAD; null on an unborn branch (a repository with no commits yet).</summary>
    [PartOf(ManifestPart.Both)]
    public string? Commit { get; set; }

    /// <summary>The short branch name HEAD points at; null when HEAD is detached.</summary>
    [PartOf(ManifestPart.None)]
    public string? Branch { get; set; }

    /// <summary>The committer time of HEAD, ISO 8601 in UTC; null when the commit object cannot be read.</summary>
    [PartOf(ManifestPart.None)]
    public string? CommitTime { get; set; }

    /// <summary>Tags that point at HEAD (annotated tags peeled), sorted.</summary>
    [PartOf(ManifestPart.None)]
    public List<string> Tags { get; set; } = [];

    /// <summary>True when a tracked file differs from HEAD or an untracked, non-ignored file exists; null when unknown (git could not run).</summary>
    [PartOf(ManifestPart.Embedded)]
    public bool? Dirty { get; set; }

    [PartOf(ManifestPart.None)]
    public GitChanges? Changes { get; set; }

    /// <summary>The name of the patch file beside the manifest, when the tree is dirty.</summary>
    [PartOf(ManifestPart.None)]
    public string? Patch { get; set; }

    [PartOf(ManifestPart.Both)]
    public string? PatchSha256 { get; set; }

    /// <summary>True when the size cap left changes out of the patch (see <see cref="PatchOmitted"/>).</summary>
    [PartOf(ManifestPart.None)]
    public bool PatchTruncated { get; set; }

    /// <summary>Changed files the patch does not carry, and why: secrets, untracked binaries, the size cap.</summary>
    [PartOf(ManifestPart.None)]
    public List<OmittedFileEntry> PatchOmitted { get; set; } = [];

    /// <summary>Untracked files listed by path, size and hash rather than carried in the patch (docs/manifest.md, "The patch").</summary>
    [PartOf(ManifestPart.None)]
    public List<UntrackedEntry> Untracked { get; set; } = [];

    /// <summary>The upstream (or origin) remote's URL without any user info, query or fragment.</summary>
    [PartOf(ManifestPart.None)]
    public string? Remote { get; set; }

    [PartOf(ManifestPart.None)]
    public bool Shallow { get; set; }

    /// <summary>True when the project is in a linked worktree (<c>git worktree add</c>).</summary>
    [PartOf(ManifestPart.None)]
    public bool Worktree { get; set; }

    /// <summary><c>sha1</c> or <c>sha256</c>.</summary>
    [PartOf(ManifestPart.None)]
    public string ObjectFormat { get; set; } = "sha1";

    [PartOf(ManifestPart.Both)]
    public List<SubmoduleEntry> Submodules { get; set; } = [];

    /// <summary>What the CI service says the build is for, recorded when HEAD is detached (as CI checkouts are).</summary>
    [PartOf(ManifestPart.None)]
    public CiRefSection? Ci { get; set; }

    internal GitSection Clone() => (GitSection)MemberwiseClone();
}
