using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Repro.Build.Data;
using Repro.Build.Dependencies;
using Repro.Build.IO;
using Repro.Build.Manifest;
using Repro.Build.Toolchain;

namespace Repro.Build.Core.Tests;

/// <summary>
/// Hostile variants of the files the manifest step reads but does not own (NuGet's assets and lock files,
/// global.json, the hash cache): each reader either succeeds or fails with its documented exception, and
/// <see cref="ManifestCollector"/> always returns a manifest, with the reader's diagnostic when the file was refused.
/// The samples in TestData/ are real files (a restore of a small project; paths made neutral).
/// </summary>
public sealed class ReaderFuzzTests
{
    private const int Seed = 20_261_128;
    private const string Framework = "net10.0";
    private const string Moniker = ".NETCoreApp,Version=v10.0";

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    [Fact]
    public void The_samples_read_cleanly_and_agree()
    {
        using var temp = new TemporaryDirectory();
        var project = Project(temp);

        var diagnostics = new List<ReproDiagnostic>();
        var manifest = ManifestCollector.Collect(Request(project), diagnostics).Manifest;

        Assert.DoesNotContain(diagnostics, d => d.Severity != ReproDiagnosticSeverity.Message);
        Assert.Equal(new[] { "DiffPlex", "MessagePack", "MessagePack.Annotations", "Microsoft.NET.StringTools", "Newtonsoft.Json" },
            manifest.Dependencies.Packages.Select(p => p.Id));
        Assert.Equal("10.0.100", manifest.Toolchain.GlobalJson!.SdkVersion);
        Assert.Equal(2, manifest.Sources.Count);
    }

    [Fact]
    public void Mutated_assets_files_give_packages_or_InvalidDataException_and_REPRO201()
    {
        using var temp = new TemporaryDirectory();
        var project = Project(temp);
        var assets = Path.Combine(project, "obj", "project.assets.json");
        var checkedCollect = 0;
        foreach (var (mutation, index) in JsonMutations.All(Sample("project.assets.json"), Seed, truncateEvery: 97, valueSwaps: 300, randomEdits: 200).Select((m, i) => (m, i)))
        {
            File.WriteAllBytes(assets, mutation.Bytes);
            var refused = ReaderOutcome(mutation, assets, () => ProjectAssetsReader.Read(assets, Framework, Moniker, null));
            if (index % 7 != 0)
            {
                continue;
            }

            File.WriteAllBytes(assets, mutation.Bytes);
            var (manifest, diagnostics) = Collect(project);
            checkedCollect++;
            Assert.True(refused == diagnostics.Any(d => d.Code == DiagnosticIds.AssetsFileUnreadable), Describe(mutation, diagnostics));
            if (refused)
            {
                Assert.Empty(manifest.Dependencies.Packages);
            }
        }

        Assert.True(checkedCollect > 50);
    }

    [Fact]
    public void Mutated_lock_files_give_differences_or_InvalidDataException_and_REPRO202()
    {
        using var temp = new TemporaryDirectory();
        var project = Project(temp);
        var lockFile = Path.Combine(project, "packages.lock.json");
        var restored = ProjectAssetsReader.Read(Path.Combine(project, "obj", "project.assets.json"), Framework, Moniker, null).Packages;
        var checkedCollect = 0;
        foreach (var (mutation, index) in JsonMutations.All(Sample("packages.lock.json"), Seed, truncateEvery: 11, valueSwaps: 300, randomEdits: 200).Select((m, i) => (m, i)))
        {
            File.WriteAllBytes(lockFile, mutation.Bytes);
            List<string>? differences = null;
            var refused = ReaderOutcome(mutation, lockFile, () => differences = LockFileComparer.Compare(lockFile, Framework, Moniker, null, restored));
            if (index % 5 != 0)
            {
                continue;
            }

            File.WriteAllBytes(lockFile, mutation.Bytes);
            var (manifest, diagnostics) = Collect(project);
            checkedCollect++;
            var expectWarning = refused || differences!.Count > 0;
            Assert.True(expectWarning == diagnostics.Any(d => d.Code == DiagnosticIds.LockFileMismatch), Describe(mutation, diagnostics));
            Assert.Equal(Hashing.Sha256Hex(mutation.Bytes), manifest.Dependencies.LockFile!.Sha256);
            Assert.Equal(5, manifest.Dependencies.Packages.Count);
        }

        Assert.True(checkedCollect > 50);
    }

