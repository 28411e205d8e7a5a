using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

// Usage: TrainerThreads [threads] [trainer…]
//   threads: "default" leaves NumberOfThreads unset; a number sets it on every trainer whose options have it.
// Prints one JSON line per trainer: its name, whether its options have NumberOfThreads, the SHA-256 of the scores it
// gives the test rows (bit for bit) and the scores themselves, so that the caller can tell how far two runs differ.
var threads = args.Length > 0 && args[0] != "default" ? int.Parse(args[0], CultureInfo.InvariantCulture) : (int?)null;
var only = args.Skip(1).ToHashSet(StringComparer.OrdinalIgnoreCase);

var train = Data.Generate(seed: 1, count: 4000);
var test = Data.Generate(seed: 2, count: 500);

foreach (var trainer in Trainers.All)
{
    if (only.Count > 0 && !only.Contains(trainer.Name))
    {
        continue;
    }

    // A new seeded context per trainer: no trainer's result depends on which ran before it.
    var ml = new MLContext(seed: 1);
    var hasThreads = false;
    string? error = null;
    float[] scores = [];
    var watch = Stopwatch.StartNew();
    try
    {
        var estimator = trainer.Create(ml, options => hasThreads = SetThreads(options, threads));
        var trainView = ml.Data.LoadFromEnumerable(train);
        var model = trainer.Prepare(ml).Append(ml.Transforms.Conversion.MapValueToKey("ClassKey", "Class"))
            .Append(ml.Transforms.Conversion.MapValueToKey("GroupKey", "Group"))
            .AppendCacheCheckpoint(ml)
            .Append(estimator)
            .Fit(trainView);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(test));
        var column = scored.Schema["Score"];
        scores = column.Type is VectorDataViewType
            ? scored.GetColumn<float[]>(column).SelectMany(row => row).ToArray()
            : scored.GetColumn<float>(column).ToArray();
    }
    catch (Exception exception)
    {
        error = exception.GetType().Name + ": " + exception.Message;
    }

    var bytes = new byte[scores.Length * sizeof(float)];
    Buffer.BlockCopy(scores, 0, bytes, 0, bytes.Length);
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        trainer = trainer.Name,
        hasNumberOfThreads = hasThreads,
        processorCount = Environment.ProcessorCount,
        threads = threads?.ToString(CultureInfo.InvariantCulture) ?? "default",
        sha256 = Convert.ToHexString(SHA256.HashData(bytes)),
        seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
        error,
        scores = scores.Select(s => (double)s).ToArray(),
    }));
}

// Sets NumberOfThreads (a field on most options classes, a property on some) when the options have it.
static bool SetThreads(object options, int? threads)
{
    var type = options.GetType();
    if (type.GetField("NumberOfThreads", BindingFlags.Public | BindingFlags.Instance) is { } field)
    {
        if (threads is { } value)
        {
            field.SetValue(options, value);
        }

        return true;
    }

    if (type.GetProperty("NumberOfThreads", BindingFlags.Public | BindingFlags.Instance) is { } property)
    {
        if (threads is { } value)
        {
            property.SetValue(options, value);
        }

        return true;
    }

    return false;
}

internal sealed record Trainer(string Name, Func<MLContext, Action<object>, IEstimator<ITransformer>> Create)
{
    // Extra columns a trainer needs (the rows' label, key-typed class and group columns come for every trainer).
    public Func<MLContext, IEstimator<ITransformer>> Prepare { get; init; } = ml => ml.Transforms.CopyColumns("Copy", "Features");
}

internal static class Trainers
{
    private static T With<T>(T options, Action<object> configure)
        where T : class
    {
        configure(options);
        return options;
    }

