using System;
using System.IO;
using System.Linq;
using System.Text;
using Repro.Build.Store;

namespace Repro.Build.Core.Tests.Store;

/// <summary>The store's configuration files: merged key by key, checked whole when read, and never holding a credential.</summary>
public sealed class StoreConfigTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    [Fact]
    public void The_local_file_wins_key_by_key_and_the_cache_defaults_to_repro_cache_at_the_root()
    {
        var repro = _temp.Combine(".repro");
        Directory.CreateDirectory(repro);
        File.WriteAllText(Path.Combine(repro, "config.json"), """
            {
              "defaultRemote": "team",
              "remotes": {
                "team": { "url": "s3://ml-data/trainer", "endpoint": "https://minio.example:9000", "pathStyle": true },
                "share": { "url": "../share" }
              },
              "cache": { "type": "copy" },
              "jobs": 8
            }
            """);
        File.WriteAllText(Path.Combine(repro, "config.local.json"), """{ "remotes": { "team": { "region": "eu-west-1" } }, "jobs": 2 }""");

        var settings = StoreSettings.LoadFrom(repro);

        Assert.Equal("team", settings.DefaultRemote);
        Assert.Equal(2, settings.Jobs);
        Assert.Equal(new[] { CacheLinkType.Copy }, settings.LinkTypes);
        var team = settings.Remotes["team"];
        Assert.Equal(("s3://ml-data/trainer", "eu-west-1", true), (team.Url, team.Region, team.PathStyle));
        Assert.Equal(Path.Combine(repro, "cache"), settings.CacheDirectory);
        var share = settings.Locate(settings.Remotes["share"]);
        Assert.Equal((RemoteKind.Folder, Path.GetFullPath(Path.Combine(_temp.Path, "..", "share"))), (share.Kind, share.Folder));
        var s3 = settings.Locate(team);
        Assert.Equal((RemoteKind.S3, "ml-data", "trainer"), (s3.Kind, s3.Container, s3.Prefix));
    }

    [Fact]
    public void Written_and_read_back_the_configuration_is_the_same()
    {
        var config = new StoreConfig { DefaultRemote = "a", Jobs = 3, Cache = new CacheConfig { Type = "reflink,copy", Dir = "../cache" } };
        config.Remotes["a"] = new RemoteConfig { Url = "azure://datasets/x", Account = "contosoml" };
        var path = _temp.Combine(".repro", "config.json");

        StoreConfigFile.Write(path, config);
        var read = StoreConfigFile.Read(path, _temp.Path)!;

        Assert.Equal(StoreConfigFile.ToUtf8Bytes(config), StoreConfigFile.ToUtf8Bytes(read));
        Assert.DoesNotContain("null", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "remotes": { "t": { "url": "s3://AKIAIOSFODNN7EXAMPLE:secret@bucket/x" } } }""", "user information")]
    [InlineData("""{ "remotes": { "t": { "url": "azure://data/x?sv=2024-01-01&sig=abc" } } }""", "query string")]
    [InlineData("""{ "remotes": { "t": { "url": "s3://bucket/x", "endpoint": "https://key:secret@minio.example" } } }""", "user information")]
    [InlineData("""{ "remotes": { "t": { "url": "s3://bucket/x", "secretAccessKey": "abc" } } }""", "a key this version does not know (under $.remotes.t")]
    [InlineData("""{ "remotes": { "t": { "url": "s3://bucket/../x" } } }""", "'..'")]
    [InlineData("""{ "remotes": { "t": { "url": "gs://bucket/x" } } }""", "'gs://' is not a remote kind")]
    [InlineData("""{ "remotes": { "t": { "url": "s3://Bucket_Name/x" } } }""", "is not an S3 bucket name")]
    [InlineData("""{ "remotes": { "../t": { "url": "s3://bucket/x" } } }""", "is not a remote name")]
    [InlineData("""{ "cache": { "type": "symlink" } }""", "'symlink' is not a cache type")]
    [InlineData("""{ "jobs": 0 }""", "jobs is 0")]
    [InlineData("""{ "jobs": "many" }""", "the value at $.jobs")]
    [InlineData("""{ "remotes": { "t": { "url": "s3://bucket/x" } """, "the JSON ends early")]
    [InlineData("""{ "defaultRemote": "nope" }""", "defaultRemote 'nope' names no remote")]
    public void A_refused_configuration_is_one_message_that_names_the_file_and_what_to_change(string json, string expected)
    {
        var repro = _temp.Combine(".repro");
        Directory.CreateDirectory(repro);
        File.WriteAllText(Path.Combine(repro, "config.json"), json);

        var error = Assert.Throws<InvalidDataException>(() => StoreSettings.LoadFrom(repro));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("config.json", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Repro.Build", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configuration_file_over_its_bound_is_not_read()
    {
        var repro = _temp.Combine(".repro");
        Directory.CreateDirectory(repro);
        File.WriteAllText(Path.Combine(repro, "config.json"), "{\"jobs\": 1" + new string(' ', (int)StoreConfigFile.MaxFileBytes) + "}");

        var error = Assert.Throws<InvalidDataException>(() => StoreSettings.LoadFrom(repro));

        Assert.Contains("larger than 256 KiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cache_folder_moves_with_the_configuration_and_the_environment_variable_wins()
    {
        var repro = _temp.Combine(".repro");
        Directory.CreateDirectory(repro);
        File.WriteAllText(Path.Combine(repro, "config.local.json"), """{ "cache": { "dir": "../shared-cache" } }""");
        var before = Environment.GetEnvironmentVariable(LocalCache.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(LocalCache.EnvironmentVariable, null);
            Assert.Equal(Path.GetFullPath(Path.Combine(_temp.Path, "..", "shared-cache")), StoreSettings.LoadFrom(repro).CacheDirectory);
            Environment.SetEnvironmentVariable(LocalCache.EnvironmentVariable, _temp.Combine("elsewhere"));
            Assert.Equal(_temp.Combine("elsewhere"), StoreSettings.LoadFrom(repro).CacheDirectory);
        }
        finally
        {
            Environment.SetEnvironmentVariable(LocalCache.EnvironmentVariable, before);
        }
    }

    [Fact]
    public void The_gitignore_is_written_upgraded_from_what_we_wrote_before_and_a_users_own_is_kept()
    {
        var fresh = _temp.Combine("fresh", ".repro");
        var old = _temp.Combine("old", ".repro");
        var own = _temp.Combine("own", ".repro");
        Directory.CreateDirectory(old);
        Directory.CreateDirectory(own);
        File.WriteAllText(Path.Combine(old, ".gitignore"), "# Run records of Repro.Runs: local to this machine unless added on purpose.\n*\n");
        File.WriteAllText(Path.Combine(own, ".gitignore"), "*\n!notes.md\n");

        Assert.True(ReproFolder.EnsureGitIgnore(fresh));
        Assert.True(ReproFolder.EnsureGitIgnore(old));
        Assert.False(ReproFolder.EnsureGitIgnore(own));
        Assert.False(ReproFolder.EnsureGitIgnore(fresh));

        Assert.Equal(ReproFolder.GitIgnoreText, File.ReadAllText(Path.Combine(fresh, ".gitignore")));
        Assert.Equal(ReproFolder.GitIgnoreText, File.ReadAllText(Path.Combine(old, ".gitignore")));
        Assert.Equal("*\n!notes.md\n", File.ReadAllText(Path.Combine(own, ".gitignore")));
        var lines = ReproFolder.GitIgnoreText.Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToArray();
        Assert.Equal(new[] { "*", "!config.json" }, lines);
    }

    [Fact]
    public void Git_ignores_the_runs_the_cache_and_the_local_file_but_not_the_teams_configuration()
    {
        GitCli.InitWithCommit(_temp.Path);
        var repro = _temp.Combine(".repro");
        ReproFolder.EnsureGitIgnore(repro);
        foreach (var file in new[] { "config.json", "config.local.json", "runs/r1/run.json", "cache/files/sha256/ab/cd" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(repro, file))!);
            File.WriteAllText(Path.Combine(repro, file), "{}", Encoding.UTF8);
        }

        var status = GitCli.Run(_temp.Path, "status", "--porcelain", "--untracked-files=all");

        Assert.Equal(new[] { "?? .repro/config.json" }, status.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).OrderBy(l => l));
    }

    public void Dispose() => _temp.Dispose();
}
