using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Repro.Build.IntegrationTests;

/// <summary>Packages with their hashes, the lock file, framework references and the toolchain, through a real build.</summary>
[Collection(PackageCollection.Name)]
public sealed class DependencyTests
{
    private readonly PackageFixture _fixture;

    public DependencyTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Packages_lock_file_framework_references_and_toolchain_are_recorded()
    {
        var repository = Path.Combine(_fixture.Projects, "locked");
        var project = ConsumerProject.Create(_fixture, Path.Combine(repository, "Trainer"), "Trainer",
            "namespace Trainer; public static class C { public static string S => Newtonsoft.Json.JsonConvert.SerializeObject(1); }",
            extraProperties: "<RestorePackagesWithLockFile>true</RestorePackagesWithLockFile><ReproGit>false</ReproGit>",
            extraItems: "<PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.3\" />");
        File.WriteAllText(Path.Combine(repository, "global.json"), """{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }""");

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Warnings);
        using var lockFile = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(project.Directory, "packages.lock.json")));
        var locked = lockFile.RootElement.GetProperty("dependencies").GetProperty("net10.0");
        using var manifest = project.ReadManifest();
        var dependencies = manifest.RootElement.GetProperty("dependencies");

        var newtonsoft = dependencies.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "Newtonsoft.Json");
        Assert.Equal("13.0.3", newtonsoft.GetProperty("version").GetString());
        Assert.True(newtonsoft.GetProperty("direct").GetBoolean());
        Assert.Equal(locked.GetProperty("Newtonsoft.Json").GetProperty("contentHash").GetString(), newtonsoft.GetProperty("sha512").GetString());
        Assert.Equal(88, newtonsoft.GetProperty("sha512").GetString()!.Length); // base64 of 64 bytes

        Assert.Equal("packages.lock.json", dependencies.GetProperty("lockFile").GetProperty("path").GetString());
        Assert.Equal(_fixture.Sha256Sum(Path.Combine(project.Directory, "packages.lock.json")), dependencies.GetProperty("lockFile").GetProperty("sha256").GetString());

        var framework = dependencies.GetProperty("frameworkReferences").EnumerateArray().Single();
        Assert.Equal("Microsoft.NETCore.App", framework.GetProperty("name").GetString());
        Assert.Equal("Microsoft.NETCore.App.Ref", framework.GetProperty("targetingPack").GetString());
        Assert.StartsWith("10.0.", framework.GetProperty("targetingPackVersion").GetString());

        var toolchain = manifest.RootElement.GetProperty("toolchain");
        Assert.False(string.IsNullOrEmpty(toolchain.GetProperty("compilerVersion").GetString()));
        Assert.StartsWith(".NET ", toolchain.GetProperty("runtimeVersion").GetString());
        Assert.Equal("../global.json", toolchain.GetProperty("globalJson").GetProperty("path").GetString());
        Assert.Equal("10.0.100", toolchain.GetProperty("globalJson").GetProperty("sdkVersion").GetString());
        Assert.Equal("latestFeature", toolchain.GetProperty("globalJson").GetProperty("rollForward").GetString());

        // A lock file edited after restore disagrees with what was restored.
        var lockPath = Path.Combine(project.Directory, "packages.lock.json");
        File.WriteAllText(lockPath, File.ReadAllText(lockPath).Replace("\"resolved\": \"13.0.3\"", "\"resolved\": \"13.0.1\"", StringComparison.Ordinal));
        var stale = project.Build("--no-restore");
        Assert.True(stale.Succeeded, stale.ToString());
        var warning = Assert.Single(stale.Warnings);
        Assert.Contains("warning REPRO202", warning, StringComparison.Ordinal);
        Assert.Contains("Newtonsoft.Json is restored at 13.0.3 but locked at 13.0.1", warning, StringComparison.Ordinal);

        // A wrongly typed value: REPRO202 names the place, and the manifest is written anew (not REPRO900 and the last
        // build's manifest left behind).
        File.WriteAllText(lockPath, File.ReadAllText(lockPath).Replace("\"type\": \"Direct\"", "\"type\": 7", StringComparison.Ordinal));
        var damaged = project.Build("--no-restore");
        Assert.True(damaged.Succeeded, damaged.ToString());
        var damagedWarning = Assert.Single(damaged.Warnings);
        Assert.Contains("warning REPRO202", damagedWarning, StringComparison.Ordinal);
        Assert.Contains("\"Newtonsoft.Json\".type is a number where a string belongs", damagedWarning, StringComparison.Ordinal);
        using var rewritten = project.ReadManifest();
        Assert.Equal(_fixture.Sha256Sum(lockPath), rewritten.RootElement.GetProperty("dependencies").GetProperty("lockFile").GetProperty("sha256").GetString());
        Assert.Contains(rewritten.RootElement.GetProperty("dependencies").GetProperty("packages").EnumerateArray(), p => p.GetProperty("id").GetString() == "Newtonsoft.Json");
    }

    [Fact]
    public void Without_a_lock_file_REPRO203_is_an_info_message_that_a_property_silences()
    {
        var project = ConsumerProject.Create(_fixture, Path.Combine(_fixture.Projects, "unlocked"), "Unlocked",
            "namespace Lib { public static class C { } }", extraProperties: "<ReproGit>false</ReproGit>");

        var normal = project.Build("-v:n");
        Assert.True(normal.Succeeded, normal.ToString());
        Assert.Empty(normal.Warnings);
        Assert.Contains("REPRO203", normal.Process.Output, StringComparison.Ordinal);

        var silenced = project.Build("-v:n", "-p:ReproSuggestLockFile=false");
        Assert.DoesNotContain("REPRO203", silenced.Process.Output, StringComparison.Ordinal);
    }
}
