namespace Repro.Build.Ci;

/// <summary>What a CI service says about the build: which service, and the branch and pull request it builds.</summary>
public sealed class CiInfo
{
    public CiInfo(string provider, string? branch, string? pullRequest)
    {
        Provider = provider;
        Branch = branch;
        PullRequest = pullRequest;
    }

    /// <summary>A stable name: <c>github-actions</c>, <c>azure-pipelines</c>, <c>gitlab</c>, <c>jenkins</c>, …</summary>
    public string Provider { get; }

    public string? Branch { get; }

    /// <summary>The pull or merge request number, when the build is for one.</summary>
    public string? PullRequest { get; }
}
