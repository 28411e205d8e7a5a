using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Repro.Build.IntegrationTests;

/// <summary>
/// Hostile working trees and data folders through a real build of the packed package: the build ends, says what it
/// skipped, and records nothing it should not. A hang fails by the process runner's timeout.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class HostileInputBuildTests
{
    private const string Source = ConsumerProject.ModelSource;

    private readonly PackageFixture _fixture;

    public HostileInputBuildTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    private (string Repository, ConsumerProject Project) CreateRepository(string name, string extraProperties = "", string extraItems = "") =>
        ConsumerProject.CreateInRepository(_fixture, name, Source, extraProperties: extraProperties, extraItems: extraItems);

    private static void MakeFifo(string path)
    {
        using var process = Process.Start("mkfifo", new[] { path })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public void Fifos_devices_links_and_secrets_in_data_and_the_working_tree_neither_hang_the_build_nor_leak()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var (repository, project) = CreateRepository("hostile", extraItems: "<ReproData Include=\"data/\" />");
        var data = Directory.CreateDirectory(Path.Combine(project.Directory, "data")).FullName;
        File.WriteAllText(Path.Combine(data, "train.csv"), "a,b\n1,2\n");
        MakeFifo(Path.Combine(data, "pipe"));
        File.CreateSymbolicLink(Path.Combine(data, "zero"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(data, "to-pipe"), "pipe");
        Directory.CreateSymbolicLink(Path.Combine(data, "loop"), data);
        MakeFifo(Path.Combine(repository, "untracked-pipe"));
        File.CreateSymbolicLink(Path.Combine(repository, "link-to-pipe"), "untracked-pipe");
        File.CreateSymbolicLink(Path.Combine(repository, "link-to-zero"), "/dev/zero");
        Directory.CreateDirectory(Path.Combine(_fixture.Projects, "outside"));
        File.WriteAllText(Path.Combine(_fixture.Projects, "outside", "vault.txt"), "the vault combination is 1234\n");
        File.CreateSymbolicLink(Path.Combine(repository, "notes.txt"), "../outside/vault.txt");
        File.WriteAllText(Path.Combine(project.Directory, "appsettings.Local.json"), "{ \"Logging\": { \"Level\": \"Debug\" }, \"Password\": \"hunter2\" }\n");

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        var skipped = string.Join("\n", build.Warnings.Where(w => w.Contains("REPRO304", StringComparison.Ordinal)));
        Assert.Contains("data/pipe", skipped);
        Assert.Contains("data/zero", skipped);
        Assert.Contains("data/loop", skipped);
        using var manifest = project.ReadManifest();
        var item = manifest.RootElement.GetProperty("data").GetProperty("items")[0];
        Assert.Equal(1, item.GetProperty("fileCount").GetInt32());
        Assert.Equal(_fixture.Sha256Sum(Path.Combine(data, "train.csv")), item.GetProperty("files")[0].GetProperty("sha256").GetString());

        var patch = File.ReadAllText(Path.Combine(project.OutputPath(), "Trainer.repro.patch"));
        Assert.DoesNotContain("vault combination", patch);
        Assert.DoesNotContain("hunter2", patch);
        Assert.Contains("+../outside/vault.txt", patch);
        Assert.Contains("+/dev/zero", patch);
        var omitted = manifest.RootElement.GetProperty("git").GetProperty("patchOmitted").EnumerateArray()
            .ToDictionary(o => o.GetProperty("path").GetString()!, o => o.GetProperty("reason").GetString());
        Assert.Equal("secret-content", omitted["Trainer/appsettings.Local.json"]);
    }

    [Fact]
    public void Data_declared_by_absolute_path_gives_one_fingerprint_in_every_clone_and_no_path_in_the_assembly()
    {
        var (repository, _) = CreateRepository("absolute-data",
            extraItems: "<ReproData Include=\"$(MSBuildProjectDirectory)/data/\" /><ReproData Include=\"$(MSBuildProjectDirectory)/../shared/labels.txt\" />");
        Directory.CreateDirectory(Path.Combine(repository, "Trainer", "data"));
        File.WriteAllText(Path.Combine(repository, "Trainer", "data", "a.csv"), "1,2\n");
        Directory.CreateDirectory(Path.Combine(repository, "shared"));
        File.WriteAllText(Path.Combine(repository, "shared", "labels.txt"), "cat\ndog\n");
        _fixture.GitOutput(repository, "add", "-A");
        _fixture.GitOutput(repository, "commit", "-q", "-m", "data");

        string BuildClone(string path)
        {
            _fixture.GitOutput(_fixture.Projects, "clone", "-q", repository, path);
            var clone = ConsumerProject.Open(_fixture, Path.Combine(path, "Trainer"), "Trainer");
            var build = clone.Build();
            Assert.True(build.Succeeded, build.ToString());
            // The compiler itself records the PDB's path in a debug build; what we embed must name no folder of the clone.
            var assembly = File.ReadAllBytes(Path.Combine(clone.OutputPath(), "Trainer.dll"));
            Assert.False(ByteSearch.ContainsText(assembly, Path.Combine(path, "Trainer", "data")), "the assembly names the data folder");
            Assert.False(ByteSearch.ContainsText(assembly, Path.Combine(path, "shared")), "the assembly names the shared folder");
            Assert.DoesNotContain(path, File.ReadAllText(Path.Combine(clone.Directory, "obj", "Debug", "net10.0", "Repro.Manifest.json")), StringComparison.Ordinal);
            using var manifest = clone.ReadManifest();
            Assert.DoesNotContain(path, manifest.RootElement.GetProperty("data").GetRawText(), StringComparison.Ordinal);
            return manifest.RootElement.GetProperty("fingerprint").GetString()!;
        }

        var first = BuildClone(Path.Combine(_fixture.Projects, "clone-a"));
        var second = BuildClone(Path.Combine(_fixture.Projects, "deeper", "place", "clone-b"));

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_patch_cap_of_zero_records_the_dirty_state_without_a_patch_or_a_warning()
    {
        var (_, project) = CreateRepository("no-patch", extraProperties: "<ReproPatchMaxBytes>0</ReproPatchMaxBytes>");
        File.WriteAllText(Path.Combine(project.Directory, "Code.cs"), Source.Replace("0.01", "0.02", StringComparison.Ordinal));

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("REPRO104", build.WarningCodes);
        using var manifest = project.ReadManifest();
        Assert.True(manifest.RootElement.GetProperty("git").GetProperty("dirty").GetBoolean());
        Assert.False(File.Exists(Path.Combine(project.OutputPath(), "Trainer.repro.patch")));
    }

    [Fact]
    public void Untracked_raw_data_is_listed_not_inlined_and_the_patch_stays_small()
    {
        var (repository, project) = CreateRepository("untracked-data");
        var raw = Directory.CreateDirectory(Path.Combine(repository, "raw")).FullName;
        for (var i = 0; i < 2000; i++)
        {
            File.WriteAllText(Path.Combine(raw, $"sample-{i:0000}.csv"), $"{i},{i % 7},{i * 0.5}\n");
        }

        File.WriteAllText(Path.Combine(project.Directory, "Extra.cs"), "namespace Trainer; public static class Extra { }\n");

        var build = project.Build();

        Assert.True(build.Succeeded, build.ToString());
        var patch = File.ReadAllText(Path.Combine(project.OutputPath(), "Trainer.repro.patch"));
        Assert.Contains("public static class Extra", patch);
        Assert.DoesNotContain("sample-0001.csv", patch);
        Assert.True(patch.Length < 4096, $"the patch has {patch.Length} bytes");
        using var manifest = project.ReadManifest();
        var listed = manifest.RootElement.GetProperty("git").GetProperty("untracked").EnumerateArray().Single();
        Assert.Equal("raw/", listed.GetProperty("path").GetString());
        Assert.Equal(2000, listed.GetProperty("fileCount").GetInt32());

        // A second, unchanged build reuses the patch (the cache lives in the repository's git folder).
        Assert.True(Directory.EnumerateFiles(Path.Combine(repository, ".git", "repro"), "*.patch").Any());
        var again = project.Build();
        Assert.True(again.Succeeded, again.ToString());
        Assert.Equal(patch, File.ReadAllText(Path.Combine(project.OutputPath(), "Trainer.repro.patch")));
    }
}