    [Fact]
    public void Mutated_global_json_files_give_a_section_or_InvalidDataException_and_REPRO204()
    {
        using var temp = new TemporaryDirectory();
        var project = Project(temp);
        var globalJson = Path.Combine(project, "global.json");
        foreach (var (mutation, index) in JsonMutations.All(Sample("global.json"), Seed, truncateEvery: 1, valueSwaps: 120, randomEdits: 150).Select((m, i) => (m, i)))
        {
            File.WriteAllBytes(globalJson, mutation.Bytes);
            GlobalJsonSection? section = null;
            var refused = ReaderOutcome(mutation, globalJson, () => section = ToolchainReader.ReadGlobalJson(project));
            if (index % 4 != 0)
            {
                continue;
            }

            var (manifest, diagnostics) = Collect(project);
            Assert.True(refused == diagnostics.Any(d => d.Code == DiagnosticIds.GlobalJsonUnreadable), Describe(mutation, diagnostics));
            Assert.Equal(refused ? null : section!.SdkVersion, manifest.Toolchain.GlobalJson?.SdkVersion);
        }
    }

    [Fact]
    public void Mutated_hash_caches_are_read_or_empty_and_never_cost_a_true_hash()
    {
        using var temp = new TemporaryDirectory();
        var project = Project(temp);
        var cachePath = Path.Combine(project, "obj", "repro.hashcache.json");
        Collect(project); // writes a real cache for the two sources
        var original = File.ReadAllBytes(cachePath);
        Assert.Equal(2, CacheEntries(cachePath));
        var truth = Collect(project).Manifest.Sources.Files.ToDictionary(f => f.Path, f => f.Sha256);

        foreach (var (mutation, index) in JsonMutations.All(original, Seed, truncateEvery: 7, valueSwaps: 200, randomEdits: 200).Select((m, i) => (m, i)))
        {
            File.WriteAllBytes(cachePath, mutation.Bytes);
            FileHashCache.Load(cachePath); // must not throw
            if (index % 3 != 0)
            {
                continue;
            }

            File.WriteAllBytes(cachePath, mutation.Bytes);
            var (manifest, diagnostics) = Collect(project);
            Assert.DoesNotContain(diagnostics, d => d.Severity != ReproDiagnosticSeverity.Message);
            if (!mutation.ChangesBytesOnly || mutation.Description.StartsWith("cut", StringComparison.Ordinal))
            {
                // A byte edit can turn one hex digit into another: a cache keyed by size and time cannot see that.
                Assert.Equal(truth, manifest.Sources.Files.ToDictionary(f => f.Path, f => f.Sha256));
            }
        }
    }

