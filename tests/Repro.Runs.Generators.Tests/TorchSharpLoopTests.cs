using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Repro.Runs.Generators.Tests;

/// <summary>
/// A TorchSharp training loop with no Log* call (<see cref="Snippets.TorchSharpTraining"/>), run with its interceptors:
/// against <see cref="TorchSharpStandIn"/>, since TorchSharp's native library cannot load here, after proving that the
/// generator writes the very same interceptors for it as for the real TorchSharp 0.107.0.
/// </summary>
[Collection(CurrentRunCollection.Name)]
public sealed class TorchSharpLoopTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "repro-torch-" + Guid.NewGuid().ToString("N")[..12]);

    public TorchSharpLoopTests()
    {
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_stand_in_gets_byte_for_byte_the_interceptors_the_real_TorchSharp_gets()
    {
        var real = GeneratorHarness.Run(Snippets.TorchSharpTraining);
        var standIn = GeneratorHarness.Run(Snippets.TorchSharpTraining, references: TorchSharpStandIn.References);

        Assert.Empty(real.Problems);
        Assert.Empty(standIn.Problems);
        // manual_seed, Adam, the scheduler's step and Module.save; not the optimizer's own step, StepLR or get_last_lr.
        Assert.Equal(4, real.Interceptors);
        Assert.NotNull(real.Generated);
        Assert.Equal(real.Generated, standIn.Generated);
        Assert.Contains(
            "Adam_1(global::System.Collections.Generic.IEnumerable<global::TorchSharp.Modules.Parameter> parameters, double lr, double beta1, double beta2, "
            + "double eps, double weight_decay, bool amsgrad, bool maximize)", real.Generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_training_loop_without_a_Log_call_records_its_seed_optimizer_learning_rates_and_saved_module()
    {
        var result = GeneratorHarness.Run(Snippets.TorchSharpTraining, references: TorchSharpStandIn.References);
        Assert.Empty(result.Problems);
        // One context per build: both assemblies have the snippet's name.
        var plainContext = new StandInContext();
        var context = new StandInContext();
        try
        {
            var plain = Load(plainContext, result.Input);
            var intercepted = Load(context, result.Output);
            var expected = Train(plain, "plain.bin");
            Assert.Equal("0.01;0.005;0.005;0.0025;0.0025", expected);
            Assert.Null(ReproRun.Current);
            Assert.Equal(expected, Train(intercepted, "no-run.bin"));

            string recordPath;
            string recorded;
            using (var run = ReproRun.Start("torch", new ReproRunOptions { RunsDirectory = Path.Combine(_folder, "runs"), CheckData = false }))
            {
                recorded = Train(intercepted, "model.bin");
                recordPath = run.RecordPath;
            }

            Assert.Equal(expected, recorded);
            Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "plain.bin")), File.ReadAllBytes(Path.Combine(_folder, "model.bin")));
            using var record = JsonDocument.Parse(File.ReadAllBytes(recordPath));
            var root = record.RootElement;
            var parameters = root.GetProperty("params");
            Assert.Equal("42", parameters.GetProperty("torch/seed").GetString());
            Assert.Equal("42", root.GetProperty("seeds").GetProperty("torch").GetString());
            Assert.Equal("Adam", parameters.GetProperty("torch/optimizer").GetString());
            // Every numeric and flag setting of the call as the optimizer received it, defaults included.
            Assert.Equal("0.01", parameters.GetProperty("torch/Adam/lr").GetString());
            Assert.Equal("0.9", parameters.GetProperty("torch/Adam/beta1").GetString());
            Assert.Equal("0.98", parameters.GetProperty("torch/Adam/beta2").GetString());
            Assert.Equal("1E-08", parameters.GetProperty("torch/Adam/eps").GetString());
            Assert.Equal("0.0001", parameters.GetProperty("torch/Adam/weight_decay").GetString());
            Assert.Equal("false", parameters.GetProperty("torch/Adam/amsgrad").GetString());

            // The learning rate after each scheduler step, as a series with the step's number.
            var rate = root.GetProperty("metrics").GetProperty("torch/lr");
            Assert.Equal(5, rate.GetProperty("count").GetInt64());
            Assert.Equal(4, rate.GetProperty("step").GetInt64());
            Assert.Equal(0.0025, rate.GetProperty("last").GetDouble());
            Assert.Equal(0.01, rate.GetProperty("max").GetDouble());
            var points = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(recordPath)!, "metrics.jsonl"))
                .Select(line => JsonDocument.Parse(line).RootElement).Where(p => p.GetProperty("key").GetString() == "torch/lr")
                .Select(p => p.GetProperty("value").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected, string.Join(";", points));

            var output = Assert.Single(root.GetProperty("outputs").EnumerateArray());
            Assert.EndsWith("model.bin", output.GetProperty("path").GetString(), StringComparison.Ordinal);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(_folder, "model.bin")))),
                output.GetProperty("sha256").GetString());
            Assert.Empty(root.GetProperty("steps").EnumerateArray());
        }
        finally
        {
            plainContext.Unload();
            context.Unload();
        }
    }

    private string Train(Assembly assembly, string model) =>
        (string)assembly.GetType("Training")!.GetMethod("Train")!.Invoke(null, [Path.Combine(_folder, model)])!;

    private static Assembly Load(AssemblyLoadContext context, Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return context.LoadFromStream(image);
    }

    /// <summary>Resolves TorchSharp to the stand-in; everything else (Repro.Runs, the framework) from the test's own context.</summary>
    private sealed class StandInContext : AssemblyLoadContext
    {
        private readonly Assembly _torchSharp;

        public StandInContext()
            : base("torchsharp-stand-in", isCollectible: true)
        {
            _torchSharp = LoadFromStream(new MemoryStream(TorchSharpStandIn.Image));
        }

        protected override Assembly? Load(AssemblyName assemblyName) => assemblyName.Name == "TorchSharp" ? _torchSharp : null;
    }
}
