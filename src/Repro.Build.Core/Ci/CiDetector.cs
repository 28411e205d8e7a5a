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
            if (headRef is not null)
            {
                return new CiInfo("github-actions", headRef, PullNumber(reference, "refs/pull/"));
            }

            return new CiInfo("github-actions", Get("GITHUB_REF_TYPE") == "branch" ? Get("GITHUB_REF_NAME") : StripPrefix(reference, "refs/heads/"), null);
        }

        if (Is(Get("TF_BUILD")))
        {
            var prBranch = Get("SYSTEM_PULLREQUEST_SOURCEBRANCH");
            if (prBranch is not null)
            {
                return new CiInfo("azure-pipelines", StripPrefix(prBranch, "refs/heads/"),
                    Get("SYSTEM_PULLREQUEST_PULLREQUESTNUMBER") ?? Get("SYSTEM_PULLREQUEST_PULLREQUESTID"));
            }

            return new CiInfo("azure-pipelines", StripPrefix(Get("BUILD_SOURCEBRANCH"), "refs/heads/"), null);
        }

        if (Is(Get("GITLAB_CI")))
        {
            var mrBranch = Get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME");
            return mrBranch is not null
                ? new CiInfo("gitlab", mrBranch, Get("CI_MERGE_REQUEST_IID"))
                : new CiInfo("gitlab", Get("CI_COMMIT_BRANCH"), null);
        }

        if (Get("JENKINS_URL") is not null)
        {
            var changeId = Get("CHANGE_ID");
            return changeId is not null
                ? new CiInfo("jenkins", Get("CHANGE_BRANCH"), changeId)
                : new CiInfo("jenkins", Get("BRANCH_NAME") ?? StripPrefix(Get("GIT_BRANCH"), "origin/"), null);
        }

        if (Get("BITBUCKET_BUILD_NUMBER") is not null)
        {
            return new CiInfo("bitbucket", Get("BITBUCKET_BRANCH"), Get("BITBUCKET_PR_ID"));
        }

        if (Is(Get("CIRCLECI")))
        {
            return new CiInfo("circleci", Get("CIRCLE_BRANCH"), Get("CIRCLE_PR_NUMBER") ?? LastSegment(Get("CIRCLE_PULL_REQUEST")));
        }

        if (Is(Get("BUILDKITE")))
        {
            var pr = Get("BUILDKITE_PULL_REQUEST");
            return new CiInfo("buildkite", Get("BUILDKITE_BRANCH"), pr == "false" ? null : pr);
        }

        if (Is(Get("TRAVIS")))
        {
            var pr = Get("TRAVIS_PULL_REQUEST");
            return new CiInfo("travis", Get("TRAVIS_PULL_REQUEST_BRANCH") ?? Get("TRAVIS_BRANCH"), pr == "false" ? null : pr);
        }

        if (Is(Get("APPVEYOR")))
        {
            return new CiInfo("appveyor", Get("APPVEYOR_PULL_REQUEST_HEAD_REPO_BRANCH") ?? Get("APPVEYOR_REPO_BRANCH"), Get("APPVEYOR_PULL_REQUEST_NUMBER"));
        }

        if (Get("TEAMCITY_VERSION") is not null)
        {
            return new CiInfo("teamcity", null, null);
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