    [Theory]
    [InlineData("project.assets.json")]
    [InlineData("packages.lock.json")]
    [InlineData("global.json")]
    [InlineData("repro.hashcache.json")]
    public void A_100_MB_file_is_read_or_refused_quickly(string name)
    {
        using var temp = new TemporaryDirectory();
        var project = Project(temp);
        var path = name switch
        {
            "project.assets.json" => Path.Combine(project, "obj", name),
            "repro.hashcache.json" => Path.Combine(project, "obj", name),
            _ => Path.Combine(project, name),
        };
        if (name == "repro.hashcache.json")
        {
            Collect(project);
        }

        File.WriteAllBytes(path, JsonMutations.WithHugeString(File.ReadAllBytes(path), 100 * 1024 * 1024));
        var started = DateTime.UtcNow;

        var (manifest, diagnostics) = Collect(project);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
        Assert.Equal(5, manifest.Dependencies.Packages.Count);
        Assert.DoesNotContain(diagnostics, d => d.Severity != ReproDiagnosticSeverity.Message && d.Code != DiagnosticIds.GlobalJsonUnreadable);
        if (name == "global.json")
        {
            // Larger than any global.json: refused without being parsed.
            Assert.Contains(diagnostics, d => d.Code == DiagnosticIds.GlobalJsonUnreadable && d.Message.Contains("larger than 1 MiB", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_lock_file_with_a_wrongly_typed_value_gives_REPRO202_naming_the_place_not_an_exception()
    {
        using var temp = new TemporaryDirectory();
        var project = Project(temp);
        var lockFile = Path.Combine(project, "packages.lock.json");
        File.WriteAllText(lockFile, Encoding.UTF8.GetString(Sample("packages.lock.json"))
            .Replace("\"type\": \"Transitive\"", "\"type\": 7", StringComparison.Ordinal));

        var (manifest, diagnostics) = Collect(project);

        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticIds.LockFileMismatch);
        Assert.Contains(lockFile, warning.Message, StringComparison.Ordinal);
        Assert.Contains("dependencies.\"net10.0\".\"MessagePack.Annotations\".type is a number where a string belongs", warning.Message, StringComparison.Ordinal);
        Assert.Equal(5, manifest.Dependencies.Packages.Count);
        Assert.NotNull(manifest.Dependencies.LockFile);
    }

    [Theory]
    [InlineData("""{ "targets": { "net10.0": { "A/1.0.0": { "type": "package" }, "A/1.0.0": { "type": "package" } } } }""", "has the key \"A/1.0.0\" twice")]
    [InlineData("""{ "targets": { "net10.0": { "A/1.0.0": { "type": "package" }, "a/1.0.0": { "type": "package" } } } }""", "lists the library \"a/1.0.0\" twice")]
    [InlineData("""{ "targets": { "net10.0": { "A/1.0.0": null } } }""", "targets.\"net10.0\".\"A/1.0.0\" is null where an object belongs")]
    [InlineData("""{ "targets": { "net10.0": [] } }""", "targets.\"net10.0\" is an array where an object belongs")]
    [InlineData("""{ "targets": { "net10.0": { "A/1.0.0": { "type": "package" } } }, "libraries": { "A/1.0.0": { "sha512": 5 } } }""", "libraries.\"A/1.0.0\".sha512 is a number where a string belongs")]
    [InlineData("""{ "targets": { "net10.0": { "A/1.0.0": { "type": "\uD800" } } } }""", "type is a string that is not valid text")]
    [InlineData("""{ "targets": null }""", "targets is null where an object belongs")]
    [InlineData("""{ "version": 3 }""", "has no 'targets' object")]
    [InlineData("""[ "targets" ]""", "the document is an array where an object belongs")]
    public void Malformed_assets_files_are_InvalidDataException_naming_file_and_place(string json, string expected)
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("project.assets.json", json);

        var ex = Assert.Throws<InvalidDataException>(() => ProjectAssetsReader.Read(path, Framework, Moniker, null));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_10000_deep_and_invalid_UTF8_are_InvalidDataException()
    {
        using var temp = new TemporaryDirectory();
        var deep = temp.WriteFile("deep.json", "{ \"targets\": " + new string('[', 10_000) + new string(']', 10_000) + " }");
        Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => ProjectAssetsReader.Read(deep, Framework, null, null)).Message, StringComparison.Ordinal);

        var bytes = Encoding.UTF8.GetBytes("""{ "targets": { "net10.0": { "A/1.0.0": { "type": "package" } } } }""");
        bytes[Array.IndexOf(bytes, (byte)'A')] = 0xFF;
        var invalid = temp.Combine("invalid.json");
        File.WriteAllBytes(invalid, bytes);
        Assert.Contains("not valid UTF-8", Assert.Throws<InvalidDataException>(() => ProjectAssetsReader.Read(invalid, Framework, null, null)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.WriteFile("big.json", "{ \"a\": \"" + new string('x', 2000) + "\" }");

        var ex = Assert.Throws<InvalidDataException>(() => JsonInputFile.Read(path, maxBytes: 1000));

        Assert.Contains("larger than 1000 bytes", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs a reader; returns whether it refused the file. Anything but InvalidDataException fails the test.</summary>
    private static bool ReaderOutcome(JsonMutation mutation, string path, Action read)
    {
        try
        {
            read();
            return false;
        }
        catch (InvalidDataException ex)
        {
            Assert.True(ex.Message.Contains(path, StringComparison.Ordinal), $"{mutation.Description}: the message does not name the file: {ex.Message}");
            return true;
        }
        catch (Exception ex)
        {
            Assert.Fail($"{mutation.Description}: {ex.GetType().Name} escaped: {ex.Message}");
            return true;
        }
    }

    private static string Describe(JsonMutation mutation, List<ReproDiagnostic> diagnostics) =>
        mutation.Description + ": " + string.Join(" | ", diagnostics);

    private static int CacheEntries(string path)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("files").EnumerateObject().Count();
    }

    /// <summary>A project folder with the samples in place (no git: the git section is not under test here).</summary>
    private static string Project(TemporaryDirectory temp)
    {
        var project = Directory.CreateDirectory(temp.Combine("Trainer")).FullName;
        Directory.CreateDirectory(Path.Combine(project, "obj"));
        File.WriteAllBytes(Path.Combine(project, "obj", "project.assets.json"), Sample("project.assets.json"));
        File.WriteAllBytes(Path.Combine(project, "packages.lock.json"), Sample("packages.lock.json"));
        File.WriteAllBytes(Path.Combine(project, "global.json"), Sample("global.json"));
        File.WriteAllText(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(1);\n");
        File.WriteAllText(Path.Combine(project, "Model.cs"), "class Model { }\n");
        return project;
    }

    private static ManifestRequest Request(string project) => new()
    {
        ProjectDirectory = project,
        ProjectName = "Trainer",
        TargetFramework = Framework,
        TargetFrameworkMoniker = Moniker,
        Configuration = "Release",
        ProjectAssetsFile = Path.Combine(project, "obj", "project.assets.json"),
        RecordGit = false,
        CompileItems = { "Program.cs", "Model.cs" },
        HashCachePath = Path.Combine(project, "obj", "repro.hashcache.json"),
        EnvironmentVariables = new System.Collections.Hashtable(),
    };

    private static (ReproManifest Manifest, List<ReproDiagnostic> Diagnostics) Collect(string project)
    {
        var diagnostics = new List<ReproDiagnostic>();
        var manifest = ManifestCollector.Collect(Request(project), diagnostics).Manifest;
        Assert.NotNull(manifest);
        Assert.NotNull(manifest.Fingerprint);
        return (manifest, diagnostics);
    }
}
