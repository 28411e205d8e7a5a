using System.IO;
using System.Linq;
using System.Text.Json;

namespace Repro.Build.IntegrationTests;

/// <summary>A project in a git repository, built as a user builds it.</summary>
[Collection(PackageCollection.Name)]
public sealed class ManifestTests
{
    private const string Source = """
        namespace Trainer;

        public static class Program
        {
            public static int Main()
            {
                var shuffle = new Random();
                return shuffle.Next(1) + Newtonsoft.Json.JsonConvert.SerializeObject(1).Length - 1;
            }
        }
        """;

    private readonly PackageFixture _fixture;

    public ManifestTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    private (string Repository, ConsumerProject Project) CreateRepository(string name) =>
        ConsumerProject.CreateInRepository(_fixture, name, Source, projectPath: Path.Combine("src", "Trainer"),
            extraProperties: "<OutputType>Exe</OutputType>",
            extraItems: "<PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.3\" />");

    [Fact]
    public void Build_writes_a_manifest_with_commit_branch_packages_and_toolchain()
    {
        var (repository, project) = CreateRepository("basic");

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        using var manifest = project.ReadManifest();
        var root = manifest.RootElement;
        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("Trainer", root.GetProperty("project").GetProperty("name").GetString());
        Assert.Equal("net10.0", root.GetProperty("project").GetProperty("targetFramework").GetString());
        Assert.Equal("Debug", root.GetProperty("project").GetProperty("configuration").GetString());
        Assert.Equal(_fixture.GitOutput(repository, "rev-parse", "HEAD"), root.GetProperty("git").GetProperty("commit").GetString());
        Assert.Equal("main", root.GetProperty("git").GetProperty("branch").GetString());

        var packages = root.GetProperty("dependencies").GetProperty("packages").EnumerateArray()
            .Select(p => p.GetProperty("id").GetString() + "/" + p.GetProperty("version").GetString())
            .ToList();
        Assert.Contains("Newtonsoft.Json/13.0.3", packages);
        Assert.Contains("Repro.Build/" + _fixture.PackageVersion, packages);

        Assert.StartsWith("10.", root.GetProperty("toolchain").GetProperty("sdkVersion").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("toolchain").GetProperty("msbuildVersion").GetString()));
        var environment = root.GetProperty("environment");
        Assert.False(string.IsNullOrEmpty(environment.GetProperty("os").GetProperty("description").GetString()));
        Assert.Equal("linux", environment.GetProperty("os").GetProperty("platform").GetString());
        Assert.Equal(System.Environment.ProcessorCount, environment.GetProperty("cpu").GetProperty("logicalCores").GetInt32());
        Assert.True(environment.GetProperty("memoryBytes").GetInt64() > 0);
        Assert.Contains(environment.GetProperty("dotnetRuntimes").EnumerateArray(), r => r.GetString()!.StartsWith("Microsoft.NETCore.App ", System.StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, environment.GetProperty("host").ValueKind);

        // The unseeded generator is the only thing the build warns about.
        var warning = Assert.Single(build.Warnings);
        Assert.Contains("Code.cs(7,23): warning REPRO001", warning);
    }

