namespace Repro.Runs.Generators.Tests;

/// <summary>Training code the generator is run on.</summary>
internal static class Snippets
{
    /// <summary>
    /// A binary classifier trained as ML.NET's samples do, with every hooked call once: TrainTestSplit, a trainer by
    /// named arguments and one by an options object, Fit, Evaluate, CrossValidate and Model.Save. Train returns the
    /// metrics and the scores as text, so that two builds can be compared.
    /// </summary>
    public const string MLNetTrainer = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using Microsoft.ML;
        using Microsoft.ML.Data;
        using Microsoft.ML.Trainers;

        public sealed class Row
        {
            public bool Label { get; set; }

            [VectorType(3)]
            public float[] Features { get; set; } = new float[3];
        }

        public static class Trainer
        {
            public static string Train(string modelPath)
            {
                var context = new MLContext(seed: 7);
                var random = new Random(1);
                var rows = new List<Row>();
                for (var i = 0; i < 400; i++)
                {
                    var a = (float)random.NextDouble();
                    var b = (float)random.NextDouble();
                    var c = (float)random.NextDouble();
                    rows.Add(new Row { Label = a + (b * 0.5f) + ((float)random.NextDouble() * 0.3f) > 0.9f, Features = new[] { a, b, c } });
                }

                var data = context.Data.LoadFromEnumerable(rows);
                var split = context.Data.TrainTestSplit(data, testFraction: 0.25, seed: 3);
                var byArguments = context.BinaryClassification.Trainers.LbfgsLogisticRegression(l2Regularization: 0.5f, optimizationTolerance: 1e-5f);
                var byOptions = context.BinaryClassification.Trainers.SdcaLogisticRegression(
                    new SdcaLogisticRegressionBinaryTrainer.Options { MaximumNumberOfIterations = 20, L2Regularization = 0.01f, NumberOfThreads = 1 });
                var model = byArguments.Fit(split.TrainSet);
                var metrics = context.BinaryClassification.Evaluate(model.Transform(split.TestSet));
                var folds = context.BinaryClassification.CrossValidate(data, byOptions, numberOfFolds: 3, seed: 5);
                context.Model.Save(model, data.Schema, modelPath);
                var scores = context.Data.CreateEnumerable<Scored>(model.Transform(split.TestSet), reuseRowObject: false).Select(s => s.Probability);
                return string.Join(";", new[] { metrics.Accuracy, metrics.AreaUnderRocCurve, metrics.LogLoss, folds.Average(f => f.Metrics.Accuracy) }
                    .Select(v => v.ToString("R", CultureInfo.InvariantCulture))
                    .Concat(scores.Select(s => s.ToString("R", CultureInfo.InvariantCulture))));
            }
        }

        public sealed class Scored
        {
            public float Probability { get; set; }
        }
        """;

    /// <summary>A TorchSharp training loop's hooked calls: seeds, an optimizer, a scheduler step, a module saved.</summary>
    public const string TorchSharpLoop = """
        using TorchSharp;
        using static TorchSharp.torch;

        public static class Loop
        {
            public static void Train(nn.Module<Tensor, Tensor> model, string path)
            {
                torch.manual_seed(42);
                torch.random.manual_seed(43);
                var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01, beta1: 0.8, weight_decay: 0.001);
                var sgd = optim.SGD(model.parameters(), 0.1, momentum: 0.9);
                var scheduler = optim.lr_scheduler.StepLR(sgd, 10);
                optimizer.step();
                scheduler.step();
                model.save(path);
            }
        }
        """;

    /// <summary>
    /// A TorchSharp training loop as a user writes it, with no Repro.Runs call: a seed, a module of one's own, an Adam
    /// optimizer with named settings, a step scheduler stepped once per epoch, the module saved. Train returns the
    /// learning rate after each epoch, so that two builds can be compared.
    /// </summary>
    public const string TorchSharpTraining = """
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using TorchSharp;
        using static TorchSharp.torch;

        public sealed class Net : nn.Module<Tensor, Tensor>
        {
            public Net()
                : base(nameof(Net))
            {
            }

            public override Tensor forward(Tensor input) => input;
        }

        public static class Training
        {
            public static string Train(string path)
            {
                torch.manual_seed(42);
                var model = new Net();
                var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01, beta2: 0.98, weight_decay: 0.0001);
                var scheduler = optim.lr_scheduler.StepLR(optimizer, 2, gamma: 0.5);
                var rates = new List<double>();
                for (var epoch = 0; epoch < 5; epoch++)
                {
                    optimizer.step();
                    scheduler.step();
                    rates.Add(scheduler.get_last_lr().First());
                }

                model.save(path);
                return string.Join(";", rates.Select(r => r.ToString("R", CultureInfo.InvariantCulture)));
            }
        }
        """;

    /// <summary>Methods with the hooked names on the user's own types: none may be intercepted.</summary>
    public const string Lookalikes = """
        public sealed class Catalog
        {
            public Catalog Trainers => this;

            public int SdcaLogisticRegression(int l2) => l2;

            public double Evaluate(object data) => 1;

            public void Save(object model, object schema, string filePath)
            {
            }

            public int Fit(object data) => 2;

            public Catalog TrainTestSplit(object data, double testFraction = 0.1, int? seed = null) => this;
        }

        public static class torch
        {
            public static long manual_seed(long seed) => seed;

            public static class optim
            {
                public static object Adam(System.Collections.Generic.IEnumerable<int> parameters, double lr) => lr;
            }
        }

        public static class Use
        {
            public static void Run()
            {
                var catalog = new Catalog();
                catalog.Trainers.SdcaLogisticRegression(1);
                catalog.Evaluate(catalog);
                catalog.Save(catalog, catalog, "model.zip");
                catalog.Fit(catalog);
                catalog.TrainTestSplit(catalog, 0.2, 3);
                torch.manual_seed(1);
                torch.optim.Adam(new[] { 1 }, 0.1);
            }
        }
        """;

    /// <summary>A program of top-level statements, as the integration test's trainer is written.</summary>
    public const string TopLevelProgram = """
        using Microsoft.ML;
        using Microsoft.ML.Data;

        var ml = new MLContext(seed: 42);
        var data = ml.Data.LoadFromTextFile<Reading>("data.csv", hasHeader: true, separatorChar: ',');
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 7);
        System.Console.WriteLine(split.TestSet.Schema.Count);

        public sealed class Reading
        {
            [LoadColumn(0)]
            public float Value { get; set; }
        }
        """;
}
