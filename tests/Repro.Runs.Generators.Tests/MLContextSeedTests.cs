using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.ML;
using Repro.Runs.Autolog;

namespace Repro.Runs.Generators.Tests;

/// <summary>
/// The seed of <c>new MLContext(seed: …)</c>, read from a catalog of the context by the runtime the interceptors call,
/// against the real ML.NET: once per context, a second context apart, nothing for a context without a seed or for an
/// object that is no catalog.
/// </summary>
[Collection(CurrentRunCollection.Name)]
public sealed class MLContextSeedTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "repro-seed-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void The_seed_of_each_context_is_recorded_once_from_any_of_its_catalogs()
    {
        var first = new MLContext(seed: 42);
        var second = new MLContext(seed: 9);
        var unseeded = new MLContext();
        string recordPath;
        using (var run = Start())
        {
            AutologRuntime.ContextSeed(run, first.BinaryClassification.Trainers);
            AutologRuntime.ContextSeed(run, first.Data);
            AutologRuntime.ContextSeed(run, unseeded.Model);
            AutologRuntime.ContextSeed(run, second.Regression);
            AutologRuntime.ContextSeed(run, first.Model);
            AutologRuntime.ContextSeed(run, "not a catalog");
            AutologRuntime.ContextSeed(run, null);
            recordPath = run.RecordPath;
        }

        using var record = JsonDocument.Parse(File.ReadAllBytes(recordPath));
        var root = record.RootElement;
        var seeds = root.GetProperty("seeds");
        Assert.Equal("42", seeds.GetProperty("mlnet").GetString());
        // The unseeded context records nothing and takes no number.
        Assert.Equal("9", seeds.GetProperty("mlnet#2").GetString());
        Assert.Equal(2, seeds.EnumerateObject().Count());
        var parameters = root.GetProperty("params");
        Assert.Equal("42", parameters.GetProperty("mlnet/seed").GetString());
        Assert.Equal("9", parameters.GetProperty("mlnet#2/seed").GetString());
        Assert.False(parameters.TryGetProperty("mlnet#3/seed", out _));
        // Reading the seeds reported no failure (REPRO900).
        Assert.DoesNotContain("REPRO900", root.GetProperty("diagnostics").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_met_in_a_new_run_is_recorded_in_that_run_too()
    {
        var context = new MLContext(seed: 5);
        string second;
        using (var run = Start())
        {
            AutologRuntime.ContextSeed(run, context.Data);
        }

        using (var run = Start())
        {
            AutologRuntime.ContextSeed(run, context.Data);
            second = run.RecordPath;
        }

        using var record = JsonDocument.Parse(File.ReadAllBytes(second));
        Assert.Equal("5", record.RootElement.GetProperty("seeds").GetProperty("mlnet").GetString());
    }

    private ReproRun Start() => ReproRun.Start("seed", new ReproRunOptions { RunsDirectory = Path.Combine(_folder, "runs"), CheckData = false });
}
