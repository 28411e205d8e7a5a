namespace Repro.Build.Manifest;

public sealed class CiRefSection
{
    /// <summary>The CI service the values come from (<c>github-actions</c>, <c>azure-pipelines</c>, <c>gitlab</c>, …).</summary>
    public string Provider { get; set; } = "";

    public string? Branch { get; set; }

    public string? PullRequest { get; set; }
}
