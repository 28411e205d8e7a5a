using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Repro.Build.IntegrationTests;

/// <summary>Dirty trees, patches, strict mode, credentials and repository shapes, through a real build.</summary>
[Collection(PackageCollection.Name)]
public sealed class GitStateTests
{
    private const string Source = ConsumerProject.ModelSource;

    private readonly PackageFixture _fixture;

    public GitStateTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    private (string Repository, ConsumerProject Project) CreateRepository(string name, string targetFrameworks = "net10.0", string extraProperties = "", string objectFormat = "sha1") =>
        ConsumerProject.CreateInRepository(_fixture, name, Source, targetFrameworks: targetFrameworks, extraProperties: extraProperties, objectFormat: objectFormat);

    [Fact]
    public void A_dirty_build_records_a_patch_that_reproduces_the_tree_and_a_clean_build_removes_it()
    {
        var (repository, project) = CreateRepository("dirty");
        var commit = _fixture.GitOutput(repository, "rev-parse", "HEAD");
        File.WriteAllText(Path.Combine(project.Directory, "Code.cs"), Source.Replace("0.01", "0.02", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(project.Directory, "Extra.cs"), "namespace Trainer; public static class Extra { }\n");

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Warnings);
        using (var manifest = project.ReadManifest())
        {
            var git = manifest.RootElement.GetProperty("git");
            Assert.True(git.GetProperty("dirty").GetBoolean());
            Assert.Equal(1, git.GetProperty("changes").GetProperty("unstaged").GetInt32());
            Assert.Equal(1, git.GetProperty("changes").GetProperty("untracked").GetInt32());
            Assert.Equal("Trainer.repro.patch", git.GetProperty("patch").GetString());
            var patchPath = Path.Combine(project.OutputPath(), "Trainer.repro.patch");
            Assert.Equal(_fixture.Sha256Sum(patchPath), git.GetProperty("patchSha256").GetString());

            // Someone else reproduces the build: clean clone at the commit, then the patch.
            var clone = Path.Combine(_fixture.Projects, "dirty-clone");
            _fixture.GitOutput(_fixture.Projects, "clone", "-q", repository, clone);
            _fixture.GitOutput(clone, "checkout", "-q", commit);
            _fixture.GitOutput(clone, "apply", "--binary", patchPath);
            Assert.Equal(File.ReadAllText(Path.Combine(project.Directory, "Code.cs")), File.ReadAllText(Path.Combine(clone, "Trainer", "Code.cs")));
            Assert.Equal(File.ReadAllText(Path.Combine(project.Directory, "Extra.cs")), File.ReadAllText(Path.Combine(clone, "Trainer", "Extra.cs")));
        }

        _fixture.GitOutput(repository, "add", "-A");
        _fixture.GitOutput(repository, "commit", "-q", "-m", "tuned");
        Assert.True(project.Build().Succeeded);
        using (var clean = project.ReadManifest())
        {
            Assert.False(clean.RootElement.GetProperty("git").GetProperty("dirty").GetBoolean());
            Assert.Equal(JsonValueKind.Null, clean.RootElement.GetProperty("git").GetProperty("patch").ValueKind);
        }

        Assert.False(File.Exists(Path.Combine(project.OutputPath(), "Trainer.repro.patch")), "a clean build removes the patch of an earlier dirty one");
    }

