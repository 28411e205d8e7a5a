using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using Xunit.Abstractions;

namespace Repro.Build.IntegrationTests;

/// <summary>
/// The dotnet-repro tool, installed from the packed feed into a tool path, run against manifests of real builds: one
/// repository built four times (clean, changed data, uncommitted change, added package), each build's output kept.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ToolTests
{
    private static readonly object Gate = new();
    private static Scenario? _scenario;
    private readonly PackageFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ToolTests(PackageFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public void Show_summarizes_a_manifest_an_assembly_and_a_project_folder()
    {
        var s = Get();

        var show = Tool(s.Repository, "show", s.Clean);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Trainer (net10.0, Debug)", show.Output, StringComparison.Ordinal);
        Assert.Contains("commit       " + s.CleanCommit, show.Output, StringComparison.Ordinal);
        Assert.Contains("seed", show.Output, StringComparison.Ordinal);
        Assert.Contains("data/", show.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", show.Output, StringComparison.Ordinal); // redirected: plain text, no colour

        var json = Tool(s.Repository, "show", s.Clean, "--json");
        Assert.Equal(0, json.ExitCode);
        using (var document = JsonDocument.Parse(json.Output))
        {
            using var recorded = JsonDocument.Parse(File.ReadAllBytes(s.Clean));
            Assert.Equal("file", document.RootElement.GetProperty("origin").GetString());
            Assert.Equal(recorded.RootElement.GetProperty("fingerprint").GetString(), document.RootElement.GetProperty("manifest").GetProperty("fingerprint").GetString());
        }

        var assembly = Tool(s.Repository, "show", Path.Combine(Path.GetDirectoryName(s.Clean)!, "Trainer.dll"));
        Assert.Equal(0, assembly.ExitCode);
        Assert.Contains("manifest embedded in", assembly.Output, StringComparison.Ordinal);
        Assert.Contains(s.CleanCommit, assembly.Output, StringComparison.Ordinal);

        var folder = Tool(s.Project, "show");
        Assert.Equal(0, folder.ExitCode);
        Assert.Contains("Newtonsoft.Json", folder.Output, StringComparison.Ordinal); // the last build's manifest
    }

    [Fact]
    public void Diff_says_which_inputs_changed_with_commits_files_patches_and_packages()
    {
        var s = Get();

        var same = Tool(s.Repository, "diff", s.Clean, s.Clean);
        Assert.Equal(0, same.ExitCode);
        Assert.Contains("No differences.", same.Output, StringComparison.Ordinal);

        var embedded = Tool(s.Repository, "diff", Path.Combine(Path.GetDirectoryName(s.Clean)!, "Trainer.dll"), s.Clean);
        Assert.True(embedded.ExitCode == 0, embedded.ToString()); // an assembly and its own manifest agree on every embedded field

        var data = Tool(s.Repository, "diff", s.Clean, s.ChangedData);
        Assert.Equal(1, data.ExitCode);
        Assert.Contains("The fingerprints differ because these inputs changed: git, data.", data.Output, StringComparison.Ordinal);
        Assert.Contains("Change b.csv", data.Output, StringComparison.Ordinal); // git log --oneline A..B
        Assert.Contains("files[data/b.csv].sha256", data.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("data/a.csv", data.Output, StringComparison.Ordinal);

        var dirty = Tool(s.Repository, "diff", s.ChangedData, s.Dirty);
        Assert.Equal(1, dirty.ExitCode);
        Assert.Contains("Uncommitted changes (the patches)", dirty.Output, StringComparison.Ordinal);
        Assert.Contains("Trainer/Code.cs (changed only in the second)", dirty.Output, StringComparison.Ordinal);
        Assert.Contains("LearningRate => 0.02", dirty.Output, StringComparison.Ordinal);

        var package = Tool(s.Repository, "diff", s.Dirty, s.AddedPackage, "--json");
        Assert.Equal(1, package.ExitCode);
        using var document = JsonDocument.Parse(package.Output);
        var root = document.RootElement;
        Assert.False(root.GetProperty("same").GetBoolean());
        Assert.Contains("dependencies", root.GetProperty("fingerprintInputsChanged").EnumerateArray().Select(e => e.GetString()));
        var added = root.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "Newtonsoft.Json");
        Assert.Equal("added", added.GetProperty("change").GetString());
        Assert.Equal("13.0.3", added.GetProperty("after").GetString());
        Assert.Contains(root.GetProperty("changes").EnumerateArray(), c => c.GetProperty("path").GetString() == "dependencies.packages[Newtonsoft.Json]" && c.GetProperty("inFingerprint").GetBoolean());
    }

    [Fact]
    public void Verify_passes_on_the_checkout_that_was_built_and_lists_a_changed_data_file()
    {
        var s = Get();
        lock (Gate)
        {
            var ok = Tool(s.Project, "verify");
            Assert.True(ok.ExitCode == 0, ok.ToString());
            Assert.Contains("the checkout reproduces it", ok.Output, StringComparison.Ordinal);

            // An older manifest, kept outside the checkout, verified from the project folder: the commit differs.
            var old = Tool(s.Project, "verify", s.Clean, "--json");
            Assert.Equal(1, old.ExitCode);
            using (var document = JsonDocument.Parse(old.Output))
            {
                var checks = document.RootElement.GetProperty("manifests")[0].GetProperty("checks").EnumerateArray().ToList();
                Assert.Contains(checks, c => c.GetProperty("item").GetString() == "commit" && !c.GetProperty("ok").GetBoolean());
                Assert.Contains(checks, c => c.GetProperty("item").GetString() == "data/b.csv" && !c.GetProperty("ok").GetBoolean());
            }

            var dataFile = Path.Combine(s.Project, "data", "a.csv");
            var original = File.ReadAllText(dataFile);
            File.WriteAllText(dataFile, original + "9,9\n");
            try
            {
                var changed = Tool(s.Project, "verify");
                Assert.Equal(1, changed.ExitCode);
                Assert.Contains("MISMATCH  data data/", changed.Output, StringComparison.Ordinal);
                Assert.Contains("data/a.csv", changed.Output, StringComparison.Ordinal);
            }
            finally
            {
                File.WriteAllText(dataFile, original);
            }
        }
    }

    [Fact]
    public void Export_writes_schema_valid_CycloneDX_and_SLSA_provenance_byte_identically()
    {
        var s = Get();
        var sbomFile = Path.Combine(s.Snapshots, "sbom.json");

        var first = Tool(s.Repository, "export", "--format", "cyclonedx", s.AddedPackage);
        var second = Tool(s.Repository, "export", "--format", "cyclonedx", s.AddedPackage, "--output", sbomFile);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(first.Output, File.ReadAllText(sbomFile));
        Assert.Equal("", CycloneDxSchema.Errors(first.Output));
        using (var sbom = JsonDocument.Parse(first.Output))
        {
            var components = sbom.RootElement.GetProperty("components").EnumerateArray().ToList();
            var newtonsoft = components.Single(c => c.TryGetProperty("purl", out var purl) && purl.GetString() == "pkg:nuget/Newtonsoft.Json@13.0.3");
            var sha512 = newtonsoft.GetProperty("hashes")[0];
            Assert.Equal("SHA-512", sha512.GetProperty("alg").GetString());
            Assert.Matches("^[0-9a-f]{128}$", sha512.GetProperty("content").GetString());
            Assert.Contains(components, c => c.GetProperty("type").GetString() == "data" && c.GetProperty("name").GetString() == "data/");
        }

        var model = Path.Combine(s.Snapshots, "model.zip");
        File.WriteAllText(model, "weights");
        var withModel = Tool(s.Repository, "export", "-f", "cyclonedx", s.AddedPackage, "--model", model);
        Assert.Equal("", CycloneDxSchema.Errors(withModel.Output));
        Assert.Contains("\"machine-learning-model\"", withModel.Output, StringComparison.Ordinal);

        var slsa = Tool(s.Repository, "export", "--format", "slsa", s.AddedPackage);
        Assert.Equal(0, slsa.ExitCode);
        using var statement = JsonDocument.Parse(slsa.Output);
        var root = statement.RootElement;
        Assert.Equal("https://in-toto.io/Statement/v1", root.GetProperty("_type").GetString());
        Assert.Equal("https://slsa.dev/provenance/v1", root.GetProperty("predicateType").GetString());
        var subject = root.GetProperty("subject")[0];
        Assert.Equal("Trainer.dll", subject.GetProperty("name").GetString());
        Assert.Equal(Sha256(Path.Combine(Path.GetDirectoryName(s.AddedPackage)!, "Trainer.dll")), subject.GetProperty("digest").GetProperty("sha256").GetString());
        var dependencies = root.GetProperty("predicate").GetProperty("buildDefinition").GetProperty("resolvedDependencies").EnumerateArray().ToList();
        Assert.Contains(dependencies, d => d.TryGetProperty("digest", out var digest) && digest.TryGetProperty("gitCommit", out _));
        Assert.Contains(dependencies, d => d.TryGetProperty("uri", out var uri) && uri.GetString() == "pkg:nuget/Newtonsoft.Json@13.0.3");
        Assert.Equal(slsa.Output, Tool(s.Repository, "export", "--format", "slsa", s.AddedPackage).Output);
    }

    [Fact]
    public void Packages_finds_each_package_by_its_content_hash_in_folder_feeds_and_offline()
    {
        var s = Get();
        var userPackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var good = Path.Combine(s.Snapshots, "feed-good");
        var tampered = Path.Combine(s.Snapshots, "feed-tampered");
        Directory.CreateDirectory(good);
        Directory.CreateDirectory(tampered);
        // The real, signed package: its content hash (not the file's hash) must match the recorded one.
        File.Copy(Path.Combine(userPackages, "newtonsoft.json", "13.0.3", "newtonsoft.json.13.0.3.nupkg"), Path.Combine(good, "newtonsoft.json.13.0.3.nupkg"), overwrite: true);
        // Another package under the same id and version.
        using (var zip = System.IO.Compression.ZipFile.Open(Path.Combine(tampered, "newtonsoft.json.13.0.3.nupkg"), System.IO.Compression.ZipArchiveMode.Create))
        {
            using var nuspec = new StreamWriter(zip.CreateEntry("Newtonsoft.Json.nuspec").Open());
            nuspec.Write("""<?xml version="1.0"?><package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>Newtonsoft.Json</id><version>13.0.3</version><authors>x</authors><description>x</description></metadata></package>""");
        }

        var ok = Tool(s.Repository, "packages", s.AddedPackage, "--source", good, "--json");
        Assert.True(ok.ExitCode == 0, ok.ToString());
        using (var document = JsonDocument.Parse(ok.Output))
        {
            var packages = document.RootElement.GetProperty("packages").EnumerateArray().ToList();
            var newtonsoft = packages.Single(p => p.GetProperty("id").GetString() == "Newtonsoft.Json");
            Assert.Equal("available", newtonsoft.GetProperty("status").GetString());
            Assert.Equal(newtonsoft.GetProperty("recordedSha512").GetString(), newtonsoft.GetProperty("foundSha512").GetString());
            var repro = packages.Single(p => p.GetProperty("id").GetString() == "Repro.Build");
            Assert.Equal("available", repro.GetProperty("status").GetString()); // from the feed it was restored from
        }

        var changed = Tool(s.Repository, "packages", s.AddedPackage, "--source", tampered);
        Assert.Equal(1, changed.ExitCode);
        Assert.Matches(@"hash-mismatch\s+Newtonsoft\.Json\s+13\.0\.3", changed.Output);

        var offline = Tool(s.Repository, "packages", s.AddedPackage, "--offline", "--json");
        Assert.True(offline.ExitCode == 0, offline.ToString());
        using var offlineDocument = JsonDocument.Parse(offline.Output);
        var statuses = offlineDocument.RootElement.GetProperty("packages").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("status").GetString());
        Assert.Equal("available", statuses["Repro.Build"]); // extracted into this run's global packages folder
        Assert.Equal("not-verified", statuses["Newtonsoft.Json"]); // read from the fallback folder: never in it
    }

    [PublicFeedFact]
    public void Packages_are_found_with_their_content_hash_in_the_sources_of_the_machines_NuGet_configuration()
    {
        var s = Get();
        // Outside the fixture's folder, so that only the user's (and machine's) NuGet configuration applies: no feed of ours.
        var folder = Path.Combine(Path.GetTempPath(), "repro-public-feed-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            var manifest = Path.Combine(folder, "Trainer.repro.json");
            File.Copy(s.AddedPackage, manifest);

            var result = Tool(folder, "packages", manifest, "--json");

            _output.WriteLine(result.Output);
            using var document = JsonDocument.Parse(result.Output);
            var newtonsoft = document.RootElement.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "Newtonsoft.Json");
            Assert.True(newtonsoft.GetProperty("status").GetString() == "available", result.ToString());
            Assert.Equal(newtonsoft.GetProperty("recordedSha512").GetString(), newtonsoft.GetProperty("foundSha512").GetString());
            Assert.StartsWith("https://", newtonsoft.GetProperty("source").GetString(), StringComparison.Ordinal); // a remote source, not a folder
            Assert.True(newtonsoft.GetProperty("listed").GetBoolean());
            Assert.Equal(0, newtonsoft.GetProperty("vulnerabilities").GetArrayLength());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Rebuild_gives_back_the_sources_with_the_patch_and_reproduces_the_fingerprint()
    {
        var s = Get();
        var output = Path.Combine(s.Snapshots, "rebuild");

        var rebuild = Tool(s.Project, "rebuild", s.Dirty, "--output", output, "--json");

        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        using (var document = JsonDocument.Parse(rebuild.Output))
        {
            var root = document.RootElement;
            Assert.True(root.GetProperty("patchApplied").GetBoolean());
            Assert.True(root.GetProperty("sameFingerprint").GetBoolean());
            using var recorded = JsonDocument.Parse(File.ReadAllBytes(s.Dirty));
            Assert.Equal(recorded.RootElement.GetProperty("fingerprint").GetString(), root.GetProperty("rebuiltFingerprint").GetString());
            Assert.False(root.GetProperty("sameAssembly").GetBoolean()); // the PDB path names the other folder
            Assert.Equal(recorded.RootElement.GetProperty("git").GetProperty("commit").GetString(), _fixture.GitOutput(output, "rev-parse", "HEAD"));
        }

        Assert.Contains("LearningRate => 0.02", File.ReadAllText(Path.Combine(output, "Trainer", "Code.cs")), StringComparison.Ordinal);

        var again = Tool(s.Project, "rebuild", s.Dirty, "--output", output);
        Assert.Equal(2, again.ExitCode);
        Assert.StartsWith("error REPRO509: ", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuild_gives_back_submodules_at_the_recorded_commits_and_says_when_one_cannot_be_fetched()
    {
        _ = Get(); // the tool and the feed
        // A library in its own repository (a bare one, as a server has it), added as a submodule by a file:// URL.
        var library = Path.Combine(_fixture.Projects, "tool-submodule-lib");
        Directory.CreateDirectory(library);
        _fixture.GitOutput(library, "init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(library, "vocabulary.txt"), "alpha\nbeta\n");
        _fixture.GitOutput(library, "add", "-A");
        _fixture.GitOutput(library, "commit", "-q", "-m", "vocabulary");
        var bare = Path.Combine(_fixture.Projects, "tool-submodule-lib.git");
        _fixture.GitOutput(_fixture.Projects, "clone", "-q", "--bare", library, bare);
        var (repository, project) = ConsumerProject.CreateInRepository(_fixture, "tool-submodule", ConsumerProject.ModelSource);
        _fixture.GitOutput(repository, "-c", "protocol.file.allow=always", "submodule", "--quiet", "add", new Uri(bare).AbsoluteUri, "libs/vocabulary");
        _fixture.GitOutput(repository, "commit", "-q", "-m", "Add the vocabulary submodule");
        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        var manifest = Path.Combine(_fixture.Projects, "tool-submodule.repro.json");
        File.Copy(project.ManifestPath(), manifest);
        var recorded = _fixture.GitOutput(Path.Combine(repository, "libs", "vocabulary"), "rev-parse", "HEAD");
        using (var document = JsonDocument.Parse(File.ReadAllBytes(manifest)))
        {
            Assert.Equal(recorded, document.RootElement.GetProperty("git").GetProperty("submodules")[0].GetProperty("commit").GetString());
        }

        var output = Path.Combine(_fixture.Projects, "tool-submodule-rebuild");
        var rebuild = Tool(project.Directory, "rebuild", manifest, "--output", output, "--json");

        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        using (var document = JsonDocument.Parse(rebuild.Output))
        {
            Assert.True(document.RootElement.GetProperty("sameFingerprint").GetBoolean());
            var submodule = Assert.Single(document.RootElement.GetProperty("submodules").EnumerateArray());
            Assert.Equal("libs/vocabulary", submodule.GetProperty("path").GetString());
            Assert.Equal(recorded, submodule.GetProperty("commit").GetString());
            Assert.True(submodule.GetProperty("matches").GetBoolean());
        }

        Assert.Equal("alpha\nbeta\n", File.ReadAllText(Path.Combine(output, "libs", "vocabulary", "vocabulary.txt")));

        // A commit the build recorded that no repository has: one line, exit code 2.
        var unknown = Path.Combine(_fixture.Projects, "tool-submodule-unknown.repro.json");
        File.WriteAllText(unknown, File.ReadAllText(manifest).Replace(recorded, new string('e', 40), StringComparison.Ordinal));
        var missingCommit = Tool(project.Directory, "rebuild", unknown, "--output", output + "-unknown");
        Assert.True(missingCommit.ExitCode == 2, missingCommit.ToString());
        Assert.Matches("^error REPRO509: The submodule 'libs/vocabulary' was at commit e{40} when the build ran, and that commit could not be fetched", missingCommit.Output);
        Assert.Single(missingCommit.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // The submodule's server is gone and the checkout has no copy of it.
        _fixture.GitOutput(repository, "submodule", "--quiet", "deinit", "-f", "libs/vocabulary");
        Directory.Delete(Path.Combine(repository, ".git", "modules"), recursive: true);
        Directory.Move(bare, bare + "-gone");
        var unreachable = Tool(project.Directory, "rebuild", manifest, "--output", output + "-gone");
        Assert.True(unreachable.ExitCode == 2, unreachable.ToString());
        Assert.StartsWith("error REPRO509: A submodule could not be fetched (", unreachable.Output, StringComparison.Ordinal);
        Assert.Single(unreachable.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Runs_are_shown_compared_with_metric_deltas_and_found_from_their_model()
    {
        _ = Get(); // the tool and the feed
        var (repository, project) = ConsumerProject.CreateInRepository(_fixture, "tool-runs", """
            using Repro.Runs;

            var rate = args[0];
            using var run = ReproRun.Start("tune");
            run.LogParam("learningRate", rate);
            run.LogMetric("accuracy", rate == "0.1" ? 0.75 : 0.8, 1);
            var model = $"bin/model-{rate}.bin";
            File.WriteAllText(model, "weights for " + rate);
            run.LogOutput(model);
            Console.WriteLine("RUN " + run.RunDirectory);
            """,
            extraProperties: "<OutputType>Exe</OutputType><ReproSeed>7</ReproSeed>",
            extraItems: """<PackageReference Include="Repro.Runs" Version="$(ReproRunsVersion)" />""");
        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        string Run(string rate)
        {
            var result = ProcessRunner.Run("dotnet", project.Directory, _fixture.Environment, Path.Combine(project.OutputPath(), "Trainer.dll"), rate);
            Assert.True(result.ExitCode == 0, result.ToString());
            return result.Output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("RUN ", StringComparison.Ordinal))["RUN ".Length..];
        }

        var first = Run("0.1");
        var second = Run("0.2");

        var show = Tool(project.Directory, "show", Path.GetFileName(first)); // a run id, found in .repro/runs
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("tune): finished", show.Output, StringComparison.Ordinal);
        Assert.Contains("learningRate  0.1", show.Output, StringComparison.Ordinal);

        var diff = Tool(repository, "diff", first, second);
        Assert.Equal(1, diff.ExitCode);
        Assert.Contains("Same build (fingerprint equal)", diff.Output, StringComparison.Ordinal);
        Assert.Matches(@"accuracy\s+0\.75\s+0\.8\s+\+0\.05", diff.Output);
        Assert.Matches(@"learningRate\s+0\.1\s+0\.2", diff.Output);

        var json = Tool(repository, "diff", first, second, "--json");
        using (var document = JsonDocument.Parse(json.Output))
        {
            var accuracy = document.RootElement.GetProperty("metrics").EnumerateArray().Single();
            Assert.Equal(0.05, accuracy.GetProperty("delta").GetDouble(), 6);
            Assert.Equal("run", document.RootElement.GetProperty("before").GetProperty("origin").GetString());
        }

        var which = Tool(project.Directory, "which", Path.Combine("bin", "model-0.2.bin"), "--json");
        Assert.True(which.ExitCode == 0, which.ToString());
        using (var document = JsonDocument.Parse(which.Output))
        {
            var match = Assert.Single(document.RootElement.GetProperty("matches").EnumerateArray());
            Assert.Equal(Path.GetFileName(second), match.GetProperty("runId").GetString());
            Assert.Equal("output", match.GetProperty("role").GetString());
            Assert.Equal("0.2", match.GetProperty("params").GetProperty("learningRate").GetString());
            using var manifest = project.ReadManifest();
            Assert.Equal(manifest.RootElement.GetProperty("fingerprint").GetString(), match.GetProperty("build").GetProperty("fingerprint").GetString());
        }

        // verify, packages, export and rebuild take a run id too: the build it ran, through the run's build link.
        var runId = Path.GetFileName(second);
        var verify = Tool(repository, "verify", runId, "--json");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        using (var document = JsonDocument.Parse(verify.Output))
        {
            var verified = document.RootElement.GetProperty("manifests")[0];
            Assert.Equal("run", verified.GetProperty("origin").GetString());
            Assert.Equal(project.Directory, verified.GetProperty("projectDirectory").GetString()); // from the run record, not the runs folder
        }

        var packages = Tool(repository, "packages", runId, "--offline", "--json");
        Assert.True(packages.ExitCode == 0, packages.ToString());
        using (var document = JsonDocument.Parse(packages.Output))
        {
            Assert.Equal("run", document.RootElement.GetProperty("origin").GetString());
            Assert.Contains(document.RootElement.GetProperty("packages").EnumerateArray(), p => p.GetProperty("id").GetString() == "Repro.Runs");
        }

        var sbom = Tool(repository, "export", "-f", "cyclonedx", runId);
        Assert.True(sbom.ExitCode == 0, sbom.ToString());
        Assert.Equal("", CycloneDxSchema.Errors(sbom.Output));
        Assert.Equal(sbom.Output, Tool(repository, "export", "-f", "cyclonedx", second).Output); // by id or by folder, byte for byte
        using (var document = JsonDocument.Parse(sbom.Output))
        {
            var components = document.RootElement.GetProperty("components").EnumerateArray().ToList();
            var trained = components.Single(c => c.GetProperty("type").GetString() == "machine-learning-model");
            Assert.Equal("bin/model-0.2.bin", trained.GetProperty("name").GetString());
            Assert.Equal(Sha256(Path.Combine(project.Directory, "bin", "model-0.2.bin")), trained.GetProperty("hashes")[0].GetProperty("content").GetString());
            var program = document.RootElement.GetProperty("metadata").GetProperty("component");
            Assert.Equal(Sha256(Path.Combine(project.OutputPath(), "Trainer.dll")), program.GetProperty("hashes")[0].GetProperty("content").GetString()); // the program the run ran
        }

        var rebuilt = Tool(repository, "rebuild", runId, "--output", Path.Combine(_fixture.Root, "tool-runs-rebuild"), "--json");
        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
        using (var document = JsonDocument.Parse(rebuilt.Output))
        {
            Assert.Equal("run", document.RootElement.GetProperty("origin").GetString());
            Assert.True(document.RootElement.GetProperty("sameFingerprint").GetBoolean());
        }

        File.WriteAllText(Path.Combine(project.Directory, "unrelated.bin"), "never logged");
        Assert.Equal(1, Tool(project.Directory, "which", "unrelated.bin").ExitCode);

        // A command that knows nothing of Repro.Runs, recorded around it, linked to the trainer's build.
        var assembly = Path.Combine(project.OutputPath(), "Trainer.dll");
        var wrapped = Tool(project.Directory, "run", "--name", "wrapped", "--assembly", assembly, "--output", "bin/wrapped.bin", "--", "sh", "-c", "echo weights > bin/wrapped.bin");
        Assert.True(wrapped.ExitCode == 0, wrapped.ToString());
        var found = Tool(project.Directory, "which", "bin/wrapped.bin", "--json");
        Assert.True(found.ExitCode == 0, found.ToString());
        using (var document = JsonDocument.Parse(found.Output))
        {
            var match = Assert.Single(document.RootElement.GetProperty("matches").EnumerateArray());
            Assert.Equal("wrapped", match.GetProperty("name").GetString());
            Assert.Equal("finished", match.GetProperty("status").GetString());
            using var manifest = project.ReadManifest();
            Assert.Equal(manifest.RootElement.GetProperty("fingerprint").GetString(), match.GetProperty("build").GetProperty("fingerprint").GetString());
        }

        var failing = Tool(project.Directory, "run", "--name", "failing", "--", "sh", "-c", "exit 3");
        Assert.Equal(3, failing.ExitCode);
        var record = failing.Output.Split('\n').Single(l => l.StartsWith("dotnet repro: run recorded in ", StringComparison.Ordinal))["dotnet repro: run recorded in ".Length..].Split(" (", StringSplitOptions.None)[0];
        using (var failed = JsonDocument.Parse(File.ReadAllBytes(record)))
        {
            Assert.Equal("failed", failed.RootElement.GetProperty("status").GetString());
            Assert.Equal(3, failed.RootElement.GetProperty("exitCode").GetInt32());
        }

        // A run of a build with uncommitted changes: rebuild finds the patch beside the run's program.
        File.AppendAllText(Path.Combine(project.Directory, "Code.cs"), "\n// tuned by hand\n");
        var dirtyBuild = project.Build();
        Assert.True(dirtyBuild.Succeeded, dirtyBuild.ToString());
        var dirtyRun = Path.GetFileName(Run("0.3"));
        var dirtyRebuild = Tool(repository, "rebuild", dirtyRun, "--output", Path.Combine(_fixture.Root, "tool-runs-rebuild-dirty"), "--json");
        Assert.True(dirtyRebuild.ExitCode == 0, dirtyRebuild.ToString());
        using (var document = JsonDocument.Parse(dirtyRebuild.Output))
        {
            Assert.True(document.RootElement.GetProperty("patchApplied").GetBoolean());
            Assert.True(document.RootElement.GetProperty("sameFingerprint").GetBoolean());
        }
    }

    [Fact]
    public void Bad_input_gives_one_line_with_its_code_and_exit_code_2()
    {
        var s = Get();
        var bad = Path.Combine(s.Snapshots, "bad");
        Directory.CreateDirectory(bad);
        var manifest = File.ReadAllText(s.Clean);
        File.WriteAllText(Path.Combine(bad, "not-json.repro.json"), "this is not JSON");
        File.WriteAllText(Path.Combine(bad, "future.repro.json"), manifest.Replace("\"schemaVersion\": 2", "\"schemaVersion\": 99", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(bad, "truncated.repro.json"), manifest[..(manifest.Length / 2)]);
        var noManifest = typeof(ToolTests).Assembly.Location; // this test assembly: no Repro.Build, no manifest

        foreach (var (arguments, code) in new[]
        {
            (new[] { "show", Path.Combine(bad, "not-json.repro.json") }, "REPRO502"),
            (new[] { "show", Path.Combine(bad, "future.repro.json") }, "REPRO503"),
            (new[] { "diff", s.Clean, Path.Combine(bad, "truncated.repro.json") }, "REPRO502"),
            (new[] { "show", noManifest }, "REPRO504"),
            (new[] { "verify", Path.Combine(bad, "missing.repro.json") }, "REPRO501"),
            (new[] { "export", "--format", "spdx", s.Clean }, "REPRO507"),
            (new[] { "diff", s.Clean }, "REPRO507"),
        })
        {
            var result = Tool(s.Repository, arguments);
            Assert.True(result.ExitCode == 2, $"{string.Join(' ', arguments)}: {result}");
            var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1, $"{string.Join(' ', arguments)}: {result}");
            Assert.StartsWith($"error {code}: ", lines[0], StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("update the tool", Tool(s.Repository, "show", Path.Combine(bad, "future.repro.json")).Output, StringComparison.Ordinal);
        Assert.Contains("truncated", Tool(s.Repository, "show", Path.Combine(bad, "truncated.repro.json")).Output, StringComparison.Ordinal);
    }

    private ProcessResult Tool(string workingDirectory, params string[] arguments) => _fixture.Tool(workingDirectory, arguments);

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    private Scenario Get()
    {
        lock (Gate)
        {
            return _scenario ??= Scenario.Build(_fixture);
        }
    }

    /// <summary>The four builds, each build's output folder copied aside before the next.</summary>
    private sealed class Scenario
    {
        private Scenario(string repository, string project, string snapshots, string cleanCommit)
        {
            Repository = repository;
            Project = project;
            Snapshots = snapshots;
            CleanCommit = cleanCommit;
        }

        public string Repository { get; }

        public string Project { get; }

        public string Snapshots { get; }

        public string CleanCommit { get; }

        public string Clean => Manifest("clean");

        public string ChangedData => Manifest("data");

        public string Dirty => Manifest("dirty");

        public string AddedPackage => Manifest("package");

        public static Scenario Build(PackageFixture fixture)
        {
            _ = fixture.ToolCommand; // pack and install first: a failure there should say so, not look like a build failure
            var (repository, project) = ConsumerProject.CreateInRepository(fixture, "tool", ConsumerProject.ModelSource,
                extraProperties: "<ReproSeed>42</ReproSeed>",
                extraItems: "<ReproData Include=\"data/\" />");
            Directory.CreateDirectory(Path.Combine(project.Directory, "data"));
            File.WriteAllText(Path.Combine(project.Directory, "data", "a.csv"), "x,y\n1,2\n");
            File.WriteAllText(Path.Combine(project.Directory, "data", "b.csv"), "x,y\n3,4\n");
            fixture.GitOutput(repository, "add", "-A");
            fixture.GitOutput(repository, "commit", "-q", "-m", "Add data");
            var snapshots = Path.Combine(fixture.Root, "tool-snapshots");
            var scenario = new Scenario(repository, project.Directory, snapshots, fixture.GitOutput(repository, "rev-parse", "HEAD"));

            scenario.BuildAndKeep(project, "clean");

            File.WriteAllText(Path.Combine(project.Directory, "data", "b.csv"), "x,y\n3,5\n");
            fixture.GitOutput(repository, "commit", "-q", "-am", "Change b.csv");
            scenario.BuildAndKeep(project, "data");

            File.WriteAllText(Path.Combine(project.Directory, "Code.cs"), ConsumerProject.ModelSource.Replace("0.01", "0.02", StringComparison.Ordinal));
            scenario.BuildAndKeep(project, "dirty");

            var projectFile = File.ReadAllText(project.ProjectFile);
            File.WriteAllText(project.ProjectFile, projectFile.Replace("<ReproData ", "<PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.3\" /><ReproData ", StringComparison.Ordinal));
            scenario.BuildAndKeep(project, "package");
            return scenario;
        }

        private string Manifest(string name) => Path.Combine(Snapshots, name, "Trainer.repro.json");

        private void BuildAndKeep(ConsumerProject project, string name)
        {
            var build = project.Build();
            Assert.True(build.Succeeded, build.ToString());
            var target = Path.Combine(Snapshots, name);
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(project.OutputPath()))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            }
        }
    }
}
