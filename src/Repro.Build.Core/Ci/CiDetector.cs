using System;

namespace Repro.Build.Ci;

/// <summary>Recognizes the CI service from its environment variables. Only names, branches and numbers are read.</summary>
public static class CiDetector
{
    public static CiInfo? Detect(Func<string, string?> getVariable)
    {
        string? Get(string name) => getVariable(name) is { Length: > 0 } value ? value.Trim() : null;

        if (Is(Get("GITHUB_ACTIONS")))
        {
            var headRef = Get("GITHUB_HEAD_REF");
            var reference = Get("GITHUB_REF");
            var runId = Get("GITHUB_RUN_ID");
            var url = Get("GITHUB_SERVER_URL") is { } server && Get("GITHUB_REPOSITORY") is { } repository && runId is not null
                ? $"{server.TrimEnd('/')}/{repository}/actions/runs/{runId}"
                : null;
            return headRef is not null
                ? new CiInfo("github-actions", headRef, PullNumber(reference, "refs/pull/"), runId, url)
                : new CiInfo("github-actions", Get("GITHUB_REF_TYPE") == "branch" ? Get("GITHUB_REF_NAME") : StripPrefix(reference, "refs/heads/"), null, runId,
                    url);
        }

        if (Is(Get("TF_BUILD")))
        {
            var runId = Get("BUILD_BUILDID");
            var url = Get("SYSTEM_COLLECTIONURI") is { } collection && Get("SYSTEM_TEAMPROJECT") is { } project && runId is not null
                ? $"{collection.TrimEnd('/')}/{project}/_build/results?buildId={runId}"
                : null;
            var prBranch = Get("SYSTEM_PULLREQUEST_SOURCEBRANCH");
            return prBranch is not null
                ? new CiInfo("azure-pipelines", StripPrefix(prBranch, "refs/heads/"), Get("SYSTEM_PULLREQUEST_PULLREQUESTNUMBER")
                    ?? Get("SYSTEM_PULLREQUEST_PULLREQUESTID"), runId, url)
                : new CiInfo("azure-pipelines", StripPrefix(Get("BUILD_SOURCEBRANCH"), "refs/heads/"), null, runId, url);
        }

        if (Is(Get("GITLAB_CI")))
        {
            var mrBranch = Get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME");
            return mrBranch is not null
                ? new CiInfo("gitlab", mrBranch, Get("CI_MERGE_REQUEST_IID"), Get("CI_PIPELINE_ID"), Get("CI_PIPELINE_URL"))
                : new CiInfo("gitlab", Get("CI_COMMIT_BRANCH"), null, Get("CI_PIPELINE_ID"), Get("CI_PIPELINE_URL"));
        }

        if (Get("JENKINS_URL") is not null)
        {
            var changeId = Get("CHANGE_ID");
            return changeId is not null
                ? new CiInfo("jenkins", Get("CHANGE_BRANCH"), changeId, Get("BUILD_ID"), Get("BUILD_URL"))
                : new CiInfo("jenkins", Get("BRANCH_NAME") ?? StripPrefix(Get("GIT_BRANCH"), "origin/"), null, Get("BUILD_ID"), Get("BUILD_URL"));
        }

        if (Get("BITBUCKET_BUILD_NUMBER") is not null)
        {
            return new CiInfo("bitbucket", Get("BITBUCKET_BRANCH"), Get("BITBUCKET_PR_ID"), Get("BITBUCKET_BUILD_NUMBER"), null);
        }

        if (Is(Get("CIRCLECI")))
        {
            return new CiInfo("circleci", Get("CIRCLE_BRANCH"), Get("CIRCLE_PR_NUMBER") ?? LastSegment(Get("CIRCLE_PULL_REQUEST")), Get("CIRCLE_BUILD_NUM"),
                Get("CIRCLE_BUILD_URL"));
        }

        if (Is(Get("BUILDKITE")))
        {
            var pr = Get("BUILDKITE_PULL_REQUEST");
            return new CiInfo("buildkite", Get("BUILDKITE_BRANCH"), pr == "false" ? null : pr, Get("BUILDKITE_BUILD_ID"), Get("BUILDKITE_BUILD_URL"));
        }

        if (Is(Get("TRAVIS")))
        {
            var pr = Get("TRAVIS_PULL_REQUEST");
            return new CiInfo("travis", Get("TRAVIS_PULL_REQUEST_BRANCH") ?? Get("TRAVIS_BRANCH"), pr == "false" ? null : pr, Get("TRAVIS_BUILD_ID"),
                Get("TRAVIS_BUILD_WEB_URL"));
        }

        if (Is(Get("APPVEYOR")))
        {
            return new CiInfo("appveyor", Get("APPVEYOR_PULL_REQUEST_HEAD_REPO_BRANCH") ?? Get("APPVEYOR_REPO_BRANCH"), Get("APPVEYOR_PULL_REQUEST_NUMBER"),
                Get("APPVEYOR_BUILD_ID"), null);
        }

        if (Get("TEAMCITY_VERSION") is not null)
        {
            return new CiInfo("teamcity", null, null, Get("BUILD_NUMBER"), null);
        }

        if (Is(Get("CI")))
        {
            return new CiInfo("unknown", null, null);
        }

        return null;
    }

    private static bool Is(string? value) =>
        value is not null && (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1");

    private static string? StripPrefix(string? value, string prefix) =>
        value is not null && value.StartsWith(prefix, StringComparison.Ordinal) ? value.Substring(prefix.Length) : value;

    private static string? PullNumber(string? reference, string prefix)
    {
        // refs/pull/123/merge
        var rest = StripPrefix(reference, prefix);
        if (rest is null || ReferenceEquals(rest, reference))
        {
            return null;
        }

        var slash = rest.IndexOf('/');
        return slash > 0 ? rest.Substring(0, slash) : rest;
    }

    private static string? LastSegment(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var slash = url.TrimEnd('/').LastIndexOf('/');
        return slash >= 0 ? url.Substring(slash + 1) : url;
    }
}