    [Fact]
    public void ReproStrict_fails_a_dirty_build_and_passes_a_clean_one()
    {
        var (repository, project) = CreateRepository("strict", extraProperties: "<ReproStrict>true</ReproStrict>");

        var clean = project.Build();
        Assert.True(clean.Succeeded, clean.ToString());

        File.WriteAllText(Path.Combine(repository, "scratch.txt"), "uncommitted");
        var dirty = project.Build();

        Assert.False(dirty.Succeeded);
        Assert.Contains("error REPRO105", dirty.Process.Output, StringComparison.Ordinal);
        Assert.Contains("uncommitted changes", dirty.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", dirty.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_in_the_remote_the_environment_and_secret_files_reach_no_output()
    {
        const string remoteToken = "ghp_RemoteTokenRemoteTokenRemoteToken1234";
        const string environmentToken = "ghp_EnvironmentTokenEnvironmentToken12345";
        const string environmentPassword = "correct-horse-battery-staple-7731";
        const string fileToken = "ghp_FileTokenFileTokenFileTokenFileToken12";
        var (repository, project) = CreateRepository("secrets");
        _fixture.GitOutput(repository, "remote", "add", "origin", $"https://ci-bot:{remoteToken}@github.com/org/models.git");
        File.WriteAllText(Path.Combine(repository, ".env"), $"GITHUB_TOKEN={fileToken}\n");
        File.WriteAllText(Path.Combine(repository, "settings.ini"), $"password = {environmentPassword}\ntoken = {fileToken}\n");

        var withSecrets = _fixture.DotnetWithEnvironment(project.Directory,
            new() { ["GITHUB_TOKEN"] = environmentToken, ["MY_SERVICE_PASSWORD"] = environmentPassword, ["NUGET_API_KEY"] = environmentToken },
            "build", "-nologo", "-v:n", "-tl:off", "-nodeReuse:false");

        Assert.True(withSecrets.ExitCode == 0, withSecrets.ToString());
        using (var manifest = project.ReadManifest())
        {
            Assert.Equal("https://github.com/org/models.git", manifest.RootElement.GetProperty("git").GetProperty("remote").GetString());
            Assert.True(manifest.RootElement.GetProperty("git").GetProperty("dirty").GetBoolean());
        }

        foreach (var secret in new[] { remoteToken, environmentToken, environmentPassword, fileToken, "ci-bot" })
        {
            Assert.DoesNotContain(secret, withSecrets.Output, StringComparison.Ordinal);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(project.Directory, "bin"), "*", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(Path.Combine(project.Directory, "obj"), "*", SearchOption.AllDirectories)))
            {
                var bytes = File.ReadAllBytes(file);
                Assert.False(ByteSearch.ContainsText(bytes, secret), $"'{secret}' leaked into {file}");
            }
        }
    }

