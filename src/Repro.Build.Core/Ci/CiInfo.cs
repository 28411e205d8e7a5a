namespace Repro.Build.Ci;

/// <summary>What a CI service says about the build: which service, and the branch and pull request it builds.</summary>
public sealed class CiInfo
{
    public CiInfo(string provider, string? branch, string? pullRequest, string? runId = null, string? runUrl = null)
    {
        Provider = provider;
        Branch = branch;
        PullRequest = pullRequest;
        RunId = runId;
        RunUrl = runUrl;
    }

    /// <summary>A stable name: <c>github-actions</c>, <c>azure-pipelines</c>, <c>gitlab</c>, <c>jenkins</c>, …</summary>
    public string Provider { get; }

    public string? Branch { get; }

    /// <summary>The pull or merge request number, when the build is for one.</summary>
    public string? PullRequest { get; }

    public string? RunId { get; }

    /// <summary>The run's web page as the service names it (not yet sanitized).</summary>
    public string? RunUrl { get; }
}
