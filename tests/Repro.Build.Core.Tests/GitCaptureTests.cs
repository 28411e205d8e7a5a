using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Repro.Build.Git;

namespace Repro.Build.Core.Tests;

public sealed class GitCaptureTests
{
    private static GitCaptureOptions Options(Dictionary<string, string>? environment = null) => new()
    {
        GetEnvironmentVariable = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
    };

    private static GitSnapshot Capture(string directory, GitCaptureOptions? options = null) =>
        GitCapture.Capture(directory, options ?? Options());

    private static string CommitTimeUtc(string repository) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(GitCli.Run(repository, "log", "-1", "--format=%ct"), System.Globalization.CultureInfo.InvariantCulture))
            .UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_clean_repository_has_commit_time_tags_and_no_patch()
    {
        using var temp = new TemporaryDirectory();
        var commit = GitCli.InitWithCommit(temp.Path);
        GitCli.Run(temp.Path, "tag", "v1-light");
        GitCli.Run(temp.Path, "tag", "-a", "v1.0", "-m", "release");
        temp.WriteFile(".gitignore", "bin/\n");
        GitCli.Run(temp.Path, "add", "-A");
        GitCli.Run(temp.Path, "commit", "-q", "-m", "ignore");
        var head = GitCli.Run(temp.Path, "rev-parse", "HEAD");
        GitCli.Run(temp.Path, "tag", "-a", "v2.0", "-m", "second");
        temp.WriteFile("bin/output.dll", "ignored");

        var snapshot = Capture(temp.Path);

        Assert.Empty(snapshot.Diagnostics);
        var git = snapshot.Section!;
        Assert.Equal(head, git.Commit);
        Assert.Equal(CommitTimeUtc(temp.Path), git.CommitTime);
        Assert.Equal(new[] { "v2.0" }, git.Tags);
        Assert.False(git.Dirty);
        Assert.Equal(0, git.Changes!.Staged + git.Changes.Unstaged + git.Changes.Untracked);
        Assert.Null(snapshot.Patch);
        Assert.Equal("sha1", git.ObjectFormat);
        Assert.False(git.Shallow);
        Assert.False(git.Worktree);
        Assert.NotEqual(commit, head);
    }

    [Fact]
    public void Tags_and_commit_time_are_read_from_packed_refs_and_pack_files()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        GitCli.Run(temp.Path, "tag", "-a", "packed-annotated", "-m", "x");
        GitCli.Run(temp.Path, "tag", "packed-light");
        GitCli.Run(temp.Path, "gc", "-q");
        Assert.DoesNotContain(Directory.GetDirectories(temp.Combine(".git", "objects")), d => Path.GetFileName(d).Length == 2);

        var git = Capture(temp.Path).Section!;

        Assert.Equal(CommitTimeUtc(temp.Path), git.CommitTime);
        Assert.Equal(new[] { "packed-annotated", "packed-light" }, git.Tags);
    }

    [Fact]
    public void The_object_reader_reads_every_object_of_a_packed_repository_with_deltas()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        var text = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            text.Append("line ").Append(i).Append(" of a file that changes a little in every commit\n");
        }

        for (var commit = 0; commit < 6; commit++)
        {
            text.Append("change ").Append(commit).Append('\n');
            temp.WriteFile("big.txt", text.ToString());
            GitCli.Run(temp.Path, "add", "-A");
            GitCli.Run(temp.Path, "commit", "-q", "-m", "change " + commit);
        }

        GitCli.Run(temp.Path, "gc", "-q", "--aggressive");
        var reader = new GitObjectReader(temp.Combine(".git", "objects"), "sha1");
        var ids = GitCli.Run(temp.Path, "rev-list", "--objects", "--all").Split('\n').Select(l => l.Split(' ')[0]).ToList();
        Assert.True(ids.Count > 10);

        foreach (var id in ids)
        {
            var type = GitCli.Run(temp.Path, "cat-file", "-t", id);
            var expected = GitCli.RunBytes(temp.Path, "cat-file", type, id);
            var actual = reader.TryRead(id);
            Assert.NotNull(actual);
            Assert.Equal(type, actual.Type.ToString().ToLowerInvariant());
            Assert.Equal(expected, actual.Content);
        }

        Assert.Null(reader.TryRead(new string('0', 40)));
    }

    [Fact]
    public void A_dirty_tree_gets_counts_and_a_patch_that_reproduces_it()
    {
        using var temp = new TemporaryDirectory();
        var repository = Directory.CreateDirectory(temp.Combine("repo")).FullName;
        GitCli.Run(repository, "init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(repository, "modified.txt"), "one\ntwo\n");
        File.WriteAllText(Path.Combine(repository, "deleted.txt"), "bye\n");
        File.WriteAllBytes(Path.Combine(repository, "weights.bin"), new byte[] { 0, 1, 2, 3, 0, 255 });
        File.WriteAllText(Path.Combine(repository, "staged.txt"), "before\n");
        GitCli.Run(repository, "add", "-A");
        GitCli.Run(repository, "commit", "-q", "-m", "base");
        var commit = GitCli.Run(repository, "rev-parse", "HEAD");

        File.WriteAllText(Path.Combine(repository, "modified.txt"), "one\nTWO\nthree\n");
        File.Delete(Path.Combine(repository, "deleted.txt"));
        File.WriteAllBytes(Path.Combine(repository, "weights.bin"), new byte[] { 0, 9, 9, 3, 0, 255, 7 });
        File.WriteAllText(Path.Combine(repository, "staged.txt"), "after\n");
        GitCli.Run(repository, "add", "staged.txt");
        Directory.CreateDirectory(Path.Combine(repository, "new dir"));
        File.WriteAllText(Path.Combine(repository, "new dir", "untracked file.cs"), "class C { }\n");
        File.WriteAllText(Path.Combine(repository, "no-newline.txt"), "last line");
        File.WriteAllText(Path.Combine(repository, "empty.txt"), "");

        var snapshot = Capture(repository);

        var git = snapshot.Section!;
        Assert.True(git.Dirty);
        Assert.Equal(1, git.Changes!.Staged);
        Assert.Equal(3, git.Changes.Unstaged);
        Assert.Equal(3, git.Changes.Untracked);
        Assert.NotNull(snapshot.Patch);
        Assert.Empty(git.PatchOmitted);
        Assert.False(git.PatchTruncated);

        // Replay the patch on a clean clone of the commit: the trees must match.
        var clone = temp.Combine("clone");
        GitCli.Run(temp.Path, "clone", "-q", repository, clone);
        GitCli.Run(clone, "checkout", "-q", commit);
        var patchFile = temp.WriteFile("changes.patch", "");
        File.WriteAllBytes(patchFile, snapshot.Patch);
        GitCli.Run(clone, "apply", "--binary", patchFile);
        foreach (var file in new[] { "modified.txt", "weights.bin", "staged.txt", Path.Combine("new dir", "untracked file.cs"), "no-newline.txt", "empty.txt" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(repository, file)), File.ReadAllBytes(Path.Combine(clone, file)));
        }

        Assert.False(File.Exists(Path.Combine(clone, "deleted.txt")));
    }

    [Fact]
    public void Secrets_and_untracked_binaries_stay_out_of_the_patch()
    {
        using var temp = new TemporaryDirectory();
        GitCli.Run(temp.Path, "init", "-q", "-b", "main");
        temp.WriteFile("id_rsa", "old key\n");
        temp.WriteFile("config.txt", "setting=1\n");
        GitCli.Run(temp.Path, "add", "-A");
        GitCli.Run(temp.Path, "commit", "-q", "-m", "base");

        const string token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789AB";
        temp.WriteFile("id_rsa", "new key material\n");
        temp.WriteFile("config.txt", "token=" + token + "\n");
        temp.WriteFile(".env", "PASSWORD=hunter2\n");
        temp.WriteFile("certs/site.pfx", "pfx");
        temp.WriteFile("notes.txt", "aws AKIAABCDEFGHIJKLMNOP\n");
        File.WriteAllBytes(temp.Combine("data.bin"), new byte[] { 1, 0, 2 });
        temp.WriteFile("ok.txt", "fine\n");

        var snapshot = Capture(temp.Path);

        var patch = Encoding.UTF8.GetString(snapshot.Patch!);
        Assert.DoesNotContain("new key material", patch);
        Assert.DoesNotContain(token, patch);
        Assert.DoesNotContain("hunter2", patch);
        Assert.DoesNotContain("AKIAABCDEFGHIJKLMNOP", patch);
        Assert.Contains("+fine", patch);
        var omitted = snapshot.Section!.PatchOmitted.ToDictionary(o => o.Path, o => o.Reason);
        Assert.Equal("secret-name", omitted["id_rsa"]);
        Assert.Equal("secret-content", omitted["config.txt"]);
        Assert.Equal("secret-name", omitted[".env"]);
        Assert.Equal("secret-name", omitted["certs/site.pfx"]);
        Assert.Equal("secret-content", omitted["notes.txt"]);
        // Data and binaries are listed by hash, never carried.
        var listed = Assert.Single(snapshot.Section.Untracked);
        Assert.Equal(("data.bin", 3L, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(new byte[] { 1, 0, 2 })).ToLowerInvariant()), (listed.Path, listed.Size, listed.Sha256));
        Assert.False(snapshot.Section.PatchTruncated);
    }

    [Fact]
    public void The_size_cap_drops_whole_files_and_says_so()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        temp.WriteFile("a-small.txt", "small\n");
        temp.WriteFile("b-large.txt", new string('x', 5000) + "\n");
        var options = Options();
        options.MaxPatchBytes = 1000;

        var snapshot = Capture(temp.Path, options);

        Assert.True(snapshot.Section!.PatchTruncated);
        Assert.Contains(snapshot.Section.PatchOmitted, o => o.Path == "b-large.txt" && o.Reason == "size-cap");
        Assert.Contains("+small", Encoding.UTF8.GetString(snapshot.Patch!));
        Assert.True(snapshot.Patch!.Length <= 1000);
        Assert.Contains(snapshot.Diagnostics, d => d.Code == "REPRO104");
    }

    [Fact]
    public void An_unborn_branch_with_files_gets_a_patch_from_the_empty_tree()
    {
        using var temp = new TemporaryDirectory();
        var repository = Directory.CreateDirectory(temp.Combine("repo")).FullName;
        GitCli.Run(repository, "init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(repository, "staged.txt"), "staged\n");
        GitCli.Run(repository, "add", "staged.txt");
        File.WriteAllText(Path.Combine(repository, "untracked.txt"), "untracked\n");

        var snapshot = Capture(repository);

        Assert.Null(snapshot.Section!.Commit);
        Assert.Null(snapshot.Section.CommitTime);
        Assert.DoesNotContain(snapshot.Diagnostics, d => d.Code == DiagnosticIds.HeadReferenceMissing);
        Assert.True(snapshot.Section.Dirty);
        var target = Directory.CreateDirectory(temp.Combine("target")).FullName;
        GitCli.Run(target, "init", "-q");
        var patchFile = temp.WriteFile("p.patch", "");
        File.WriteAllBytes(patchFile, snapshot.Patch!);
        GitCli.Run(target, "apply", patchFile);
        Assert.Equal("staged\n", File.ReadAllText(Path.Combine(target, "staged.txt")));
        Assert.Equal("untracked\n", File.ReadAllText(Path.Combine(target, "untracked.txt")));
    }

    [Fact]
    public void Remote_urls_lose_their_credentials_after_insteadOf()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        GitCli.Run(temp.Path, "remote", "add", "origin", "https://someone:ghp_secretsecretsecretsecretsecretsecret12@github.com/org/repo.git");

        Assert.Equal("https://github.com/org/repo.git", Capture(temp.Path).Section!.Remote);

        GitCli.Run(temp.Path, "remote", "set-url", "origin", "gh:org/repo.git");
        GitCli.Run(temp.Path, "config", "url.https://token@github.com/.insteadOf", "gh:");
        Assert.Equal("https://github.com/org/repo.git", Capture(temp.Path).Section!.Remote);

        GitCli.Run(temp.Path, "remote", "add", "upstream", "git@gitlab.com:team/models.git");
        GitCli.Run(temp.Path, "config", "branch.main.remote", "upstream");
        Assert.Equal("ssh://gitlab.com/team/models.git", Capture(temp.Path).Section!.Remote);
    }

    [Fact]
    public void Shallow_clones_and_linked_worktrees_are_marked()
    {
        using var temp = new TemporaryDirectory();
        var origin = Directory.CreateDirectory(temp.Combine("origin")).FullName;
        GitCli.InitWithCommit(origin);
        temp.WriteFile(Path.Combine("origin", "second.txt"), "2");
        GitCli.Run(origin, "add", "-A");
        GitCli.Run(origin, "commit", "-q", "-m", "second");

        var shallow = temp.Combine("shallow");
        GitCli.Run(temp.Path, "clone", "-q", "--depth", "1", "file://" + origin, shallow);
        var shallowGit = Capture(shallow).Section!;
        Assert.True(shallowGit.Shallow);
        Assert.Equal(CommitTimeUtc(shallow), shallowGit.CommitTime);
        Assert.Equal("file://" + origin, shallowGit.Remote);

        GitCli.Run(origin, "worktree", "add", "-q", "-b", "experiment", temp.Combine("wt"));
        var worktreeGit = Capture(temp.Combine("wt")).Section!;
        Assert.True(worktreeGit.Worktree);
        Assert.Equal("experiment", worktreeGit.Branch);
        Assert.False(worktreeGit.Dirty);
    }

    [Fact]
    public void Sha256_repositories_record_their_format_and_commit_time()
    {
        using var temp = new TemporaryDirectory();
        var commit = GitCli.InitWithCommit(temp.Path, objectFormat: "sha256");

        var git = Capture(temp.Path).Section!;

        Assert.Equal("sha256", git.ObjectFormat);
        Assert.Equal(commit, git.Commit);
        Assert.Equal(CommitTimeUtc(temp.Path), git.CommitTime);
    }

    [Fact]
    public void Submodules_are_listed_with_commit_dirty_state_and_clean_url()
    {
        using var temp = new TemporaryDirectory();
        var library = Directory.CreateDirectory(temp.Combine("library")).FullName;
        var libraryCommit = GitCli.InitWithCommit(library);
        var main = Directory.CreateDirectory(temp.Combine("main")).FullName;
        GitCli.InitWithCommit(main);
        GitCli.Run(main, "submodule", "add", "-q", library, "libs/library");
        GitCli.Run(main, "commit", "-q", "-m", "add submodule");
        // What a clone from a credentialed URL would record.
        GitCli.Run(main, "config", "submodule.libs/library.url", "https://bot:s3cret@example.com/library.git");

        var clean = Capture(main).Section!;
        var submodule = Assert.Single(clean.Submodules);
        Assert.Equal("libs/library", submodule.Path);
        Assert.Equal(libraryCommit, submodule.Commit);
        Assert.Equal("https://example.com/library.git", submodule.Url);
        Assert.False(submodule.Dirty);
        Assert.False(clean.Dirty);

        File.WriteAllText(Path.Combine(main, "libs", "library", "file.txt"), "changed");
        var dirty = Capture(main).Section!;
        Assert.True(Assert.Single(dirty.Submodules).Dirty);
        Assert.True(dirty.Dirty);
    }

    [Theory]
    [InlineData("not a gitdir line\n")]
    [InlineData("gitdir: ../../.git/modules/nowhere\n")]
    [InlineData("")]
    public void A_broken_submodule_costs_only_its_own_commit_with_a_warning_that_names_it(string dotGitFile)
    {
        using var temp = new TemporaryDirectory();
        var library = Directory.CreateDirectory(temp.Combine("library")).FullName;
        var libraryCommit = GitCli.InitWithCommit(library);
        var main = Directory.CreateDirectory(temp.Combine("main")).FullName;
        GitCli.InitWithCommit(main);
        GitCli.Run(main, "submodule", "add", "-q", library, "libs/broken");
        GitCli.Run(main, "submodule", "add", "-q", library, "libs/fine");
        GitCli.Run(main, "commit", "-q", "-m", "add submodules");
        var head = GitCli.Run(main, "rev-parse", "HEAD");
        File.WriteAllText(Path.Combine(main, "libs", "broken", ".git"), dotGitFile);

        var snapshot = Capture(main);

        var git = snapshot.Section!;
        Assert.Equal(head, git.Commit);
        Assert.Equal("main", git.Branch);
        Assert.Equal(new[] { "libs/broken", "libs/fine" }, git.Submodules.Select(s => s.Path));
        Assert.Null(git.Submodules[0].Commit);
        Assert.Equal(libraryCommit, git.Submodules[1].Commit);
        var warning = Assert.Single(snapshot.Diagnostics, d => d.Code == DiagnosticIds.GitRepositoryUnreadable);
        Assert.Equal(ReproDiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("'libs/broken'", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("libs/fine", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Head_naming_a_missing_ref_in_a_repository_with_commits_gives_REPRO107()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        File.WriteAllText(temp.Combine(".git", "HEAD"), "ref: refs/heads/deleted\n");

        var snapshot = Capture(temp.Path);

        Assert.Null(snapshot.Section!.Commit);
        Assert.Equal("deleted", snapshot.Section.Branch);
        var warning = Assert.Single(snapshot.Diagnostics, d => d.Code == DiagnosticIds.HeadReferenceMissing);
        Assert.Equal(ReproDiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("'refs/heads/deleted'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("git branch -a", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_git_executable_the_commit_is_read_and_dirty_is_null_with_REPRO103()
    {
        using var temp = new TemporaryDirectory();
        var commit = GitCli.InitWithCommit(temp.Path);
        var options = Options();
        options.GitExecutable = temp.Combine("no-such-git");

        var snapshot = Capture(temp.Path, options);

        Assert.Equal(commit, snapshot.Section!.Commit);
        Assert.Equal("main", snapshot.Section.Branch);
        Assert.Null(snapshot.Section.Dirty);
        Assert.Null(snapshot.Section.Changes);
        var diagnostic = Assert.Single(snapshot.Diagnostics);
        Assert.Equal("REPRO103", diagnostic.Code);
        Assert.DoesNotContain("   at ", diagnostic.Message);
    }

    [Fact]
    public void A_detached_head_in_CI_records_the_CIs_branch_and_pull_request()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_HEAD_REF"] = "feature/tuning",
            ["GITHUB_REF"] = "refs/pull/42/merge",
            ["GITHUB_TOKEN"] = "ghs_shouldneverappear",
        };

        Assert.Null(Capture(temp.Path, Options(environment)).Section!.Ci);

        GitCli.Run(temp.Path, "checkout", "-q", "--detach");
        var ci = Capture(temp.Path, Options(environment)).Section!.Ci!;

        Assert.Equal("github-actions", ci.Provider);
        Assert.Equal("feature/tuning", ci.Branch);
        Assert.Equal("42", ci.PullRequest);
    }

    [Fact]
    public void Outside_a_repository_there_is_no_section_and_REPRO101()
    {
        using var temp = new TemporaryDirectory();

        var snapshot = Capture(temp.Path);

        Assert.Null(snapshot.Section);
        Assert.Equal("REPRO101", Assert.Single(snapshot.Diagnostics).Code);
    }

    [Fact]
    public void A_build_capture_runs_git_below_normal_priority_and_the_tool_does_not()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the nice values are read from /proc; elsewhere the same call sets the process's priority class
        }

        using var git = new NiceRecordingGit();
        var own = ThreadNice();

        Assert.Equal(own, git.NiceOfCapture(belowNormal: false));
        Assert.Equal(Math.Max(own, 10), git.NiceOfCapture(belowNormal: true)); // BelowNormal is nice 10; a nicer process cannot lower it
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // the lambda hides the guard below from the platform analyzer
    public void A_lowered_thread_runs_at_nice_10_and_so_does_the_git_it_starts_while_other_threads_keep_theirs()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the nice values are read from /proc
        }

        using var git = new NiceRecordingGit();
        var own = ThreadNice();
        int lowered = -1, ofGit = -1;
        var thread = new System.Threading.Thread(() =>
        {
            BackgroundPriority.LowerCurrentThread();
            lowered = ThreadNice();
            ofGit = git.NiceOfCapture(belowNormal: false); // git inherits the thread's nice value
        });
        thread.Start();
        thread.Join();

        var expected = Math.Max(own, BackgroundPriority.LinuxNice);
        Assert.Equal(expected, lowered);
        Assert.Equal(expected, ofGit);
        Assert.Equal(own, ThreadNice()); // the caller's thread is untouched
    }

    private static int ThreadNice() =>
        int.Parse(File.ReadAllText("/proc/thread-self/stat").Split(") ")[1].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A repository and a stand-in for git that waits until its input is closed (after the runner has set the
    /// priority), writes its own nice value where the test can read it, and fails, as a broken git would.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private sealed class NiceRecordingGit : IDisposable
    {
        private readonly TemporaryDirectory _temp = new();
        private readonly string _niceFile;
        private readonly string _executable;

        public NiceRecordingGit()
        {
            GitCli.InitWithCommit(_temp.Path);
            _niceFile = Path.Combine(_temp.Path, "nice.txt");
            _executable = _temp.WriteFile("fake-git.sh", $"#!/bin/sh\ncat >/dev/null\nnice > '{_niceFile}'\nexit 1\n");
            File.SetUnixFileMode(_executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        public int NiceOfCapture(bool belowNormal)
        {
            File.Delete(_niceFile);
            var options = Options();
            options.GitExecutable = _executable;
            options.BelowNormalPriority = belowNormal;
            var snapshot = Capture(_temp.Path, options);
            Assert.Contains(snapshot.Diagnostics, d => d.Code == DiagnosticIds.GitStatusUnavailable);
            return int.Parse(File.ReadAllText(_niceFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public void Dispose() => _temp.Dispose();
    }
}