    public static readonly Trainer[] All =
    [
        // Binary classification
        new("Binary.AveragedPerceptron", (ml, c) => ml.BinaryClassification.Trainers.AveragedPerceptron(With(new AveragedPerceptronTrainer.Options { LabelColumnName = "Binary" }, c))),
        new("Binary.FastForest", (ml, c) => ml.BinaryClassification.Trainers.FastForest(With(new FastForestBinaryTrainer.Options { LabelColumnName = "Binary" }, c))),
        new("Binary.FastTree", (ml, c) => ml.BinaryClassification.Trainers.FastTree(With(new FastTreeBinaryTrainer.Options { LabelColumnName = "Binary" }, c))),
        new("Binary.FieldAwareFactorizationMachine", (ml, c) => ml.BinaryClassification.Trainers.FieldAwareFactorizationMachine(With(new FieldAwareFactorizationMachineTrainer.Options { LabelColumnName = "Binary", FeatureColumnName = "Features", ExtraFeatureColumns = ["Copy"] }, c))),
        new("Binary.Gam", (ml, c) => ml.BinaryClassification.Trainers.Gam(With(new GamBinaryTrainer.Options { LabelColumnName = "Binary", NumberOfIterations = 2000 }, c))),
        new("Binary.LbfgsLogisticRegression", (ml, c) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(With(new LbfgsLogisticRegressionBinaryTrainer.Options { LabelColumnName = "Binary" }, c))),
        new("Binary.LdSvm", (ml, c) => ml.BinaryClassification.Trainers.LdSvm(With(new LdSvmTrainer.Options { LabelColumnName = "Binary" }, c))),
        new("Binary.LightGbm", (ml, c) => ml.BinaryClassification.Trainers.LightGbm(With(new LightGbmBinaryTrainer.Options { LabelColumnName = "Binary" }, c))),
        new("Binary.LinearSvm", (ml, c) => ml.BinaryClassification.Trainers.LinearSvm(With(new LinearSvmTrainer.Options { LabelColumnName = "Binary" }, c))),
        new("Binary.SdcaLogisticRegression", (ml, c) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(With(new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = "Binary" }, c))),
        new("Binary.SdcaNonCalibrated", (ml, c) => ml.BinaryClassification.Trainers.SdcaNonCalibrated(With(new SdcaNonCalibratedBinaryTrainer.Options { LabelColumnName = "Binary" }, c))),
        new("Binary.SgdCalibrated", (ml, c) => ml.BinaryClassification.Trainers.SgdCalibrated(With(new SgdCalibratedTrainer.Options { LabelColumnName = "Binary" }, c))),
        new("Binary.SgdNonCalibrated", (ml, c) => ml.BinaryClassification.Trainers.SgdNonCalibrated(With(new SgdNonCalibratedTrainer.Options { LabelColumnName = "Binary" }, c))),

