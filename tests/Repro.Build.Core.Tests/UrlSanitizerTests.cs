using Repro.Build.Security;

namespace Repro.Build.Core.Tests;

public sealed class UrlSanitizerTests
{
    [Theory]
    [InlineData("https://github.com/org/repo.git", "https://github.com/org/repo.git")]
    [InlineData("https://user:ghp_token@github.com/org/repo.git", "https://github.com/org/repo.git")]
    [InlineData("https://token@dev.azure.com/org/project/_git/repo", "https://dev.azure.com/org/project/_git/repo")]
    [InlineData("https://a:b@c@host.example:8443/path", "https://host.example:8443/path")]
    [InlineData("https://host.example/feed/index.json?access_token=secret#frag", "https://host.example/feed/index.json")]
    [InlineData("ssh://git@github.com/org/repo.git", "ssh://github.com/org/repo.git")]
    [InlineData("git@github.com:org/repo.git", "ssh://github.com/org/repo.git")]
    [InlineData("deploy:pass@host:team/repo", "ssh://host/team/repo")]
    [InlineData("host:/abs/repo", "ssh://host/abs/repo")]
    [InlineData("/home/me/repos/library", "/home/me/repos/library")]
    [InlineData("../library", "../library")]
    [InlineData(@"C:\repos\library", @"C:\repos\library")]
    [InlineData("file:///srv/git/repo.git", "file:///srv/git/repo.git")]
    public void Removes_user_info_query_and_fragment(string input, string expected)
    {
        Assert.Equal(expected, UrlSanitizer.Sanitize(input));
    }
}
