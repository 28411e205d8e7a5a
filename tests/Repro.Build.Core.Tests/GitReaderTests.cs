using System.IO;
using Repro.Build.Git;

namespace Repro.Build.Core.Tests;

public sealed class GitReaderTests
{
    private static GitHead ReadHead(string directory)
    {
        var location = GitRepositoryLocator.Locate(directory);
        Assert.NotNull(location);
        return new GitReferenceReader(location).ReadHead();
    }

    [Fact]
    public void Reads_commit_and_branch_from_loose_refs()
    {
        using var temp = new TemporaryDirectory();
        var commit = GitCli.InitWithCommit(temp.Path, branch: "feature/x");

        var head = ReadHead(temp.Path);

        Assert.Equal(commit, head.Commit);
        Assert.Equal("feature/x", head.Branch);
    }

    [Fact]
    public void Finds_the_repository_from_a_nested_folder()
    {
        using var temp = new TemporaryDirectory();
        var commit = GitCli.InitWithCommit(temp.Path);
        var nested = Directory.CreateDirectory(temp.Combine("src", "app")).FullName;

        var location = GitRepositoryLocator.Locate(nested);

        Assert.NotNull(location);
        Assert.Equal(Path.GetFullPath(temp.Path), location.WorkingDirectory);
        Assert.Equal(commit, new GitReferenceReader(location).ReadHead().Commit);
    }

    [Fact]
    public void Reads_packed_refs()
    {
        using var temp = new TemporaryDirectory();
        var commit = GitCli.InitWithCommit(temp.Path);
        GitCli.Run(temp.Path, "pack-refs", "--all");
        Assert.False(File.Exists(temp.Combine(".git", "refs", "heads", "main")));

        var head = ReadHead(temp.Path);

        Assert.Equal(commit, head.Commit);
        Assert.Equal("main", head.Branch);
    }

    [Fact]
    public void A_loose_ref_wins_over_a_stale_packed_ref()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        GitCli.Run(temp.Path, "pack-refs", "--all");
        File.WriteAllText(temp.Combine("file.txt"), "changed");
        GitCli.Run(temp.Path, "commit", "-q", "-am", "second");
        var second = GitCli.Run(temp.Path, "rev-parse", "HEAD");

        Assert.Equal(second, ReadHead(temp.Path).Commit);
    }

    [Fact]
    public void Detached_head_has_a_commit_and_no_branch()
    {
        using var temp = new TemporaryDirectory();
        var commit = GitCli.InitWithCommit(temp.Path);
        GitCli.Run(temp.Path, "checkout", "-q", "--detach");

        var head = ReadHead(temp.Path);

        Assert.Equal(commit, head.Commit);
        Assert.Null(head.Branch);
    }

    [Fact]
    public void Unborn_branch_has_no_commit()
    {
        using var temp = new TemporaryDirectory();
        GitCli.Run(temp.Path, "init", "-q", "-b", "main");

        var head = ReadHead(temp.Path);

        Assert.Null(head.Commit);
        Assert.Equal("main", head.Branch);
        Assert.Null(head.MissingReference);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Head_naming_a_missing_branch_in_a_repository_with_refs_is_not_unborn(bool packed)
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        if (packed)
        {
            GitCli.Run(temp.Path, "pack-refs", "--all");
        }

        File.WriteAllText(temp.Combine(".git", "HEAD"), "ref: refs/heads/gone\n");

        var head = ReadHead(temp.Path);

        Assert.Null(head.Commit);
        Assert.Equal("gone", head.Branch);
        Assert.Equal("refs/heads/gone", head.MissingReference);
    }

    [Fact]
    public void An_orphan_branch_before_its_first_commit_names_its_missing_ref()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        GitCli.Run(temp.Path, "checkout", "-q", "--orphan", "fresh");

        var head = ReadHead(temp.Path);

        Assert.Null(head.Commit);
        Assert.Equal("refs/heads/fresh", head.MissingReference);
    }

    [Fact]
    public void Linked_worktree_reads_its_own_head_and_the_shared_packed_refs()
    {
        using var temp = new TemporaryDirectory();
        var main = Directory.CreateDirectory(temp.Combine("main")).FullName;
        var commit = GitCli.InitWithCommit(main);
        GitCli.Run(main, "worktree", "add", "-q", "-b", "topic", temp.Combine("wt"));
        GitCli.Run(main, "pack-refs", "--all");

        var location = GitRepositoryLocator.Locate(temp.Combine("wt"));

        Assert.NotNull(location);
        Assert.True(location.IsLinkedWorktree);
        var head = new GitReferenceReader(location).ReadHead();
        Assert.Equal(commit, head.Commit);
        Assert.Equal("topic", head.Branch);
    }

    [Fact]
    public void Follows_a_gitdir_file()
    {
        using var temp = new TemporaryDirectory();
        var store = Directory.CreateDirectory(temp.Combine("store")).FullName;
        var commit = GitCli.InitWithCommit(store);
        var work = Directory.CreateDirectory(temp.Combine("work")).FullName;
        File.WriteAllText(Path.Combine(work, ".git"), "gitdir: ../store/.git\n");

        Assert.Equal(commit, ReadHead(work).Commit);
    }

    [Fact]
    public void Reads_sha256_repositories()
    {
        using var temp = new TemporaryDirectory();
        var commit = GitCli.InitWithCommit(temp.Path, objectFormat: "sha256");

        var head = ReadHead(temp.Path);

        Assert.Equal(64, commit.Length);
        Assert.Equal(commit, head.Commit);
    }

    [Fact]
    public void Returns_null_outside_any_repository()
    {
        using var temp = new TemporaryDirectory();

        Assert.Null(GitRepositoryLocator.Locate(temp.Path));
    }

    [Fact]
    public void A_corrupt_head_is_a_format_error()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        File.WriteAllText(temp.Combine(".git", "HEAD"), "garbage\n");

        var location = GitRepositoryLocator.Locate(temp.Path)!;

        Assert.Throws<GitFormatException>(() => new GitReferenceReader(location).ReadHead());
    }

    [Fact]
    public void A_git_directory_without_head_is_a_format_error()
    {
        using var temp = new TemporaryDirectory();
        Directory.CreateDirectory(temp.Combine(".git"));

        Assert.Throws<GitFormatException>(() => GitRepositoryLocator.Locate(temp.Path));
    }

    [Fact]
    public void A_dot_git_file_without_gitdir_is_a_format_error()
    {
        using var temp = new TemporaryDirectory();
        temp.WriteFile(".git", "not a pointer");

        Assert.Throws<GitFormatException>(() => GitRepositoryLocator.Locate(temp.Path));
    }

    [Fact]
    public void A_symbolic_ref_loop_is_a_format_error()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        temp.WriteFile(Path.Combine(".git", "refs", "heads", "a"), "ref: refs/heads/b\n");
        temp.WriteFile(Path.Combine(".git", "refs", "heads", "b"), "ref: refs/heads/a\n");
        File.WriteAllText(temp.Combine(".git", "HEAD"), "ref: refs/heads/a\n");

        var location = GitRepositoryLocator.Locate(temp.Path)!;

        Assert.Throws<GitFormatException>(() => new GitReferenceReader(location).ReadHead());
    }
}
