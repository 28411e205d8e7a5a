using System.Collections.Generic;
using System.IO;
using Repro.Build.Manifest;

namespace Repro.Build.Core.Tests;

public sealed class ManifestCollectorTests
{
    private static ManifestRequest Request(string directory, string? assets = null) => new()
    {
        ProjectDirectory = directory,
        ProjectName = "Trainer",
        TargetFramework = "net8.0",
        Configuration = "Release",
        ProjectAssetsFile = assets,
        SdkVersion = "10.0.100",
        MsbuildVersion = "18.0.0",
    };

    [Fact]
    public void Collects_git_packages_toolchain_and_os()
    {
        using var temp = new TemporaryDirectory();
        var commit = GitCli.InitWithCommit(temp.Path);
        var assets = temp.WriteFile("obj/project.assets.json", """{ "targets": { "net8.0": { "A/1.0.0": { "type": "package" } } } }""");
        var diagnostics = new List<ReproDiagnostic>();

        var manifest = ManifestCollector.Collect(Request(temp.Path, assets), diagnostics).Manifest;

        Assert.DoesNotContain(diagnostics, d => d.Severity != ReproDiagnosticSeverity.Message);
        Assert.Equal(commit, manifest.Git!.Commit);
        Assert.Equal("main", manifest.Git.Branch);
        Assert.Equal("A", Assert.Single(manifest.Dependencies.Packages).Id);
        Assert.Equal("Trainer", manifest.Project.Name);
        Assert.Equal("10.0.100", manifest.Toolchain.SdkVersion);
        Assert.False(string.IsNullOrEmpty(manifest.Environment.Os.Description));
    }

    [Fact]
    public void Outside_a_repository_git_is_null_with_REPRO101()
    {
        using var temp = new TemporaryDirectory();
        var diagnostics = new List<ReproDiagnostic>();

        var manifest = ManifestCollector.Collect(Request(temp.Path), diagnostics).Manifest;

        Assert.Null(manifest.Git);
        Assert.Contains(diagnostics, d => d.Code == "REPRO101" && d.Severity == ReproDiagnosticSeverity.Warning);
    }

    [Fact]
    public void Opting_out_of_git_records_null_without_a_warning()
    {
        using var temp = new TemporaryDirectory();
        var request = Request(temp.Path);
        request.RecordGit = false;
        var diagnostics = new List<ReproDiagnostic>();

        var manifest = ManifestCollector.Collect(request, diagnostics).Manifest;

        Assert.Null(manifest.Git);
        Assert.DoesNotContain(diagnostics, d => d.Code.StartsWith("REPRO1", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_corrupt_repository_gives_REPRO102_and_no_exception()
    {
        using var temp = new TemporaryDirectory();
        GitCli.InitWithCommit(temp.Path);
        File.WriteAllText(temp.Combine(".git", "HEAD"), "\0\0\0");
        var diagnostics = new List<ReproDiagnostic>();

        var manifest = ManifestCollector.Collect(Request(temp.Path), diagnostics).Manifest;

        Assert.Null(manifest.Git);
        Assert.Contains(diagnostics, d => d.Code == "REPRO102");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("missing.json")]
    [InlineData("broken.json")]
    public void An_unreadable_assets_file_gives_REPRO201_and_an_empty_list(string? assetsName)
    {
        using var temp = new TemporaryDirectory();
        temp.WriteFile("broken.json", "{");
        var diagnostics = new List<ReproDiagnostic>();

        var manifest = ManifestCollector.Collect(Request(temp.Path, assetsName is null ? null : temp.Combine(assetsName)), diagnostics).Manifest;

        Assert.Empty(manifest.Dependencies.Packages);
        Assert.Contains(diagnostics, d => d.Code == "REPRO201");
    }
}
