using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Repro.Runs.Generators.Tests;

/// <summary>
/// The ML.NET trainer of <see cref="Snippets.MLNetTrainer"/> compiled twice, with and without the generator, and run in
/// this process: the intercepted build gives the same metrics and scores as the plain one, with no run and with a run
/// active, and with a run it records what autologging promises.
/// </summary>
[Collection(CurrentRunCollection.Name)]
public sealed class InterceptedPipelineTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "repro-autolog-" + Guid.NewGuid().ToString("N")[..12]);

    public InterceptedPipelineTests()
    {
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_intercepted_pipeline_gives_the_same_result_as_the_plain_one_and_records_the_run()
    {
        var result = GeneratorHarness.Run(Snippets.MLNetTrainer);
        Assert.Empty(result.Problems);
        var plain = Load(result.Input);
        var intercepted = Load(result.Output);

        var expected = Train(plain, "plain.zip");
        Assert.Null(ReproRun.Current);
        Assert.Equal(expected, Train(intercepted, "no-run.zip"));

        string recorded;
        string recordPath;
        using (var run = ReproRun.Start("autolog", new ReproRunOptions { RunsDirectory = Path.Combine(_folder, "runs"), CheckData = false }))
        {
            recorded = Train(intercepted, "model.zip");
            recordPath = run.RecordPath;
        }

        Assert.Equal(expected, recorded);
        using var record = JsonDocument.Parse(File.ReadAllBytes(recordPath));
        var root = record.RootElement;
        var parameters = root.GetProperty("params");
        Assert.Equal("0.25", parameters.GetProperty("mlnet/trainTestSplit/testFraction").GetString());
        Assert.Equal("3", parameters.GetProperty("mlnet/trainTestSplit/seed").GetString());
        Assert.Equal("LbfgsLogisticRegression", parameters.GetProperty("binary/trainer").GetString());
        Assert.Equal("0.5", parameters.GetProperty("binary/LbfgsLogisticRegression/l2Regularization").GetString());
        Assert.Equal("1E-05", parameters.GetProperty("binary/LbfgsLogisticRegression/optimizationTolerance").GetString());
        Assert.Equal("20", parameters.GetProperty("binary/SdcaLogisticRegression/MaximumNumberOfIterations").GetString());
        Assert.Equal("3", parameters.GetProperty("binary/crossValidate/numberOfFolds").GetString());
        var seeds = root.GetProperty("seeds");
        // new MLContext(seed: 7): read from the context when its first catalog call is intercepted.
        Assert.Equal("7", seeds.GetProperty("mlnet").GetString());
        Assert.Equal("7", parameters.GetProperty("mlnet/seed").GetString());
        Assert.False(seeds.TryGetProperty("mlnet#2", out _));
        Assert.Equal("3", seeds.GetProperty("mlnet/trainTestSplit").GetString());
        Assert.Equal("5", seeds.GetProperty("binary/crossValidate").GetString());

        var metrics = root.GetProperty("metrics");
        var accuracy = expected.Split(';')[0];
        Assert.Equal(double.Parse(accuracy, System.Globalization.CultureInfo.InvariantCulture), metrics.GetProperty("binary/Accuracy").GetProperty("last").GetDouble());
        foreach (var name in new[] { "AreaUnderRocCurve", "F1Score", "LogLoss", "AreaUnderPrecisionRecallCurve", "PositivePrecision", "NegativeRecall" })
        {
            Assert.Equal(1, metrics.GetProperty("binary/" + name).GetProperty("count").GetInt64());
        }

        Assert.Equal(3, metrics.GetProperty("binary/crossValidate/Accuracy").GetProperty("count").GetInt64());

        var step = Assert.Single(root.GetProperty("steps").EnumerateArray());
        Assert.Equal("fit LbfgsLogisticRegressionBinaryTrainer", step.GetProperty("name").GetString());
        Assert.Equal("finished", step.GetProperty("status").GetString());
        var output = Assert.Single(root.GetProperty("outputs").EnumerateArray());
        Assert.EndsWith("model.zip", output.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(64, output.GetProperty("sha256").GetString()!.Length);
    }

    private string Train(Assembly assembly, string model) =>
        (string)assembly.GetType("Trainer")!.GetMethod("Train")!.Invoke(null, [Path.Combine(_folder, model)])!;

    private static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return Assembly.Load(image.ToArray());
    }
}
