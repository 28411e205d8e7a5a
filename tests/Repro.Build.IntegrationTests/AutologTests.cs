using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Repro.Build.IntegrationTests;

/// <summary>
/// Autologging through the packed Repro.Runs: an ML.NET trainer with no Repro.Runs call in it, built with warnings as
/// errors and <c>ReproAutoRun</c>, records its run by itself.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class AutologTests
{
    // The sample's trainer (samples/MachineFailure) cut to its ML.NET calls: not one Log* call, not one `using Repro.Runs`.
    private const string Trainer = """
        using MachineFailure;
        using Microsoft.ML;
        using Microsoft.ML.Trainers;

        var ml = new MLContext(seed: 42);
        var data = ml.Data.LoadFromTextFile<SensorReading>(Path.Combine("data", "sensors.csv"), hasHeader: true, separatorChar: ',');
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 7);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(SensorReading.Temperature), nameof(SensorReading.Vibration),
                nameof(SensorReading.Pressure), nameof(SensorReading.AgeYears))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 20,
                L2Regularization = 0.01f,
            }));
        var model = pipeline.Fit(split.TrainSet);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
        var folds = ml.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 4, seed: 3);
        ml.Model.Save(model, data.Schema, "model.zip");
        Console.WriteLine($"Accuracy: {metrics.Accuracy:R} folds {folds.Count}");
        """;

    private readonly PackageFixture _fixture;

    public AutologTests(PackageFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void A_trainer_without_a_Log_call_records_its_trainer_options_metrics_model_and_system_metrics()
    {
        var directory = Path.Combine(_fixture.Projects, "autolog");
        var project = ConsumerProject.Create(_fixture, directory, "Autolog", Trainer,
            extraProperties: "<OutputType>Exe</OutputType><ReproAutoRun>true</ReproAutoRun><TreatWarningsAsErrors>true</TreatWarningsAsErrors>",
            extraItems: """<PackageReference Include="Repro.Runs" Version="$(ReproRunsVersion)" /><PackageReference Include="Microsoft.ML" Version="5.0.1" />""",
            reproReference: "");
        var sample = Path.Combine(_fixture.RepositoryRoot, "samples", "MachineFailure");
        File.Copy(Path.Combine(sample, "SensorReading.cs"), Path.Combine(directory, "SensorReading.cs"));
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        File.Copy(Path.Combine(sample, "data", "sensors.csv"), Path.Combine(directory, "data", "sensors.csv"));

        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Warnings);

        var runs = Path.Combine(directory, "runs");
        var run = _fixture.DotnetWithEnvironment(directory, new Dictionary<string, string?>
        {
            ["REPRO_RUNS_DIR"] = runs,
            ["REPRO_SYSTEM_METRICS_INTERVAL"] = "0.1",
        }, Path.Combine(project.OutputPath(), "Autolog.dll"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("folds 4", run.Output, StringComparison.Ordinal);

        var runDirectory = Assert.Single(Directory.GetDirectories(runs));
        using var record = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(runDirectory, "run.json")));
        var root = record.RootElement;
        Assert.Equal("finished", root.GetProperty("status").GetString());

        var parameters = root.GetProperty("params");
        Assert.Equal("SdcaLogisticRegression", parameters.GetProperty("binary/trainer").GetString());
        Assert.Equal("20", parameters.GetProperty("binary/SdcaLogisticRegression/MaximumNumberOfIterations").GetString());
        Assert.Equal("0.01", parameters.GetProperty("binary/SdcaLogisticRegression/L2Regularization").GetString());
        Assert.Equal("1", parameters.GetProperty("binary/SdcaLogisticRegression/NumberOfThreads").GetString());
        Assert.Equal("0.25", parameters.GetProperty("mlnet/trainTestSplit/testFraction").GetString());
        Assert.Equal("4", parameters.GetProperty("binary/crossValidate/numberOfFolds").GetString());
        Assert.Equal("7", root.GetProperty("seeds").GetProperty("mlnet/trainTestSplit").GetString());
        // new MLContext(seed: 42), read from the context when TrainTestSplit, its first intercepted call, ran.
        Assert.Equal("42", root.GetProperty("seeds").GetProperty("mlnet").GetString());
        Assert.Equal("42", parameters.GetProperty("mlnet/seed").GetString());

        // Every metric of CalibratedBinaryClassificationMetrics, once for the evaluation and once per fold.
        var metrics = root.GetProperty("metrics");
        string[] names = ["Accuracy", "AreaUnderRocCurve", "AreaUnderPrecisionRecallCurve", "F1Score", "LogLoss", "LogLossReduction", "Entropy",
            "PositivePrecision", "PositiveRecall", "NegativePrecision", "NegativeRecall"];
        foreach (var name in names)
        {
            Assert.Equal(1, metrics.GetProperty("binary/" + name).GetProperty("count").GetInt64());
            Assert.Equal(4, metrics.GetProperty("binary/crossValidate/" + name).GetProperty("count").GetInt64());
        }

        var accuracy = run.Output.Split('\n').Single(l => l.StartsWith("Accuracy:", StringComparison.Ordinal)).Split(' ')[1];
        Assert.Equal(double.Parse(accuracy, System.Globalization.CultureInfo.InvariantCulture), metrics.GetProperty("binary/Accuracy").GetProperty("last").GetDouble());

        var fit = Assert.Single(root.GetProperty("steps").EnumerateArray());
        Assert.Equal("fit EstimatorChain", fit.GetProperty("name").GetString());
        Assert.Equal("finished", fit.GetProperty("status").GetString());
        var output = Assert.Single(root.GetProperty("outputs").EnumerateArray());
        Assert.Equal("model.zip", Path.GetFileName(output.GetProperty("path").GetString()));
        Assert.Equal(_fixture.Sha256Sum(Path.Combine(directory, "model.zip")), output.GetProperty("sha256").GetString());

        // System metrics over time: a series, not a probe.
        Assert.True(metrics.GetProperty("system/process_working_set_bytes").GetProperty("count").GetInt64() >= 2, metrics.ToString());
        Assert.True(metrics.TryGetProperty("system/process_cpu_percent", out _), metrics.ToString());
        Assert.True(metrics.TryGetProperty("system/machine_cpu_percent", out _), metrics.ToString());
    }
}
