using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Repro.Build;
using Repro.Build.Data;
using Repro.Build.Manifest;
using Repro.Runs.Records;

namespace Repro.Runs.Tests;

public sealed class DataCheckTests : IDisposable
{
    private readonly TemporaryDirectory _project = new();

    public void Dispose() => _project.Dispose();

    /// <summary>The manifests the build would write for these declarations: the embedded part and the full file.</summary>
    private (byte[] Embedded, ReproManifest Full) Build(params DataDeclaration[] declarations)
    {
        var manifest = new ReproManifest { Fingerprint = "sha256:" + new string('f', 64), Project = new ProjectSection { Name = "Trainer" } };
        manifest.Data = DataHasher.Hash(_project.Path, declarations, new FileHashCache(), new HashProgress(), [], strict: false);
        return (EmbeddedManifestWriter.ToUtf8Bytes(manifest), ManifestSerializer.FromUtf8Bytes(ManifestSerializer.ToUtf8Bytes(manifest)));
    }

    private DataDeclaration Declare(string itemSpec, string? group = null) => new(itemSpec, Path.Combine(_project.Path, itemSpec), group);

    [Fact]
    public void Unchanged_data_is_unchanged_and_a_changed_file_is_REPRO401_naming_the_file()
    {
        _project.WriteFile("data/sensors.csv", "t,v\n1,2\n");
        _project.WriteFile("images/a.png", "a");
        _project.WriteFile("images/b.png", "b");
        var (embedded, full) = Build(Declare("data/sensors.csv"), Declare("images/"));
        var build = BuildLink.From("Trainer", embedded, full);

        var diagnostics = new List<RunDiagnostic>();
        var before = DataCheck.Run(build, _project.Path, null, new FileHashCache(), diagnostics);
        Assert.All(before, e => Assert.Equal(RunDataState.Unchanged, e.State));
        Assert.Empty(diagnostics);

        _project.WriteFile("images/b.png", "changed");
        _project.WriteFile("images/c.png", "new");
        var after = DataCheck.Run(build, _project.Path, null, new FileHashCache(), diagnostics);
        var images = after.Single(e => e.Name == "images/");
        Assert.Equal(RunDataState.Changed, images.State);
        Assert.Equal(new[] { "images/b.png", "images/c.png" }, images.ChangedFiles);
        Assert.NotEqual(images.BuildSha256, images.Sha256);
        Assert.Equal(RunDataState.Unchanged, after.Single(e => e.Name == "data/sensors.csv").State);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.DataChangedSinceBuild, warning.Id);
        Assert.Contains("images/b.png", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_data_is_REPRO405_and_a_group_is_checked_through_the_full_manifest()
    {
        _project.WriteFile("a.csv", "1");
        _project.WriteFile("b.csv", "2");
        _project.WriteFile("gone.csv", "3");
        var (embedded, full) = Build(Declare("a.csv", "tables"), Declare("b.csv", "tables"), Declare("gone.csv"));
        File.Delete(Path.Combine(_project.Path, "gone.csv"));

        var diagnostics = new List<RunDiagnostic>();
        var withFull = DataCheck.Run(BuildLink.From("Trainer", embedded, full), _project.Path, null, new FileHashCache(), diagnostics);
        Assert.Equal(RunDataState.Unchanged, withFull.Single(e => e.Name == "tables").State);
        Assert.Equal(RunDataState.Missing, withFull.Single(e => e.Name == "gone.csv").State);
        Assert.Equal(DiagnosticIds.DataNotChecked, Assert.Single(diagnostics).Id);

        var withoutFull = DataCheck.Run(BuildLink.From("Trainer", embedded, null), _project.Path, null, new FileHashCache(), []);
        Assert.Equal(RunDataState.Missing, withoutFull.Single(e => e.Name == "tables").State);
    }

    [Fact]
    public void A_run_checks_data_in_the_background_and_its_end_waits_for_the_check()
    {
        _project.WriteFile("data/sensors.csv", "t,v\n1,2\n");
        var (embedded, full) = Build(Declare("data/sensors.csv"));
        _project.WriteFile("data/sensors.csv", "t,v\n1,3\n");
        var options = new ReproRunOptions { RunsDirectory = Path.Combine(_project.Path, "runs"), ProjectDirectory = _project.Path, Build = BuildLink.From("Trainer", embedded, full) };

        string recordPath;
        using (var run = ReproRun.Start(options: options))
        {
            recordPath = run.RecordPath;
        }

        var record = RunRecordSerializer.ReadFile(recordPath);
        var entry = Assert.Single(record.Data);
        Assert.Equal(RunDataState.Changed, entry.State);
        Assert.Equal(new[] { "data/sensors.csv" }, entry.ChangedFiles);
        Assert.Contains(record.Diagnostics, d => d.Id == DiagnosticIds.DataChangedSinceBuild);
        Assert.Equal("Trainer", record.Build!.Assembly);
        Assert.True(File.Exists(Path.Combine(_project.Path, "runs", "hashes.json")));
    }

    [Fact]
    public void The_default_store_is_under_dot_repro_with_a_gitignore()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RunStore.EnvironmentVariable)))
        {
            return; // the environment chose the store
        }

        using (var run = ReproRun.Start(options: new ReproRunOptions { ProjectDirectory = _project.Path, Assembly = typeof(DataCheckTests).Assembly }))
        {
            Assert.Equal(Path.Combine(_project.Path, ".repro", "runs", run.RunId), run.RunDirectory);
        }

        Assert.Equal(Repro.Build.Store.ReproFolder.GitIgnoreText, File.ReadAllText(Path.Combine(_project.Path, ".repro", ".gitignore")));
    }
}