    [Fact]
    public void Multi_targeted_dirty_builds_share_one_capture_and_write_no_torn_files()
    {
        var (repository, project) = CreateRepository("multi-dirty", targetFrameworks: "netstandard2.0;net10.0",
            extraProperties: "<LangVersion>latest</LangVersion><ImplicitUsings>disable</ImplicitUsings><Nullable>disable</Nullable>");
        File.WriteAllText(Path.Combine(project.Directory, "Code.cs"), "namespace Trainer { public static class Model { public static double LearningRate => 0.5; } }\n");
        File.WriteAllText(Path.Combine(repository, "notes.md"), "what changed\n");

        var build = project.Build("-m:2");

        Assert.True(build.Succeeded, build.ToString());
        string? sha = null;
        foreach (var framework in new[] { "netstandard2.0", "net10.0" })
        {
            using var manifest = project.ReadManifest(framework);
            var git = manifest.RootElement.GetProperty("git");
            Assert.True(git.GetProperty("dirty").GetBoolean());
            var patchSha = git.GetProperty("patchSha256").GetString();
            Assert.Equal(_fixture.Sha256Sum(Path.Combine(project.OutputPath(framework), "Trainer.repro.patch")), patchSha);
            sha ??= patchSha;
            Assert.Equal(sha, patchSha);
        }

        Assert.Empty(Directory.GetFiles(project.Directory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Linked_worktrees_and_sha256_repositories_are_recorded()
    {
        var (repository, _) = CreateRepository("sha256", objectFormat: "sha256");
        var worktree = Path.Combine(_fixture.Projects, "sha256-wt");
        _fixture.GitOutput(repository, "worktree", "add", "-q", "-b", "experiment", worktree);
        var project = ConsumerProject.Open(_fixture, Path.Combine(worktree, "Trainer"), "Trainer");

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        using var manifest = project.ReadManifest();
        var git = manifest.RootElement.GetProperty("git");
        Assert.Equal(_fixture.GitOutput(worktree, "rev-parse", "HEAD"), git.GetProperty("commit").GetString());
        Assert.Equal(64, git.GetProperty("commit").GetString()!.Length);
        Assert.Equal("experiment", git.GetProperty("branch").GetString());
        Assert.Equal("sha256", git.GetProperty("objectFormat").GetString());
        Assert.True(git.GetProperty("worktree").GetBoolean());
        Assert.False(git.GetProperty("dirty").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, git.GetProperty("commitTime").ValueKind);
    }

    [Fact]
    public void Without_git_on_PATH_the_commit_is_still_recorded_with_REPRO103()
    {
        var (repository, project) = CreateRepository("nogit");
        var dotnetDirectory = Path.GetDirectoryName(Environment.ProcessPath ?? "/usr/share/dotnet/dotnet")!;

        var result = new BuildResult(_fixture.DotnetWithEnvironment(project.Directory, new() { ["PATH"] = dotnetDirectory },
            "build", "-nologo", "-v:m", "-tl:off", "-clp:NoSummary", "-nodeReuse:false"));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(new[] { "REPRO103" }, result.WarningCodes.ToArray());
        using var manifest = project.ReadManifest();
        var git = manifest.RootElement.GetProperty("git");
        Assert.Equal(_fixture.GitOutput(repository, "rev-parse", "HEAD"), git.GetProperty("commit").GetString());
        Assert.Equal(JsonValueKind.Null, git.GetProperty("dirty").ValueKind);
    }

    [Fact]
    public void Git_status_runs_once_per_repository_and_build_and_never_in_design_time_builds()
    {
        // The logging git is a shell script; the counting itself is platform-neutral and CI runs on Linux.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var (repository, library) = CreateRepository("once", targetFrameworks: "netstandard2.0;net10.0",
            extraProperties: "<LangVersion>latest</LangVersion><ImplicitUsings>disable</ImplicitUsings><Nullable>disable</Nullable>");
        File.WriteAllText(Path.Combine(library.Directory, "Code.cs"), "namespace Trainer { public static class Model { } }\n");
        var app = ConsumerProject.Create(_fixture, Path.Combine(repository, "App"), "App", "namespace App; public static class Program { public static void Main() { } }",
            extraProperties: "<OutputType>Exe</OutputType>", extraItems: "<ProjectReference Include=\"../Trainer/Trainer.csproj\" />");
        var solution = Path.Combine(repository, "All.slnx");
        File.WriteAllText(solution, "<Solution>\n  <Project Path=\"App/App.csproj\" />\n  <Project Path=\"Trainer/Trainer.csproj\" />\n</Solution>\n");
        _fixture.GitOutput(repository, "add", "-A");
        _fixture.GitOutput(repository, "commit", "-q", "-m", "two projects");

        // A git that logs its calls in front of the real one.
        var realGit = _fixture.GitOutput(repository, "--exec-path");
        var wrapperDirectory = Path.Combine(_fixture.Projects, "once-bin");
        Directory.CreateDirectory(wrapperDirectory);
        var log = Path.Combine(wrapperDirectory, "calls.log");
        var wrapper = Path.Combine(wrapperDirectory, "git");
        File.WriteAllText(wrapper, $"#!/bin/sh\necho \"$*\" >> '{log}'\nexec '{Path.Combine(realGit, "git")}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = wrapperDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

        // One build of three project instances (two target frameworks of the library, and the app), one node.
        var build = new BuildResult(_fixture.DotnetWithEnvironment(repository, new() { ["PATH"] = path },
            "build", solution, "-nologo", "-v:m", "-tl:off", "-clp:NoSummary", "-nodeReuse:false", "-m:1"));

        Assert.True(build.Succeeded, build.ToString());
        Assert.True(File.Exists(library.ManifestPath("netstandard2.0")), build.ToString());
        Assert.True(File.Exists(library.ManifestPath("net10.0")), build.ToString());
        Assert.True(File.Exists(app.ManifestPath()), build.ToString());
        var calls = File.ReadAllLines(log);
        Assert.Single(calls, c => c.Contains(" status ", StringComparison.Ordinal));

        File.Delete(log);
        var designTime = _fixture.DotnetWithEnvironment(repository, new() { ["PATH"] = path },
            "build", solution, "-nologo", "-v:q", "-tl:off", "-nodeReuse:false", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true");
        Assert.True(designTime.ExitCode == 0, designTime.ToString());
        Assert.False(File.Exists(log) && File.ReadAllText(log).Contains(" status ", StringComparison.Ordinal), "a design-time build must not run git status");
    }

    [Fact]
    public void Submodules_shallow_clones_unborn_branches_and_corrupt_repositories_match_git()
    {
        var (origin, _) = CreateRepository("shapes-origin");

        // A project inside a submodule: its .git is a file with 'gitdir:'.
        var outer = Path.Combine(_fixture.Projects, "shapes-outer");
        Directory.CreateDirectory(outer);
        _fixture.GitOutput(outer, "init", "-q", "-b", "main");
        _fixture.GitOutput(outer, "-c", "protocol.file.allow=always", "submodule", "add", "-q", origin, "models");
        _fixture.GitOutput(outer, "commit", "-q", "-m", "add models");
        var inSubmodule = ConsumerProject.Open(_fixture, Path.Combine(outer, "models", "Trainer"), "Trainer");
        AssertMatchesGit(inSubmodule, Path.Combine(outer, "models"));

        // A shallow clone.
        var shallow = Path.Combine(_fixture.Projects, "shapes-shallow");
        _fixture.GitOutput(_fixture.Projects, "clone", "-q", "--depth", "1", "file://" + origin, shallow);
        var inShallow = ConsumerProject.Open(_fixture, Path.Combine(shallow, "Trainer"), "Trainer");
        using (var manifest = AssertMatchesGit(inShallow, shallow))
        {
            Assert.True(manifest.RootElement.GetProperty("git").GetProperty("shallow").GetBoolean());
        }

        // An unborn branch: no commit yet, and the build still succeeds.
        var unborn = Path.Combine(_fixture.Projects, "shapes-unborn");
        var inUnborn = ConsumerProject.Create(_fixture, Path.Combine(unborn, "Trainer"), "Trainer", Source);
        _fixture.GitOutput(unborn, "init", "-q", "-b", "main");
        using (var manifest = AssertMatchesGit(inUnborn, unborn))
        {
            Assert.Equal(JsonValueKind.Null, manifest.RootElement.GetProperty("git").GetProperty("commit").ValueKind);
            Assert.Equal("main", manifest.RootElement.GetProperty("git").GetProperty("branch").GetString());
        }

        // A corrupt repository: a warning, no git section, and the build goes on.
        File.WriteAllText(Path.Combine(unborn, ".git", "HEAD"), "this is not a ref\n");
        // (The SDK's own Source Link reads .git too and fails the build on it: switched off to see what Repro.Build does.)
        var corrupt = inUnborn.Build("-p:EnableSourceControlManagerQueries=false");
        Assert.True(corrupt.Succeeded, corrupt.ToString());
        Assert.Contains("REPRO102", corrupt.WarningCodes);
        Assert.DoesNotContain("   at ", corrupt.Process.Output, StringComparison.Ordinal);
        using var broken = inUnborn.ReadManifest();
        Assert.Equal(JsonValueKind.Null, broken.RootElement.GetProperty("git").ValueKind);
    }

    /// <summary>Builds the project and checks commit, branch and dirty state against what git itself says.</summary>
    private JsonDocument AssertMatchesGit(ConsumerProject project, string workingTree)
    {
        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        var manifest = project.ReadManifest();
        var git = manifest.RootElement.GetProperty("git");

        var head = _fixture.Git(workingTree, "rev-parse", "--verify", "-q", "HEAD");
        var expectedCommit = head.ExitCode == 0 ? head.Output.Trim() : null;
        Assert.Equal(expectedCommit, git.GetProperty("commit").GetString());

        var branch = _fixture.GitOutput(workingTree, "branch", "--show-current");
        Assert.Equal(branch.Length == 0 ? null : branch, git.GetProperty("branch").GetString());

        var dirty = _fixture.GitOutput(workingTree, "status", "--porcelain").Length > 0;
        Assert.Equal(dirty, git.GetProperty("dirty").GetBoolean());
        return manifest;
    }

}
