using System;
using System.IO;
using System.Linq;

namespace Repro.Build.IntegrationTests;

/// <summary>Declared data, seed, recorded properties and the fingerprint, through a real build.</summary>
[Collection(PackageCollection.Name)]
public sealed class DataAndFingerprintTests
{
    private readonly PackageFixture _fixture;

    public DataAndFingerprintTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Data_hashes_match_sha256sum_use_the_cache_and_drive_a_stable_fingerprint()
    {
        var repository = Path.Combine(_fixture.Projects, "data");
        var project = ConsumerProject.Create(_fixture, Path.Combine(repository, "Trainer"), "Trainer",
            "namespace Trainer; public static class Model { public const double LearningRate = 0.01; }",
            extraProperties: "<ReproSeed>7</ReproSeed><LearningRate>0.01</LearningRate>",
            extraItems: "<ReproData Include=\"data/train.csv\" /><ReproData Include=\"data/images/\" /><ReproProperty Include=\"LearningRate\" />");
        var train = Path.Combine(project.Directory, "data", "train.csv");
        Directory.CreateDirectory(Path.Combine(project.Directory, "data", "images", "cats"));
        File.WriteAllText(train, "x,y\n1,0\n2,1\n");
        File.WriteAllBytes(Path.Combine(project.Directory, "data", "images", "cats", "a.png"), new byte[] { 137, 80, 78, 71, 0, 1, 2 });
        // The data is git-ignored, as large data usually is: only Repro.Build's hashes notice when it changes.
        File.WriteAllText(Path.Combine(repository, ".gitignore"), "bin/\nobj/\ndata/\n");
        _fixture.GitOutput(repository, "init", "-q", "-b", "main");
        _fixture.GitOutput(repository, "add", "-A");
        _fixture.GitOutput(repository, "commit", "-q", "-m", "trainer");

        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Warnings);
        string fingerprint;
        using (var manifest = project.ReadManifest())
        {
            var root = manifest.RootElement;
            fingerprint = root.GetProperty("fingerprint").GetString()!;
            Assert.Matches("^sha256:[0-9a-f]{64}$", fingerprint);
            Assert.Equal("7", root.GetProperty("seed").GetString());
            Assert.Equal("0.01", root.GetProperty("build").GetProperty("properties").GetProperty("LearningRate").GetString());
            Assert.Equal(1, root.GetProperty("sources").GetProperty("count").GetInt32());

            var items = root.GetProperty("data").GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(new[] { "data/images/", "data/train.csv" }, items.Select(i => i.GetProperty("name").GetString()));
            foreach (var file in items.SelectMany(i => i.GetProperty("files").EnumerateArray()))
            {
                var path = file.GetProperty("path").GetString()!;
                Assert.Equal(_fixture.Sha256Sum(Path.Combine(project.Directory, path)), file.GetProperty("sha256").GetString());
            }

            Assert.Equal("data/images/cats/a.png", items[0].GetProperty("files")[0].GetProperty("path").GetString());
        }

        // Same inputs, same fingerprint: a no-op build, and a clean build.
        Assert.True(project.Build().Succeeded);
        Assert.Equal(fingerprint, FingerprintOf(project));
        Assert.True(project.Run("clean").Succeeded);
        Assert.True(project.Build().Succeeded);
        Assert.Equal(fingerprint, FingerprintOf(project));

        // The cache: new bytes with the same size and time are not read again (the old hash stays)...
        var time = File.GetLastWriteTimeUtc(train);
        File.WriteAllText(train, "x,y\n1,0\n2,0\n");
        File.SetLastWriteTimeUtc(train, time);
        Assert.True(project.Build().Succeeded);
        Assert.Equal(fingerprint, FingerprintOf(project));

        // ...and a changed file is: the git-ignored data changed, the tree is clean, the fingerprint moves.
        File.SetLastWriteTimeUtc(train, time.AddSeconds(10));
        Assert.True(project.Build().Succeeded);
        using (var changed = project.ReadManifest())
        {
            Assert.NotEqual(fingerprint, changed.RootElement.GetProperty("fingerprint").GetString());
            Assert.False(changed.RootElement.GetProperty("git").GetProperty("dirty").GetBoolean());
            var trainEntry = changed.RootElement.GetProperty("data").GetProperty("items")[1].GetProperty("files")[0];
            Assert.Equal(_fixture.Sha256Sum(train), trainEntry.GetProperty("sha256").GetString());
        }

