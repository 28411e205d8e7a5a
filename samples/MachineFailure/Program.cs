using Microsoft.ML;
using Microsoft.ML.Trainers;
using MachineFailure;
using Repro.Runs;

// Trains a binary classifier that predicts machine failures from sensor readings, and saves it beside the
// Repro.Build manifest that records the code, packages and toolchain it came from. Repro.Runs records the run itself:
// parameters, steps, metrics and the model, in .repro/runs/<run id>/ at the root of the repository.
var outputDirectory = AppContext.BaseDirectory;

// Hyperparameters from the command line, so that runs with different settings can be compared:
//   dotnet run -c Release -- --iterations 20 --l2 0.001
var iterations = 10;
var l2 = 0.01f;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--iterations" when int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0:
            iterations = n;
            break;
        case "--l2" when float.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= 0:
            l2 = v;
            break;
        default:
            Console.Error.WriteLine($"Unknown or invalid option {args[i]} {args[i + 1]}: use --iterations N (N > 0) and --l2 X (X >= 0).");
            return 2;
    }
}

// The data as it is now, in the project folder (dotnet run starts here): the run checks it against the build's hash.
var dataPath = Path.Combine("data", "sensors.csv");
const double testFraction = 0.25;
var seed = int.Parse(ReproBuildInfo.Seed ?? "42", System.Globalization.CultureInfo.InvariantCulture);

using var run = ReproRun.Start("machine-failure");
run.LogParams(new { Trainer = "SdcaLogisticRegression", TestFraction = testFraction, Threads = 1, Seed = seed });
run.LogParam("iterations", iterations);
run.LogParam("l2", l2);

// A fixed seed makes the split and the trainer's shuffling the same on every run.
var ml = new MLContext(seed: seed);
IDataView data;
using (var step = run.Step("load"))
{
    step.LogInput(dataPath);
    data = ml.Data.LoadFromTextFile<SensorReading>(dataPath, hasHeader: true, separatorChar: ',');
}

DataOperationsCatalog.TrainTestData split;
using (var step = run.Step("split"))
{
    step.LogParam("testFraction", testFraction);
    split = ml.Data.TrainTestSplit(data, testFraction: testFraction);
}

IEstimator<ITransformer> Pipeline(int passes) => ml.Transforms.Concatenate("Features", nameof(SensorReading.Temperature), nameof(SensorReading.Vibration),
        nameof(SensorReading.Pressure), nameof(SensorReading.AgeYears))
    .Append(ml.Transforms.NormalizeMinMax("Features"))
    // One thread: SDCA's parallel updates race, and the trained weights would vary from run to run.
    .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
    {
        NumberOfThreads = 1,
        MaximumNumberOfIterations = passes,
        L2Regularization = l2,
        ConvergenceTolerance = 1e-7f, // (almost) every pass asked for runs: the curve below shows what each one adds
    }));

ITransformer model = null!;
using (run.Step("train"))
{
    // The learning curve: the model after 1, 2, … passes over the data, measured on the test set (and its log-loss on
    // the training set too), one metric point per pass.
    for (var pass = 1; pass <= iterations; pass++)
    {
        model = Pipeline(pass).Fit(split.TrainSet);
        var test = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
        run.LogMetric("accuracy", test.Accuracy, pass);
        run.LogMetric("auc", test.AreaUnderRocCurve, pass);
        run.LogMetric("f1", test.F1Score, pass);
        run.LogMetric("testLogLoss", test.LogLoss, pass);
        run.LogMetric("trainLogLoss", ml.BinaryClassification.Evaluate(model.Transform(split.TrainSet)).LogLoss, pass);
    }
}

Microsoft.ML.Data.CalibratedBinaryClassificationMetrics metrics;
using (run.Step("evaluate"))
{
    // The final model's figures are the last points of the curves above.
    metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
}

Console.WriteLine($"Accuracy: {metrics.Accuracy:F3}  AUC: {metrics.AreaUnderRocCurve:F3}  F1: {metrics.F1Score:F3}");

// Repro.Build generates ReproBuildInfo: log what built the model next to its metrics.
Console.WriteLine($"Built from: {ReproBuildInfo.Fingerprint} (commit {ReproBuildInfo.Commit ?? "none"}, dirty {ReproBuildInfo.Dirty?.ToString() ?? "unknown"}, seed {ReproBuildInfo.Seed ?? "none"})");

var modelPath = Path.Combine(outputDirectory, "model.zip");
ml.Model.Save(model, data.Schema, modelPath);
run.LogOutput(modelPath);
Console.WriteLine($"Model:    {modelPath}");
Console.WriteLine($"Manifest: {Path.Combine(outputDirectory, "MachineFailure.repro.json")}");
Console.WriteLine($"Run:      {run.RecordPath}");

// Deliberately unseeded, to show REPRO001 in the build output: the rows picked here differ on every run.
// The fix Repro.Build offers is 'new Random(42)'.
var picker = new Random();
var engine = ml.Model.CreatePredictionEngine<SensorReading, FailurePrediction>(model);
var rows = ml.Data.CreateEnumerable<SensorReading>(split.TestSet, reuseRowObject: false).ToList();
for (var i = 0; i < 3; i++)
{
    var row = rows[picker.Next(rows.Count)];
    var prediction = engine.Predict(row);
    Console.WriteLine($"  {row.Temperature,5:F1} °C, vibration {row.Vibration:F2}: failure predicted {prediction.WillFail} (p = {prediction.Probability:F2}), actual {row.Failed}");
}

return 0;
