namespace Repro.Build.Manifest;

/// <summary>How many paths differ, as <c>git status</c> counts them.</summary>
public sealed class GitChanges
{
    /// <summary>Paths whose index entry differs from HEAD.</summary>
    [PartOf(ManifestPart.None)]
    public int Staged { get; set; }

    /// <summary>Paths whose working-tree file differs from the index (unmerged paths count here).</summary>
    [PartOf(ManifestPart.None)]
    public int Unstaged { get; set; }

    /// <summary>Untracked, non-ignored files.</summary>
    [PartOf(ManifestPart.None)]
    public int Untracked { get; set; }
}
