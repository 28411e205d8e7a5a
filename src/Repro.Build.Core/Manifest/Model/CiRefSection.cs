namespace Repro.Build.Manifest;

public sealed class CiRefSection
{
    /// <summary>The CI service the values come from (<c>github-actions</c>, <c>azure-pipelines</c>, <c>gitlab</c>, …).</summary>
    [PartOf(ManifestPart.None)]
    public string Provider { get; set; } = "";

    [PartOf(ManifestPart.None)]
    public string? Branch { get; set; }

    [PartOf(ManifestPart.None)]
    public string? PullRequest { get; set; }
}