        // The seed is an input too.
        var reseeded = project.Build("-p:ReproSeed=8");
        Assert.True(reseeded.Succeeded, reseeded.ToString());
        using var withSeed = project.ReadManifest();
        Assert.Equal("8", withSeed.RootElement.GetProperty("seed").GetString());
        Assert.NotEqual(fingerprint, withSeed.RootElement.GetProperty("fingerprint").GetString());
    }

    [Fact]
    public void Missing_data_warns_and_under_ReproStrict_fails_the_build()
    {
        var project = ConsumerProject.Create(_fixture, Path.Combine(_fixture.Projects, "nodata"), "NoData",
            "namespace Lib { public static class C { } }",
            extraProperties: "<ReproGit>false</ReproGit>",
            extraItems: "<ReproData Include=\"data/missing.csv\" />");

        var lenient = project.Build();
        Assert.True(lenient.Succeeded, lenient.ToString());
        var warning = Assert.Single(lenient.Warnings);
        Assert.Contains("warning REPRO302", warning, StringComparison.Ordinal);
        Assert.Contains("data/missing.csv", warning, StringComparison.Ordinal);
        using (var manifest = project.ReadManifest())
        {
            Assert.False(manifest.RootElement.GetProperty("data").GetProperty("items")[0].GetProperty("exists").GetBoolean());
        }

        var strict = project.Build("-p:ReproStrict=true", "-p:ReproGit=true");
        Assert.False(strict.Succeeded);
        Assert.Contains("error REPRO302", strict.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_assumptions_and_environment_are_recorded_with_secrets_redacted()
    {
        const string token = "ghp_ConfigTokenConfigTokenConfigToken12345";
        const string password = "s3cr3t-Pa55w0rd-for-the-db";
        var project = ConsumerProject.Create(_fixture, Path.Combine(_fixture.Projects, "settings"), "Settings",
            "namespace Lib { public static class C { } }",
            extraProperties: "<ReproGit>false</ReproGit>",
            extraItems: "<ReproConfig Include=\"hparams.json\" /><ReproEnvironmentVariable Include=\"EXPERIMENT_\" Prefix=\"true\" />");
        var config = Path.Combine(project.Directory, "hparams.json");
        File.WriteAllText(config, $$"""{ "learningRate": 0.05, "epochs": 12, "wandbApiKey": "{{token}}" }""");
        File.WriteAllText(Path.Combine(project.Directory, "ASSUMPTIONS.md"), "# Assumptions\n\nSensor clocks are synchronized.\n");

        var build = _fixture.DotnetWithEnvironment(project.Directory,
            new() { ["OMP_NUM_THREADS"] = "3", ["EXPERIMENT_NAME"] = "baseline", ["EXPERIMENT_DB_PASSWORD"] = password, ["CUDA_TOKEN"] = token },
            "build", "-nologo", "-v:n", "-tl:off", "-nodeReuse:false");

        Assert.True(build.ExitCode == 0, build.ToString());
        string fingerprint;
        using (var manifest = project.ReadManifest())
        {
            var root = manifest.RootElement;
            fingerprint = root.GetProperty("fingerprint").GetString()!;
            var hparams = root.GetProperty("config")[0];
            Assert.Equal("hparams.json", hparams.GetProperty("path").GetString());
            Assert.Equal(_fixture.Sha256Sum(config), hparams.GetProperty("sha256").GetString());
            Assert.Contains("\"learningRate\": 0.05", hparams.GetProperty("content").GetString());
            Assert.Contains("\"wandbApiKey\": \"<redacted>\"", hparams.GetProperty("content").GetString());
            Assert.Contains("Sensor clocks are synchronized.", root.GetProperty("assumptions")[0].GetProperty("content").GetString());

            var variables = root.GetProperty("environment").GetProperty("variables");
            Assert.Equal("3", variables.GetProperty("OMP_NUM_THREADS").GetString());
            Assert.Equal("baseline", variables.GetProperty("EXPERIMENT_NAME").GetString());
            Assert.Equal("<redacted>", variables.GetProperty("EXPERIMENT_DB_PASSWORD").GetString());
            Assert.Equal("<redacted>", variables.GetProperty("CUDA_TOKEN").GetString());
        }

        foreach (var secret in new[] { token, password })
        {
            Assert.DoesNotContain(secret, build.Output, StringComparison.Ordinal);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(project.Directory, "bin"), "*", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(Path.Combine(project.Directory, "obj"), "*", SearchOption.AllDirectories)))
            {
                Assert.DoesNotContain(secret, File.ReadAllText(file), StringComparison.Ordinal);
            }
        }

        // A changed setting changes the fingerprint; the environment does not.
        File.WriteAllText(config, $$"""{ "learningRate": 0.01, "epochs": 12, "wandbApiKey": "{{token}}" }""");
        Assert.True(project.Build().Succeeded);
        Assert.NotEqual(fingerprint, FingerprintOf(project));
        var tuned = FingerprintOf(project);
        Assert.True(_fixture.DotnetWithEnvironment(project.Directory, new() { ["OMP_NUM_THREADS"] = "8" }, "build", "-nologo", "-v:q", "-nodeReuse:false").ExitCode == 0);
        Assert.Equal(tuned, FingerprintOf(project));
    }

    private static string? FingerprintOf(ConsumerProject project)
    {
        using var manifest = project.ReadManifest();
        return manifest.RootElement.GetProperty("fingerprint").GetString();
    }
}
