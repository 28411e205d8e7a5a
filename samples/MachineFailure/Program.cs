// Trains a binary classifier that predicts machine failures from sensor readings, and saves it beside the
// Repro.Build manifest that records the code, packages and toolchain it came from. Repro.Runs records the run itself in
// .repro/runs/<run id>/ at the root of the repository, and records the ML.NET calls below by itself (autologging,
// docs/autolog.md): the context's seed, the split, the trainer's options, the fit as a step, every evaluation metric
// and the saved model. The code logs by hand only what autologging cannot know: the data file it reads and the
// learning curve.
using Microsoft.ML;
using Microsoft.ML.Trainers;
using MachineFailure;
using Repro.Runs;

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
var seed = int.Parse(ReproBuildInfo.Seed ?? "42", System.Globalization.CultureInfo.InvariantCulture);

using var run = ReproRun.Start("machine-failure");
run.LogInput(dataPath);

// A fixed seed makes the split and the trainer's shuffling the same on every run (recorded as the run's seed 'mlnet').
var ml = new MLContext(seed: seed);
var data = ml.Data.LoadFromTextFile<SensorReading>(dataPath, hasHeader: true, separatorChar: ',');
var split = ml.Data.TrainTestSplit(data, testFraction: 0.25);

// The learning curve: the model after 1, 2, … passes over the data, measured on the test set (and its log-loss on the
// training set), one metric point per pass. Autologging would see each pass as one more trainer and one more
// evaluation, and cannot tell the training set's evaluation from the test set's: [NoAutolog] leaves these calls alone.
[NoAutolog]
void LearningCurve()
{
    for (var pass = 1; pass < iterations; pass++)
    {
        var partial = Features().Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(Sdca(pass))).Fit(split.TrainSet);
        var test = ml.BinaryClassification.Evaluate(partial.Transform(split.TestSet));
        run.LogMetric("curve/accuracy", test.Accuracy, pass);
        run.LogMetric("curve/testLogLoss", test.LogLoss, pass);
        run.LogMetric("curve/trainLogLoss", ml.BinaryClassification.Evaluate(partial.Transform(split.TrainSet)).LogLoss, pass);
    }
}

LearningCurve();

// The model: its trainer's options, the fit (a step with its duration) and its metrics on the test set are recorded
// by autologging.
var model = Features().Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(Sdca(iterations))).Fit(split.TrainSet);
var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
run.LogMetric("curve/accuracy", metrics.Accuracy, iterations);
run.LogMetric("curve/testLogLoss", metrics.LogLoss, iterations);
run.LogMetric("curve/trainLogLoss", TrainLogLoss(model), iterations);

Console.WriteLine($"Accuracy: {metrics.Accuracy:F3}  AUC: {metrics.AreaUnderRocCurve:F3}  F1: {metrics.F1Score:F3}");

// Repro.Build generates ReproBuildInfo: log what built the model next to its metrics.
Console.WriteLine($"Built from: {ReproBuildInfo.Fingerprint} (commit {ReproBuildInfo.Commit ?? "none"}, dirty {ReproBuildInfo.Dirty?.ToString() ?? "unknown"}, seed {ReproBuildInfo.Seed ?? "none"})");

// Recorded as the run's output, with its hash.
var modelPath = Path.Combine(outputDirectory, "model.zip");
ml.Model.Save(model, data.Schema, modelPath);
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

IEstimator<ITransformer> Features() => ml.Transforms.Concatenate("Features", nameof(SensorReading.Temperature),
        nameof(SensorReading.Vibration), nameof(SensorReading.Pressure), nameof(SensorReading.AgeYears))
    .Append(ml.Transforms.NormalizeMinMax("Features"));

SdcaLogisticRegressionBinaryTrainer.Options Sdca(int passes) => new()
{
    // One thread: SDCA's parallel updates race, and the trained weights would vary from run to run.
    NumberOfThreads = 1,
    MaximumNumberOfIterations = passes,
    L2Regularization = l2,
    ConvergenceTolerance = 1e-7f, // (almost) every pass asked for runs: the curve shows what each one adds
};

[NoAutolog]
double TrainLogLoss(ITransformer trained) => ml.BinaryClassification.Evaluate(trained.Transform(split.TrainSet)).LogLoss;
