using System.Collections.Generic;
using Repro.Build.Ci;

namespace Repro.Build.Core.Tests;

public sealed class CiDetectorTests
{
    private static CiInfo? Detect(params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string>();
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return CiDetector.Detect(name => environment.TryGetValue(name, out var value) ? value : null);
    }

    [Fact]
    public void No_CI_variables_means_no_CI() => Assert.Null(Detect(("PATH", "/bin")));

    [Fact]
    public void GitHub_Actions_branch_push()
    {
        var ci = Detect(("GITHUB_ACTIONS", "true"), ("GITHUB_REF", "refs/heads/main"), ("GITHUB_REF_NAME", "main"), ("GITHUB_REF_TYPE", "branch"))!;
        Assert.Equal(("github-actions", "main", (string?)null), (ci.Provider, ci.Branch, ci.PullRequest));
    }

    [Fact]
    public void Azure_Pipelines_pull_request()
    {
        var ci = Detect(("TF_BUILD", "True"), ("SYSTEM_PULLREQUEST_SOURCEBRANCH", "refs/heads/topic"), ("SYSTEM_PULLREQUEST_PULLREQUESTNUMBER", "17"), ("BUILD_SOURCEBRANCH", "refs/pull/17/merge"))!;
        Assert.Equal(("azure-pipelines", "topic", "17"), (ci.Provider, ci.Branch, ci.PullRequest));
    }

    [Fact]
    public void GitLab_merge_request_and_branch()
    {
        var mr = Detect(("GITLAB_CI", "true"), ("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "fix"), ("CI_MERGE_REQUEST_IID", "5"))!;
        Assert.Equal(("gitlab", "fix", "5"), (mr.Provider, mr.Branch, mr.PullRequest));
        var push = Detect(("GITLAB_CI", "true"), ("CI_COMMIT_BRANCH", "main"))!;
        Assert.Equal("main", push.Branch);
    }

    [Fact]
    public void Jenkins_strips_the_remote_from_GIT_BRANCH()
    {
        var ci = Detect(("JENKINS_URL", "http://ci/"), ("GIT_BRANCH", "origin/release"))!;
        Assert.Equal(("jenkins", "release", (string?)null), (ci.Provider, ci.Branch, ci.PullRequest));
    }

    [Fact]
    public void Buildkite_without_pull_request()
    {
        var ci = Detect(("BUILDKITE", "true"), ("BUILDKITE_BRANCH", "main"), ("BUILDKITE_PULL_REQUEST", "false"))!;
        Assert.Null(ci.PullRequest);
    }
}
