using System;
using System.IO;
using System.Text;
using Repro.Build.Manifest;
using Repro.Runs.Records;
using Repro.Tool.Input;

namespace Repro.Tool.Tests;

public sealed class ManifestLoaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "repro-tool-" + Guid.NewGuid().ToString("N")[..12]);

    public ManifestLoaderTests()
    {
        Directory.CreateDirectory(_folder);
    }

    [Fact]
    public void A_written_manifest_loads_back()
    {
        var path = Write("ok.repro.json", ManifestSerializer.ToUtf8Bytes(Manifests.Sample()));

        var loaded = ManifestLoader.Load(path);

        Assert.Equal(ManifestOrigin.File, loaded.Origin);
        Assert.Equal("Trainer", loaded.Manifest.Project.Name);
        Assert.Equal("data/b.csv", loaded.Manifest.Data.Items[0].Files[1].Path);
    }

    [Fact]
    public void The_assembly_and_patch_beside_a_manifest_are_named_after_the_assembly_not_the_project()
    {
        // <AssemblyName>Model</AssemblyName> in Trainer.csproj: the build writes Model.dll, Model.repro.json, Model.repro.patch.
        var manifest = Manifests.Sample();
        manifest.Git!.Patch = "Model.repro.patch";
        var path = Write("Model.repro.json", ManifestSerializer.ToUtf8Bytes(manifest));
        var assembly = Write("Model.dll", Encoding.UTF8.GetBytes("MZ"));
        Write("Trainer.dll", Encoding.UTF8.GetBytes("MZ")); // another build's assembly, named like the project
        var patch = Write("Model.repro.patch", Encoding.UTF8.GetBytes("diff --git a/x b/x\n"));

        var loaded = ManifestLoader.Load(path);

        Assert.Equal("Trainer", loaded.Manifest.Project.Name);
        Assert.Equal(assembly, loaded.AssemblyPath);
        Assert.Equal(patch, loaded.PatchPath);
    }

    [Theory]
    [InlineData("", "REPRO502", "the file is empty")]
    [InlineData("not json at all", "REPRO502", "not valid JSON")]
    [InlineData("{ \"schemaVersion\": 2, \"project\": { \"name\": ", "REPRO502", "truncated")]
    [InlineData("[1, 2]", "REPRO502", "an array, not an object")]
    [InlineData("{ \"project\": {} }", "REPRO502", "no integer \"schemaVersion\"")]
    [InlineData("{ \"schemaVersion\": 3 }", "REPRO503", "update the tool")]
    [InlineData("{ \"schemaVersion\": 0 }", "REPRO502", "not a version")]
    [InlineData("{ \"schemaVersion\": 2, \"seed\": [] }", "REPRO502", "wrong type")]
    [InlineData("{ \"schemaVersion\": 1, \"runId\": \"20261128-080000-000-aaaaaa\" }", "REPRO502", "it is a run record")]
    public void Bad_manifests_are_one_clear_input_error(string content, string code, string expected)
    {
        var path = Write("bad.repro.json", Encoding.UTF8.GetBytes(content));

        var error = Assert.Throws<ToolInputException>(() => ManifestLoader.Load(path));

        Assert.Equal(code, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_file_an_assembly_without_a_manifest_and_an_empty_folder_say_so()
    {
        Assert.Equal("REPRO501", Assert.Throws<ToolInputException>(() => ManifestLoader.Load(Path.Combine(_folder, "nope.repro.json"))).Code);
        Assert.Equal("REPRO504", Assert.Throws<ToolInputException>(() => ManifestLoader.Load(typeof(ManifestLoaderTests).Assembly.Location)).Code);
        Assert.Equal("REPRO504", Assert.Throws<ToolInputException>(() => ManifestLoader.Load(Write("fake.dll", Encoding.UTF8.GetBytes("MZ not really")))).Code);
        Assert.Equal("REPRO505", Assert.Throws<ToolInputException>(() => ManifestLoader.Load(_folder)).Code);
        var noRun = Assert.Throws<ToolInputException>(() => ManifestLoader.Load("20261128-071522-123-3f9a1c"));
        Assert.Equal("REPRO501", noRun.Code);
        Assert.Contains("neither a file nor a run in", noRun.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_folder_gives_its_manifest_and_asks_which_when_there_are_several()
    {
        var bytes = ManifestSerializer.ToUtf8Bytes(Manifests.Sample());
        Write(Path.Combine("bin", "Release", "net10.0", "Trainer.repro.json"), bytes);
        Assert.Equal("Trainer", ManifestLoader.Load(_folder).Manifest.Project.Name);

        Write(Path.Combine("bin", "Release", "net8.0", "Trainer.repro.json"), bytes);
        var error = Assert.Throws<ToolInputException>(() => ManifestLoader.Load(_folder));
        Assert.Equal("REPRO505", error.Code);
        Assert.Contains("bin/Release/net8.0/Trainer.repro.json", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, ManifestLoader.LoadAll(_folder, configuration: null, out var skipped).Count);
        Assert.Empty(skipped);

        // A stale Debug build beside it: the configuration built last is the one checked, the other is named.
        var debug = Write(Path.Combine("bin", "Debug", "net10.0", "Trainer.repro.json"), bytes);
        File.SetLastWriteTimeUtc(debug, DateTime.UtcNow.AddDays(-3));
        Assert.All(ManifestLoader.LoadAll(_folder, configuration: null, out skipped), m => Assert.Contains("Release", m.Path, StringComparison.Ordinal));
        Assert.Equal(new[] { "Debug" }, skipped);
        Assert.Equal(debug, Assert.Single(ManifestLoader.LoadAll(_folder, "debug", out skipped)).Path);
        Assert.Equal("REPRO505", Assert.Throws<ToolInputException>(() => ManifestLoader.LoadAll(_folder, "Profile", out _)).Code);
    }

    [Fact]
    public void A_run_record_or_its_folder_gives_the_build_it_ran_and_a_run_without_one_says_so()
    {
        var run = Manifests.SampleRun();
        var record = Write(Path.Combine("runs", run.RunId, "run.json"), RunRecordSerializer.ToUtf8Bytes(run));

        var byFile = ManifestLoader.Load(record);
        var byFolder = ManifestLoader.LoadAll(Path.GetDirectoryName(record)!, configuration: null, out _);

        Assert.Equal(ManifestOrigin.Run, byFile.Origin);
        Assert.Equal("run", byFile.OriginName);
        Assert.True(byFile.IsEmbedded);
        Assert.Equal(run.RunId, byFile.Run!.Record.RunId);
        Assert.Equal(Manifests.Sample().Fingerprint, byFile.Manifest.Fingerprint);
        Assert.Equal(record, Assert.Single(byFolder).Path);
        Assert.Null(byFile.AssemblyPath); // the run's command line names no program

        run.Build = null;
        var withoutBuild = Write(Path.Combine("runs", "other", "run.json"), RunRecordSerializer.ToUtf8Bytes(run));
        var error = Assert.Throws<ToolInputException>(() => ManifestLoader.Load(withoutBuild));
        Assert.Equal("REPRO504", error.Code);
        Assert.Contains("embedded no manifest", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }
}
