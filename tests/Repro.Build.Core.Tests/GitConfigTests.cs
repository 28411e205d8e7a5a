using System.Linq;
using Repro.Build.Git;

namespace Repro.Build.Core.Tests;

public sealed class GitConfigTests
{
    [Fact]
    public void A_gitmodules_file_gives_each_submodule_s_name_and_path_once_the_last_path_winning()
    {
        var modules = GitConfig.Parse("""
            [submodule "vendor/Lib"]
                path = lib
                url = ../lib.git
            [submodule "data"]
                url = ../data.git
            [submodule "tools"]
                path = tools
            [submodule "vendor/Lib"]
                path = vendor/lib
            [core]
                path = not-a-submodule
            """);

        Assert.Equal(new[] { ("vendor/Lib", "vendor/lib"), ("tools", "tools") }, modules.SubmodulePaths());
    }

    [Fact]
    public void Reads_sections_subsections_quotes_escapes_and_comments()
    {
        var config = GitConfig.Parse("""
            [core]
            	bare = false ; a comment
            	Editor = "code --wait"
            [remote "origin"]
            	url = https://example.com/a.git # trailing comment
            	fetch = +refs/heads/*:refs/remotes/origin/*
            [Remote "Other"]
            	url = "with \"quotes\" and \\ backslash"
            [branch "feature/x"]
            	remote = origin
            [extensions]
            	objectFormat = sha256
            [section.legacy]
            	flag
            [multi]
            	value = first
            	value = second
            [continued]
            	text = one \
            two
            """);

        Assert.Equal("false", config.Get("core.bare"));
        Assert.Equal("code --wait", config.Get("CORE.EDITOR"));
        Assert.Equal("https://example.com/a.git", config.Get("remote.origin.url"));
        Assert.Equal("with \"quotes\" and \\ backslash", config.Get("remote.Other.url"));
        Assert.Null(config.Get("remote.other.url"));
        Assert.Equal("origin", config.Get("branch.feature/x.remote"));
        Assert.Equal("sha256", config.Get("extensions.objectformat"));
        Assert.Equal("true", config.Get("section.legacy.flag"));
        Assert.Equal("second", config.Get("multi.value"));
        Assert.Equal(2, config.Entries.Count(e => e.Key == "multi.value"));
        Assert.Equal("one two", config.Get("continued.text"));
    }

    [Theory]
    [InlineData("key = value")]
    [InlineData("[unterminated")]
    [InlineData("[s]\nkey = \"open")]
    public void Malformed_config_is_a_format_error(string text)
    {
        Assert.Throws<GitFormatException>(() => GitConfig.Parse(text));
    }
}
