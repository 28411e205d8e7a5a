using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Repro.Build.IntegrationTests;

/// <summary>
/// <c>dotnet repro reproduce</c> end to end on the ML.NET sample, as a researcher asked to prove a number does it: the
/// run is recorded in one clone and pushed; another clone in another folder, with a NuGet cache of its own, pulls it and
/// reproduces it.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ReproduceTests
{
    private readonly PackageFixture _fixture;

    public ReproduceTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Reproduce_of_a_pulled_run_from_a_dirty_tree_in_another_clone_is_bit_identical_and_linked_to_the_run()
    {
        var (origin, project, remote) = Sample("reproduce-identical", trackData: true);
        _fixture.GitOutput(origin, "push", "-q", "origin", "main");
        // Uncommitted: the run's build is dirty, and its patch must be applied for the reproduction to be the same run.
        var program = Path.Combine(project, "Program.cs");
        File.WriteAllText(program, File.ReadAllText(program).Replace("var iterations = 10;", "var iterations = 6;", StringComparison.Ordinal));
        var runId = BuildAndTrain(project);
        var push = _fixture.Tool(origin, "push");
        Assert.True(push.ExitCode == 0, push.ToString());

        var clone = Path.Combine(_fixture.Projects, "reproduce-identical-elsewhere", "clone");
        Directory.CreateDirectory(Path.GetDirectoryName(clone)!);
        _fixture.GitOutput(_fixture.Projects, "clone", "-q", remote, clone);
        var pull = _fixture.Tool(clone, "pull");
        Assert.True(pull.ExitCode == 0, pull.ToString());

        // Another folder, a NuGet cache of its own: nothing of the first clone's build is at hand.
        var environment = new Dictionary<string, string?>(_fixture.Environment) { ["NUGET_PACKAGES"] = Path.Combine(_fixture.Root, "packages-clone") };
        var workTree = Path.Combine(_fixture.Projects, "reproduce-identical-elsewhere", "work");
        var reproduce = ProcessRunner.Run(_fixture.ToolCommand, clone, environment, "reproduce", runId[..15], "-o", workTree);
        Assert.True(reproduce.ExitCode == 0, reproduce.ToString());
        Assert.Contains($"Reproduced, bit-identical: run {runId} again as run ", reproduce.Output, StringComparison.Ordinal);
        Assert.Contains("with the recorded patch", reproduce.Output, StringComparison.Ordinal);
        Assert.Contains("The build has the recorded fingerprint", reproduce.Output, StringComparison.Ordinal);
        // ML.NET's model.zip differs in its entries' times from one save to the next: compared by content, it is the same.
        Assert.Contains("output bin/Debug/net10.0/model.zip: the same content", reproduce.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", reproduce.Output, StringComparison.Ordinal);

        // The user's checkout is untouched; the new run is in the clone's runs, linked to the original, with 6 passes.
        Assert.Equal("", _fixture.GitOutput(clone, "status", "--porcelain"));
        var newRun = Directory.GetDirectories(Path.Combine(clone, ".repro", "runs")).Select(Path.GetFileName).Single(id => id != runId)!;
        using (var record = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(clone, ".repro", "runs", newRun, "run.json"))))
        {
            Assert.Equal(runId, record.RootElement.GetProperty("reproduces").GetString());
            Assert.Equal("6", record.RootElement.GetProperty("params").GetProperty("binary/SdcaLogisticRegression/MaximumNumberOfIterations").GetString());
            var model = Assert.Single(record.RootElement.GetProperty("outputs").EnumerateArray());
            Assert.Equal(64, model.GetProperty("contentSha256").GetString()!.Length);
        }

        var show = _fixture.Tool(clone, "show", newRun);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains(runId, show.Output, StringComparison.Ordinal);
        var runs = _fixture.Tool(clone, "runs");
        Assert.Contains("reproduces " + runId[..15], runs.Output, StringComparison.Ordinal);
        var compare = _fixture.Tool(clone, "compare", runId, newRun);
        Assert.Contains("reproduces", compare.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reproduce_of_an_unseeded_trainer_names_the_first_differing_metric_and_changed_data_is_named_before_anything_runs()
    {
        var (origin, project, _) = Sample("reproduce-unseeded", trackData: false);
        var program = Path.Combine(project, "Program.cs");
        File.WriteAllText(program, File.ReadAllText(program).Replace("new MLContext(seed: seed)", "new MLContext()", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(origin, ".repro"));
        File.WriteAllText(Path.Combine(origin, ".repro", "config.json"), """{ "cache": { "runData": "0" } }""");
        _fixture.GitOutput(origin, "add", "-A");
        _fixture.GitOutput(origin, "commit", "-q", "-m", "unseeded, data kept out of the store");
        var runId = BuildAndTrain(project);

        var workTree = Path.Combine(_fixture.Projects, "reproduce-unseeded-work");
        var reproduce = _fixture.Tool(origin, "reproduce", runId, "-o", workTree);
        Assert.True(reproduce.ExitCode == 1, reproduce.ToString());
        // The data is neither in git nor in the store (the team keeps the run's data out of the cache): it came from the
        // checkout, verified by its hash.
        Assert.Contains("the work tree, verified by hash", reproduce.Output, StringComparison.Ordinal);
        // A different split: every metric differs from its first point on; the first at the earliest step is named.
        Assert.Contains($"Not reproduced: run {runId} again as run ", reproduce.Output, StringComparison.Ordinal);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(reproduce.Output, @"First difference: metric \S+ at step \d+: "), reproduce.Output);
        Assert.Contains("Likely cause: nondeterministic code the analyzers flag in the build: ", reproduce.Output, StringComparison.Ordinal);
        Assert.Contains("warning REPRO0", reproduce.Output, StringComparison.Ordinal);

        // The data changed after the run: reproduce names it, and does not build or train.
        File.AppendAllText(Path.Combine(project, "data", "sensors.csv"), "95.0,0.9,31.0,12,true\n");
        var changed = _fixture.Tool(origin, "reproduce", runId, "-o", workTree + "-changed");
        Assert.True(changed.ExitCode == 2, changed.ToString());
        var line = Assert.Single(changed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("REPRO541", StringComparison.Ordinal));
        Assert.Contains("data 'data/sensors.csv'", line, StringComparison.Ordinal);
        Assert.Contains("changed since the run", line, StringComparison.Ordinal);
        Assert.DoesNotContain("reproduce: building", changed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", changed.Output, StringComparison.Ordinal);
    }

    /// <summary>Builds the sample and trains once, as 'dotnet run' does; returns the run's id.</summary>
    private string BuildAndTrain(string project)
    {
        var build = _fixture.Dotnet(project, "build", "-nologo", "-v:m", "-tl:off", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = _fixture.Dotnet(project, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        var record = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("Run:", StringComparison.Ordinal))["Run:".Length..].Trim();
        return Path.GetFileName(Path.GetDirectoryName(record))!;
    }

    /// <summary>
    /// The sample in a new repository whose origin is a new bare one, the versions of the packages under test pinned
    /// in a committed Directory.Build.props (so that a clone builds as it is); its data committed or ignored.
    /// </summary>
    private (string Repository, string Project, string Remote) Sample(string name, bool trackData)
    {
        var repository = Path.Combine(_fixture.Projects, name);
        var project = Path.Combine(repository, "MachineFailure");
        var source = Path.Combine(_fixture.RepositoryRoot, "samples", "MachineFailure");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(project, relative))!);
            File.Copy(file, Path.Combine(project, relative));
        }

        File.WriteAllText(Path.Combine(repository, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <SampleReproBuildVersion>{_fixture.PackageVersion}</SampleReproBuildVersion>
                <SampleReproRunsVersion>{_fixture.RunsPackageVersion}</SampleReproRunsVersion>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(repository, ".gitignore"), "bin/\nobj/\n" + (trackData ? "" : "MachineFailure/data/sensors.csv\n"));
        _fixture.GitOutput(repository, "init", "-q", "-b", "main");
        _fixture.GitOutput(repository, "add", "-A");
        _fixture.GitOutput(repository, "commit", "-q", "-m", "sample");
        var remote = Path.Combine(_fixture.Projects, name + ".git");
        _fixture.GitOutput(_fixture.Projects, "init", "-q", "--bare", "-b", "main", remote);
        _fixture.GitOutput(repository, "remote", "add", "origin", remote);
        return (repository, project, remote);
    }
}