    [Fact]
    public void Manifest_follows_HEAD_is_rewritten_only_on_change_and_is_removed_by_clean()
    {
        var (repository, project) = CreateRepository("lifecycle");
        Assert.True(project.Build().Succeeded);
        var manifestPath = project.ManifestPath();
        var assemblyPath = Path.Combine(project.OutputPath(), "Trainer.dll");
        var firstManifestTime = File.GetLastWriteTimeUtc(manifestPath);
        var firstAssembly = File.ReadAllBytes(assemblyPath);

        // No-op rebuild: neither the manifest nor the assembly is touched.
        var noop = project.Build();
        Assert.True(noop.Succeeded, noop.ToString());
        Assert.Equal(firstManifestTime, File.GetLastWriteTimeUtc(manifestPath));
        Assert.Equal(firstAssembly, File.ReadAllBytes(assemblyPath));

        // A new commit moves HEAD: the manifest follows. (The assembly changes too: the SDK puts the commit into
        // AssemblyInformationalVersion.)
        File.WriteAllText(Path.Combine(repository, "NOTES.md"), "notes");
        _fixture.GitOutput(repository, "add", "-A");
        _fixture.GitOutput(repository, "commit", "-q", "-m", "notes");
        Assert.True(project.Build().Succeeded);
        Assert.Equal(_fixture.GitOutput(repository, "rev-parse", "HEAD"), CommitOf(project));
        var assemblyOfThisCommit = File.ReadAllBytes(assemblyPath);

        // Detached HEAD with packed refs: the commit is still right and the branch is null.
        _fixture.GitOutput(repository, "checkout", "-q", "--detach");
        _fixture.GitOutput(repository, "pack-refs", "--all");
        Assert.True(project.Build().Succeeded);
        using (var detached = project.ReadManifest())
        {
            Assert.Equal(_fixture.GitOutput(repository, "rev-parse", "HEAD"), detached.RootElement.GetProperty("git").GetProperty("commit").GetString());
            Assert.Equal(JsonValueKind.Null, detached.RootElement.GetProperty("git").GetProperty("branch").ValueKind);
        }

        // Back on the branch, now only in packed-refs.
        _fixture.GitOutput(repository, "checkout", "-q", "main");
        Assert.False(File.Exists(Path.Combine(repository, ".git", "refs", "heads", "main")));
        Assert.True(project.Build().Succeeded);
        using (var packed = project.ReadManifest())
        {
            Assert.Equal("main", packed.RootElement.GetProperty("git").GetProperty("branch").GetString());
        }

        var clean = project.Run("clean");
        Assert.True(clean.Succeeded, clean.ToString());
        Assert.False(File.Exists(manifestPath), "dotnet clean must remove the manifest");

        // Two clean builds of the same commit give the same assembly, byte for byte.
        Assert.True(project.Build().Succeeded);
        Assert.Equal(assemblyOfThisCommit, File.ReadAllBytes(assemblyPath));
    }

    [Fact]
    public void The_assembly_carries_the_manifest_and_ReproBuildInfo_but_no_paths_times_or_host()
    {
        var (_, project) = CreateRepository("assembly");
        // ContinuousIntegrationBuild: the SDK's own paths (PDB, sources) become /_/, so whatever remains would be ours.
        Assert.True(project.Build("-p:ContinuousIntegrationBuild=true").Succeeded);
        var assemblyPath = Path.Combine(project.OutputPath(), "Trainer.dll");
        var assembly = File.ReadAllBytes(assemblyPath);
        string fingerprint;
        using (var manifest = project.ReadManifest())
        {
            fingerprint = manifest.RootElement.GetProperty("fingerprint").GetString()!;
        }

        var embedded = ReadEmbeddedManifest(assemblyPath);
        using (var document = JsonDocument.Parse(embedded))
        {
            Assert.Equal(fingerprint, document.RootElement.GetProperty("fingerprint").GetString());
            Assert.False(document.RootElement.TryGetProperty("environment", out _), "the machine-dependent part stays in the sidecar file");
        }

        Assert.True(ByteSearch.ContainsText(assembly, fingerprint), "ReproBuildInfo.Fingerprint is compiled in");
        Assert.False(ByteSearch.ContainsText(assembly, project.Directory), "no absolute path");
        Assert.False(ByteSearch.ContainsText(assembly, _fixture.Root), "no absolute path");
        Assert.False(ByteSearch.ContainsText(assembly, System.DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "no date");
        if (System.Environment.MachineName.Length >= 6)
        {
            Assert.False(ByteSearch.ContainsText(assembly, System.Environment.MachineName), "no host name");
        }

        // With both switched off, the assembly is exactly what it is without the package.
        Assert.True(project.Build("-p:ContinuousIntegrationBuild=true", "-p:ReproGenerateBuildInfo=false", "-p:ReproEmbedManifest=false", "--no-incremental").Succeeded);
        var switchedOff = File.ReadAllBytes(assemblyPath);
        File.WriteAllText(project.ProjectFile, File.ReadAllText(project.ProjectFile)
            .Replace("<PackageReference Include=\"Repro.Build\" Version=\"$(ReproBuildVersion)\" />", "", System.StringComparison.Ordinal));
        var without = project.Build("-p:ContinuousIntegrationBuild=true", "--no-incremental");
        Assert.True(without.Succeeded, without.ToString());
        Assert.Equal(switchedOff, File.ReadAllBytes(assemblyPath));
    }

    private static string ReadEmbeddedManifest(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != "Repro.Manifest.json")
            {
                continue;
            }

            var directory = reader.GetSectionData(reader.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress);
            var blob = directory.GetReader((int)resource.Offset, directory.Length - (int)resource.Offset);
            var length = blob.ReadInt32();
            return System.Text.Encoding.UTF8.GetString(blob.ReadBytes(length));
        }

