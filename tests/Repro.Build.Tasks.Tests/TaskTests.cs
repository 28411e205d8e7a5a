using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;


namespace Repro.Build.Tasks.Tests;

public sealed class TaskTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "repro-tasks-" + Guid.NewGuid().ToString("N")[..12]);

    public TaskTests()
    {
        Directory.CreateDirectory(_root);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private StartReproManifest Start(MockBuildEngine engine, string manifest, params (string Name, string Value)[] extra)
    {
        var task = new StartReproManifest
        {
            BuildEngine = engine,
            ManifestPath = manifest,
            PatchPath = Path.ChangeExtension(manifest, ".patch"),
            ProjectDirectory = _root,
            ProjectName = "Trainer",
            TargetFramework = "net10.0",
            RecordGit = false,
        };
        foreach (var (name, value) in extra)
        {
            typeof(StartReproManifest).GetProperty(name)!.SetValue(task, value);
        }

        return task;
    }

    [Fact]
    public void Start_then_write_produces_the_manifest_and_reports_findings_as_warnings_with_codes()
    {
        var engine = new MockBuildEngine();
        var manifest = Path.Combine(_root, "bin", "Trainer.repro.json");
        Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);

        Assert.True(Start(engine, manifest).Execute());
        var write = new WriteReproManifest { BuildEngine = engine, ManifestPath = manifest, PatchPath = Path.ChangeExtension(manifest, ".patch") };
        Assert.True(write.Execute());

        Assert.True(write.ManifestWritten);
        Assert.True(File.Exists(manifest));
        Assert.Contains(engine.Warnings, w => w.Code == DiagnosticIds.AssetsFileUnreadable); // no assets file here
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void An_invalid_setting_is_a_REPRO301_warning_not_an_exception()
    {
        var engine = new MockBuildEngine();
        var manifest = Path.Combine(_root, "Trainer.repro.json");

        Assert.True(Start(engine, manifest, ("PatchMaxBytes", "lots")).Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(DiagnosticIds.InvalidSetting, warning.Code);
        Assert.Contains("lots", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_without_a_started_capture_warns_REPRO900_and_leaves_no_stale_manifest()
    {
        var engine = new MockBuildEngine();
        var manifest = Path.Combine(_root, "Trainer.repro.json");
        File.WriteAllText(manifest, "{ \"from\": \"an earlier build\" }");

        var write = new WriteReproManifest { BuildEngine = engine, ManifestPath = manifest, PatchPath = Path.ChangeExtension(manifest, ".patch") };
        Assert.True(write.Execute());

        Assert.Equal(DiagnosticIds.UnexpectedFailure, Assert.Single(engine.Warnings).Code);
        Assert.False(File.Exists(manifest));
    }

    [Fact]
    public async Task Cancel_stops_a_wait_for_a_capture_that_hangs_and_deletes_the_earlier_manifest()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // A git that never answers stands for any capture that blocks.
        var git = Path.Combine(_root, "hanging-git.sh");
        File.WriteAllText(git, "#!/bin/sh\nsleep 300\n");
        File.SetUnixFileMode(git, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await Process.Start("git", new[] { "init", "-q", _root })!.WaitForExitAsync();

        var engine = new MockBuildEngine();
        var manifest = Path.Combine(_root, "Trainer.repro.json");
        File.WriteAllText(manifest, "{ \"from\": \"an earlier build\" }");
        var start = Start(engine, manifest);
        start.RecordGit = true;
        start.GitExecutable = git;
        Assert.True(start.Execute());

        var write = new WriteReproManifest { BuildEngine = engine, ManifestPath = manifest, PatchPath = Path.ChangeExtension(manifest, ".patch") };
        var watch = Stopwatch.StartNew();
        var running = Task.Run(write.Execute);
        await Task.Delay(500);
        write.Cancel();

        var finished = await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(finished == running, "WriteReproManifest did not honour Cancel()");
        Assert.False(await running);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
        Assert.False(File.Exists(manifest));
    }

    [Fact]
    public void Every_parameter_of_StartReproManifest_reaches_the_request()
    {
        var declared = typeof(StartReproManifest).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(p => p.CanWrite).Select(p => p.Name);
        var byName = TaskInputs.Mappable(typeof(StartReproManifest), typeof(Repro.Build.Manifest.ManifestRequest))
            .Concat(TaskInputs.Mappable(typeof(StartReproManifest), typeof(Repro.Build.Manifest.BuildSection)))
            .Select(p => p.Name);

        var unmapped = declared.Except(byName).Except(StartReproManifest.HandledInputs).ToList();

        Assert.True(unmapped.Count == 0, "Map these task parameters (a request property of the same name, or HandledInputs): " + string.Join(", ", unmapped));
        Assert.Contains("Seed", byName);
        Assert.Contains("Optimize", byName);
    }
}
