using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Repro.Build.IntegrationTests;

/// <summary>
/// The store end to end, as a team uses it (issue: "get the exact data and models back"): Alice's clone trains the
/// sample with the packed packages, its data kept out of git; `dotnet repro push` shares the run and sends its data and
/// model to the team's store (a folder remote); Bob's clone, with an empty cache and no data file, pulls, checks out the
/// run's data and gets its model, byte-identical; a damaged object on the remote is refused and nothing is written.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class StoreTests
{
    private readonly PackageFixture _fixture;

    public StoreTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    private ProcessResult Tool(string directory, params string[] arguments) => _fixture.Tool(directory, arguments);

    [Fact]
    public void A_run_trained_in_one_clone_gives_its_data_and_model_back_byte_identical_in_another_with_an_empty_cache()
    {
        var alice = Path.Combine(_fixture.Projects, "store-alice");
        var project = Path.Combine(alice, "MachineFailure");
        SampleTests.CopySample(Path.Combine(_fixture.RepositoryRoot, "samples", "MachineFailure"), project);
        File.WriteAllText(Path.Combine(alice, ".gitignore"), "bin/\nobj/\nMachineFailure/data/\n"); // the data lives in the store, not in git
        // The versions just packed, committed as a team commits its package versions: reproduce builds the commit.
        File.WriteAllText(Path.Combine(alice, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <SampleReproBuildVersion>{_fixture.PackageVersion}</SampleReproBuildVersion>
                <SampleReproRunsVersion>{_fixture.RunsPackageVersion}</SampleReproRunsVersion>
              </PropertyGroup>
            </Project>
            """);
        var gitRemote = Path.Combine(_fixture.Projects, "store-team.git");
        var storeRemote = Path.Combine(_fixture.Projects, "store-team-objects");
        _fixture.GitOutput(_fixture.Projects, "init", "-q", "--bare", "-b", "main", gitRemote);
        Directory.CreateDirectory(storeRemote); // a mounted share: the store never creates the share itself
        _fixture.GitOutput(alice, "init", "-q", "-b", "main");
        _fixture.GitOutput(alice, "remote", "add", "origin", gitRemote);
        var added = Tool(alice, "remote", "add", "team", storeRemote, "--default");
        Assert.True(added.ExitCode == 0, added.ToString());
        _fixture.GitOutput(alice, "add", "-A");
        _fixture.GitOutput(alice, "commit", "-q", "-m", "sample with the team's store");
        _fixture.GitOutput(alice, "push", "-q", "origin", "main");

        string[] versions = ["-p:SampleReproBuildVersion=" + _fixture.PackageVersion, "-p:SampleReproRunsVersion=" + _fixture.RunsPackageVersion];
        var build = new BuildResult(_fixture.Dotnet(project, ["build", .. versions, "-nologo", "-v:m", "-tl:off", "-nodeReuse:false"]));
        Assert.True(build.Succeeded, build.ToString());
        var trained = _fixture.Dotnet(project, ["run", "--no-build", .. versions]);
        Assert.True(trained.ExitCode == 0, trained.ToString());
        var recordPath = SampleTests.RecordPath(trained.Output);
        var runId = Path.GetFileName(Path.GetDirectoryName(recordPath))!;
        var data = File.ReadAllBytes(Path.Combine(project, "data", "sensors.csv"));
        var model = File.ReadAllBytes(Path.Combine(project, "bin", "Debug", "net10.0", "model.zip"));

        // The run kept its data and its model in the cache by itself, and recorded where its project is in the repository.
        using (var record = JsonDocument.Parse(File.ReadAllBytes(recordPath)))
        {
            var root = record.RootElement;
            Assert.Equal("MachineFailure", root.GetProperty("process").GetProperty("projectPath").GetString());
            Assert.Equal("file", root.GetProperty("data")[0].GetProperty("kind").GetString());
            foreach (var sha in new[] { root.GetProperty("data")[0].GetProperty("sha256").GetString()!,
                root.GetProperty("outputs")[0].GetProperty("sha256").GetString()! })
            {
                Assert.True(File.Exists(Path.Combine(alice, ".repro", "cache", "files", "sha256", sha[..2], sha[2..])), sha);
            }
        }

        var push = Tool(alice, "push");
        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Contains("2 object(s) of 1 run(s) sent to 'team'", push.Output, StringComparison.Ordinal);
        var again = Tool(alice, "push", "--json");
        Assert.True(again.ExitCode == 0, again.ToString());
        using (var second = JsonDocument.Parse(again.Output[again.Output.IndexOf('{', StringComparison.Ordinal)..]))
        {
            Assert.Equal(0, second.RootElement.GetProperty("artifacts").GetProperty("runs").GetInt32()); // sent once, not read again
        }

        // Bob: a clone of the team's repository, the committed store configuration, no data file, an empty cache.
        var bob = Path.Combine(_fixture.Projects, "store-bob");
        _fixture.GitOutput(_fixture.Projects, "clone", "-q", gitRemote, bob);
        var bobData = Path.Combine(bob, "MachineFailure", "data", "sensors.csv");
        Assert.False(File.Exists(bobData));
        Assert.False(Directory.Exists(Path.Combine(bob, ".repro", "cache")));

        var pull = Tool(bob, "pull", "--artifacts");
        Assert.True(pull.ExitCode == 0, pull.ToString());
        Assert.Contains("of 1 run(s) fetched from 'team'", pull.Output, StringComparison.Ordinal);
        var checkout = Tool(bob, "data", "checkout", "--run", runId[..12]);
        Assert.True(checkout.ExitCode == 0, checkout.ToString());
        Assert.Equal(data, File.ReadAllBytes(bobData));
        var status = Tool(bob, "data", "status", "--run", runId, "--json");
        Assert.True(status.ExitCode == 0, status.ToString());

        var get = Tool(bob, "get", runId, "model.zip", "-o", Path.Combine(bob, "model.zip"));
        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Equal(model, File.ReadAllBytes(Path.Combine(bob, "model.zip")));
        Assert.Contains("bin/Debug/net10.0/model.zip of run", get.Output, StringComparison.Ordinal);

        // Bob reproduces the run with no data file in his checkout: the data comes from the store, verified by hash.
        File.Delete(bobData);
        var reproduced = Tool(bob, "reproduce", runId, "-o", Path.Combine(_fixture.Projects, "store-bob-reproduction"));
        Assert.True(reproduced.ExitCode == 0, reproduced.ToString());
        Assert.Contains($"Reproduced, bit-identical: run {runId} again as run ", reproduced.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(bobData)); // the user's checkout is never written to

        // Carol, with a cache of her own, meets a damaged model on the remote: one line naming it, nothing written.
        var carol = Path.Combine(_fixture.Projects, "store-carol");
        _fixture.GitOutput(_fixture.Projects, "clone", "-q", gitRemote, carol);
        Assert.Equal(0, Tool(carol, "pull").ExitCode);
        var modelSha = _fixture.Sha256Sum(Path.Combine(project, "bin", "Debug", "net10.0", "model.zip"));
        var onRemote = Path.Combine(storeRemote, "files", "sha256", modelSha[..2], modelSha[2..]);
        File.SetAttributes(onRemote, FileAttributes.Normal);
        File.WriteAllBytes(onRemote, model.Select(b => (byte)(b ^ 0x5a)).ToArray());
        var damaged = Tool(carol, "get", runId, "model.zip", "-o", Path.Combine(carol, "model.zip"));
        Assert.Equal(2, damaged.ExitCode);
        Assert.Contains("REPRO53", damaged.Output, StringComparison.Ordinal);
        Assert.Contains("is damaged", damaged.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", damaged.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(carol, "model.zip")));
    }
}