        throw new Xunit.Sdk.XunitException("The assembly has no Repro.Manifest.json resource.");
    }

    [Fact]
    public void Publish_copies_the_manifest()
    {
        var (_, project) = CreateRepository("publish");
        var publishDirectory = Path.Combine(project.Directory, "published");

        var publish = project.Run("publish", "-o", publishDirectory);

        Assert.True(publish.Succeeded, publish.ToString());
        Assert.True(File.Exists(Path.Combine(publishDirectory, "Trainer.repro.json")), publish.ToString());
    }

    private static string? CommitOf(ConsumerProject project)
    {
        using var manifest = project.ReadManifest();
        return manifest.RootElement.GetProperty("git").GetProperty("commit").GetString();
    }

    [Fact]
    public void Targets_of_the_user_build_on_the_fingerprint_commit_and_manifest_path()
    {
        var (repository, project) = ConsumerProject.CreateInRepository(_fixture, "outputs", "namespace Trainer; public static class Model { }\n",
            extraProperties: "<WriteReproManifestDependsOn>$(WriteReproManifestDependsOn);BeforeManifest</WriteReproManifestDependsOn>");
        File.WriteAllText(Path.Combine(project.Directory, "Directory.Build.targets"), """
            <Project>
              <Target Name="BeforeManifest">
                <Message Importance="high" Text="before-manifest-ran" />
              </Target>
              <Target Name="UseManifest" AfterTargets="WriteReproManifest">
                <Message Importance="high" Text="fingerprint=$(ReproFingerprint)" />
                <Message Importance="high" Text="commit=$(ReproCommit)" />
                <Message Importance="high" Text="manifest=@(ReproManifestOutput) tfm=%(ReproManifestOutput.TargetFramework) item-fingerprint=%(ReproManifestOutput.Fingerprint)" />
              </Target>
            </Project>
            """);
        _fixture.GitOutput(repository, "add", "-A");
        _fixture.GitOutput(repository, "commit", "-q", "-m", "targets");

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        using var manifest = project.ReadManifest();
        var fingerprint = manifest.RootElement.GetProperty("fingerprint").GetString();
        var output = build.Process.Output;
        Assert.Contains("before-manifest-ran", output, System.StringComparison.Ordinal);
        Assert.Contains("fingerprint=" + fingerprint, output, System.StringComparison.Ordinal);
        Assert.Contains("commit=" + _fixture.GitOutput(repository, "rev-parse", "HEAD"), output, System.StringComparison.Ordinal);
        Assert.Contains($"manifest={project.ManifestPath()} tfm=net10.0 item-fingerprint={fingerprint}", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_dotnet_CLI_loads_the_tasks_compiled_ahead_of_time_for_its_platform()
    {
        // The package carries ReadyToRun images of the tasks for the .NET 10 runtime on four platforms.
        using (var package = System.IO.Compression.ZipFile.OpenRead(_fixture.PackagePath))
        {
            foreach (var runtime in new[] { "linux-x64", "linux-arm64", "win-x64", "osx-arm64" })
            {
                foreach (var assembly in new[] { "Repro.Build.Tasks.dll", "Repro.Build.Core.dll" })
                {
                    var entry = package.GetEntry($"tasks/net10.0/{runtime}/{assembly}");
                    Assert.True(entry is not null, $"tasks/net10.0/{runtime}/{assembly} is missing from the package");
                    using var stream = new MemoryStream();
                    using (var content = entry!.Open())
                    {
                        content.CopyTo(stream);
                    }

                    stream.Position = 0;
                    using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
                    Assert.True(reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"tasks/net10.0/{runtime}/{assembly} is not a ReadyToRun image");
                }
            }
        }

        var (_, project) = CreateRepository("ahead-of-time");

        var build = project.Build("-v:diag");

        Assert.True(build.Succeeded, build.ToString());
        var folder = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier is "linux-x64" or "linux-arm64" or "win-x64" or "osx-arm64"
            ? "tasks/net10.0/" + System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier
            : "tasks/net8.0";
        Assert.Matches($"Using \"StartReproManifest\" task from assembly \"[^\"]*/{folder}/Repro.Build.Tasks.dll\"", build.Process.Output.Replace('\\', '/'));
    }
}
