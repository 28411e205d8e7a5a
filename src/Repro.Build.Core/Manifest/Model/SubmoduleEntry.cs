namespace Repro.Build.Manifest;

public sealed class SubmoduleEntry
{
    [PartOf(ManifestPart.Both)]
    public string Path { get; set; } = "";

    /// <summary>The commit checked out in the submodule; null when it is not initialized.</summary>
    [PartOf(ManifestPart.Both)]
    public string? Commit { get; set; }

    /// <summary>True when the submodule has new commits, changes or untracked files; null when unknown.</summary>
    [PartOf(ManifestPart.None)]
    public bool? Dirty { get; set; }

    /// <summary>The URL without credentials.</summary>
    [PartOf(ManifestPart.None)]
    public string? Url { get; set; }
}