        // Multiclass classification
        new("Multiclass.LbfgsMaximumEntropy", (ml, c) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(With(new LbfgsMaximumEntropyMulticlassTrainer.Options { LabelColumnName = "ClassKey" }, c))),
        new("Multiclass.LightGbm", (ml, c) => ml.MulticlassClassification.Trainers.LightGbm(With(new LightGbmMulticlassTrainer.Options { LabelColumnName = "ClassKey" }, c))),
        new("Multiclass.NaiveBayes", (ml, c) => ml.MulticlassClassification.Trainers.NaiveBayes("ClassKey", "Features")),
        new("Multiclass.OneVersusAll(LbfgsLogisticRegression)", (ml, c) => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(With(new LbfgsLogisticRegressionBinaryTrainer.Options { LabelColumnName = "ClassKey" }, c)), "ClassKey")),
        new("Multiclass.SdcaMaximumEntropy", (ml, c) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(With(new SdcaMaximumEntropyMulticlassTrainer.Options { LabelColumnName = "ClassKey" }, c))),
        new("Multiclass.SdcaNonCalibrated", (ml, c) => ml.MulticlassClassification.Trainers.SdcaNonCalibrated(With(new SdcaNonCalibratedMulticlassTrainer.Options { LabelColumnName = "ClassKey" }, c))),

        // Regression
        new("Regression.FastForest", (ml, c) => ml.Regression.Trainers.FastForest(With(new FastForestRegressionTrainer.Options { LabelColumnName = "Value" }, c))),
        new("Regression.FastTree", (ml, c) => ml.Regression.Trainers.FastTree(With(new FastTreeRegressionTrainer.Options { LabelColumnName = "Value" }, c))),
        new("Regression.FastTreeTweedie", (ml, c) => ml.Regression.Trainers.FastTreeTweedie(With(new FastTreeTweedieTrainer.Options { LabelColumnName = "Value" }, c))),
        new("Regression.Gam", (ml, c) => ml.Regression.Trainers.Gam(With(new GamRegressionTrainer.Options { LabelColumnName = "Value", NumberOfIterations = 2000 }, c))),
        new("Regression.LbfgsPoissonRegression", (ml, c) => ml.Regression.Trainers.LbfgsPoissonRegression(With(new LbfgsPoissonRegressionTrainer.Options { LabelColumnName = "Count" }, c))),
        new("Regression.LightGbm", (ml, c) => ml.Regression.Trainers.LightGbm(With(new LightGbmRegressionTrainer.Options { LabelColumnName = "Value" }, c))),
        new("Regression.OnlineGradientDescent", (ml, c) => ml.Regression.Trainers.OnlineGradientDescent(With(new OnlineGradientDescentTrainer.Options { LabelColumnName = "Value" }, c))),
        new("Regression.Sdca", (ml, c) => ml.Regression.Trainers.Sdca(With(new SdcaRegressionTrainer.Options { LabelColumnName = "Value" }, c))),

        // Clustering, ranking, anomaly detection
        new("Clustering.KMeans", (ml, c) => ml.Clustering.Trainers.KMeans(With(new KMeansTrainer.Options { NumberOfClusters = 5 }, c))),
        new("Ranking.FastTree", (ml, c) => ml.Ranking.Trainers.FastTree(With(new FastTreeRankingTrainer.Options { LabelColumnName = "Relevance", RowGroupColumnName = "GroupKey" }, c))),
        new("Ranking.LightGbm", (ml, c) => ml.Ranking.Trainers.LightGbm(With(new LightGbmRankingTrainer.Options { LabelColumnName = "Relevance", RowGroupColumnName = "GroupKey" }, c))),
        new("AnomalyDetection.RandomizedPca", (ml, c) => ml.AnomalyDetection.Trainers.RandomizedPca(With(new RandomizedPcaTrainer.Options { Rank = 5 }, c))),
    ];
}

internal sealed class Row
{
    public const int FeatureCount = 20;

    [VectorType(FeatureCount)]
    public float[] Features { get; set; } = [];

    public bool Binary { get; set; }

    public float Value { get; set; }

    public float Count { get; set; }

    public float Relevance { get; set; }

    public string Class { get; set; } = "";

    public string Group { get; set; } = "";
}

internal static class Data
{
    // Labels are noisy functions of the features, so that every trainer has something to learn and many steps to take.
    public static List<Row> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, Row.FeatureCount).Select(i => (float)Math.Sin(i + 1)).ToArray();
        var rows = new List<Row>(count);
        for (var i = 0; i < count; i++)
        {
            var features = Enumerable.Range(0, Row.FeatureCount).Select(_ => (float)Normal(random)).ToArray();
            var linear = features.Zip(weights, (x, w) => x * w).Sum() / 3 + (float)Normal(random) * 0.5f;
            var second = features.Take(10).Sum() / 3;
            rows.Add(new Row
            {
                Features = features,
                Binary = linear > 0,
                Value = linear * 2 + 10,
                Count = (float)Math.Round(Math.Exp(linear / 2) * 3),
                Relevance = Math.Clamp((float)Math.Round(linear + 2), 0, 4),
                Class = linear > 0.5 ? "a" : second > 0 ? "b" : "c",
                Group = "g" + (i / 20).ToString(CultureInfo.InvariantCulture),
            });
        }

        return rows;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
