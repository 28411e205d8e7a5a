// Correct, reproducible training code: the corpus that every Repro rule must leave alone.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Corpus;

public sealed class HousingRow
{
    [LoadColumn(0)] public float Size { get; set; }
    [LoadColumn(1)] public float Price { get; set; }
}

public static class SeededTraining
{
    public const int Seed = 20240611;

    public static ITransformer Train(string dataPath)
    {
        var ml = new MLContext(seed: Seed);
        var data = ml.Data.LoadFromTextFile<HousingRow>(dataPath, hasHeader: true, separatorChar: ',');
        var shuffled = ml.Data.ShuffleRows(data);
        var split = ml.Data.TrainTestSplit(shuffled, testFraction: 0.2);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(HousingRow.Size))
            .Append(ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { LabelColumnName = nameof(HousingRow.Price), NumberOfThreads = 1 }));
        var model = pipeline.Fit(split.TrainSet);
        var folds = ml.Regression.CrossValidate(split.TrainSet, pipeline, numberOfFolds: 5, labelColumnName: nameof(HousingRow.Price));
        Console.WriteLine(folds.Average(f => f.Metrics.RSquared));
        return model;
    }

    public static MLContext FromConfiguration(int? configuredSeed) => new MLContext(configuredSeed ?? Seed);

    public static T[] Shuffle<T>(IEnumerable<T> items, int seed)
    {
        var array = items.ToArray();
        new Random(seed).Shuffle(array);
        return array;
    }

    public static (T[] Train, T[] Test) Split<T>(IReadOnlyList<T> rows, double testFraction, Random random)
    {
        var order = Enumerable.Range(0, rows.Count).OrderBy(_ => random.Next()).ToArray();
        var testCount = (int)(rows.Count * testFraction);
        return (order.Skip(testCount).Select(i => rows[i]).ToArray(), order.Take(testCount).Select(i => rows[i]).ToArray());
    }

    public static double[] InitialWeights(int count)
    {
        Random random = new(Seed);
        return Enumerable.Range(0, count).Select(_ => random.NextDouble() * 0.01).ToArray();
    }

    public static string[] TrainingFiles(string folder)
    {
        var files = Directory.GetFiles(folder, "*.csv");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    public static double OrderedParallelSum(double[] values) =>
        values.AsParallel().AsOrdered().Select(v => v * v).ToArray().Sum();

    public static void LogRun(DateTime started, int epoch)
    {
        var elapsed = DateTime.UtcNow - started;
        Console.WriteLine($"epoch {epoch} after {elapsed.TotalSeconds:F0} s (run id {Guid.NewGuid():N})");
        var ordered = new[] { 3, 1, 2 }.OrderBy(x => x).ThenByDescending(x => x.ToString()).ToArray();
        Console.WriteLine(string.Join(",", ordered));
    }
}
