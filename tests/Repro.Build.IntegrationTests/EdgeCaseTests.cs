using System.IO;
using System.Linq;
using System.Text.Json;

namespace Repro.Build.IntegrationTests;

/// <summary>Projects outside git, opt-outs, multi-targeting and consumers of consumers.</summary>
[Collection(PackageCollection.Name)]
public sealed class EdgeCaseTests
{
    private const string UnseededSource = """
        namespace Lib;

        public static class Sampler
        {
            public static int Draw() => new Random().Next();
        }
        """;

    private readonly PackageFixture _fixture;

    public EdgeCaseTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Outside_a_repository_the_build_succeeds_with_REPRO101_and_a_null_git_section()
    {
        var project = ConsumerProject.Create(_fixture, Path.Combine(_fixture.Projects, "norepo"), "NoRepo", UnseededSource);

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains("REPRO101", build.WarningCodes);
        Assert.Contains(build.Warnings, w => w.Contains("not in a git repository", System.StringComparison.Ordinal));
        using var manifest = project.ReadManifest();
        Assert.Equal(JsonValueKind.Null, manifest.RootElement.GetProperty("git").ValueKind);
    }

    [Fact]
    public void Opt_out_properties_turn_off_the_manifest_git_and_the_analyzers()
    {
        var project = ConsumerProject.Create(_fixture, Path.Combine(_fixture.Projects, "optout"), "OptOut", UnseededSource);

        var noManifest = project.Build("-p:GenerateReproManifest=false", "-p:ReproAnalyzers=false");
        Assert.True(noManifest.Succeeded, noManifest.ToString());
        Assert.Empty(noManifest.Warnings);
        Assert.False(File.Exists(project.ManifestPath()));

        // --no-incremental: a compile skipped as up to date would not report the analyzer's warnings again.
        var noGit = project.Build("-p:ReproGit=false", "--no-incremental");
        Assert.True(noGit.Succeeded, noGit.ToString());
        Assert.DoesNotContain("REPRO101", noGit.WarningCodes);
        Assert.Contains("REPRO001", noGit.WarningCodes);
        using var manifest = project.ReadManifest();
        Assert.Equal(JsonValueKind.Null, manifest.RootElement.GetProperty("git").ValueKind);
    }

    [Fact]
    public void Multi_targeted_projects_get_one_manifest_per_target_framework()
    {
        var project = ConsumerProject.Create(_fixture, Path.Combine(_fixture.Projects, "multi"), "Multi",
            "namespace Lib { public static class C { public static int X => 1; } }",
            targetFrameworks: "netstandard2.0;net10.0",
            extraProperties: "<ImplicitUsings>disable</ImplicitUsings><Nullable>disable</Nullable><ReproGit>false</ReproGit>");

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Warnings);
        foreach (var framework in new[] { "netstandard2.0", "net10.0" })
        {
            using var manifest = project.ReadManifest(framework);
            Assert.Equal(framework, manifest.RootElement.GetProperty("project").GetProperty("targetFramework").GetString());
        }
    }

    [Fact]
    public void A_bare_reference_does_not_act_in_the_consumers_of_the_consumer()
    {
        var root = Path.Combine(_fixture.Projects, "transitive");
        var library = ConsumerProject.Create(_fixture, Path.Combine(root, "Lib"), "Lib", UnseededSource,
            extraProperties: "<ReproGit>false</ReproGit>");
        var app = ConsumerProject.Create(_fixture, Path.Combine(root, "App"), "App", UnseededSource.Replace("namespace Lib;", "namespace App;"),
            reproReference: "<ProjectReference Include=\"../Lib/Lib.csproj\" />");

        var build = app.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.True(File.Exists(library.ManifestPath()), "the project that references Repro.Build gets its manifest");
        Assert.False(File.Exists(app.ManifestPath()), "its consumer does not");
        Assert.DoesNotContain(build.Warnings, w => w.Contains("App.csproj", System.StringComparison.Ordinal));
        Assert.Contains(build.Warnings, w => w.Contains("Lib.csproj", System.StringComparison.Ordinal) && w.Contains("REPRO001", System.StringComparison.Ordinal));
    }

    [Fact]
    public void An_unwritable_manifest_path_gives_REPRO901_and_the_build_goes_on()
    {
        var project = ConsumerProject.Create(_fixture, Path.Combine(_fixture.Projects, "unwritable"), "Unwritable",
            "namespace Lib { public static class C { public static int X => 1; } }",
            extraProperties: "<ReproGit>false</ReproGit>");
        // A folder where the file should go: the write fails whatever the user's rights (the tests may run as root).
        var blocked = Path.Combine(project.Directory, "blocked.repro.json");
        Directory.CreateDirectory(blocked);

        var build = project.Build("-p:ReproManifestPath=" + blocked);

        Assert.True(build.Succeeded, build.ToString());
        var warning = Assert.Single(build.Warnings);
        Assert.Contains("warning REPRO901", warning, System.StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", build.Process.Output, System.StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(project.Directory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_rules_warn_in_the_build_and_are_suggestions_in_test_projects()
    {
        const string source = """
            namespace Lib;

            public static class Sampling
            {
                public static int A() => new Random().Next();
                public static int B() => Random.Shared.Next();
                public static int C() => new Random(Environment.TickCount).Next();
                public static int[] D(int[] rows) => rows.OrderBy(_ => Guid.NewGuid()).ToArray();
            }
            """;
        var library = ConsumerProject.Create(_fixture, Path.Combine(_fixture.Projects, "rules"), "Rules", source,
            extraProperties: "<ReproGit>false</ReproGit>");
        var build = library.Build();
        Assert.True(build.Succeeded, build.ToString());
        Assert.Equal(new[] { "REPRO001", "REPRO002", "REPRO003", "REPRO005" }, build.WarningCodes.OrderBy(c => c, System.StringComparer.Ordinal).ToArray());

        var tests = ConsumerProject.Create(_fixture, Path.Combine(_fixture.Projects, "rules-tests"), "RulesTests", source.Replace("namespace Lib;", "namespace LibTests;"),
            extraProperties: "<ReproGit>false</ReproGit><IsTestProject>true</IsTestProject>");
        var testBuild = tests.Build();
        Assert.True(testBuild.Succeeded, testBuild.ToString());
        Assert.Empty(testBuild.Warnings);
    }
}
