using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace Repro.Runs.Generators.Tests;

public sealed class AutologGeneratorTests
{
    [Fact]
    public void MLNet_calls_get_interceptors_that_compile_without_warnings()
    {
        var result = GeneratorHarness.Run(Snippets.MLNetTrainer);

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Generated);
        // TrainTestSplit, two trainers, Fit, Evaluate, CrossValidate, Model.Save; not LoadFromEnumerable, Transform, CreateEnumerable.
        Assert.Equal(7, result.Interceptors);
        var generated = result.Generated!;
        Assert.Contains("internal static global::Microsoft.ML.DataOperationsCatalog.TrainTestData TrainTestSplit_", generated);
        Assert.Contains(".Component(__run, \"binary\", \"trainer\", \"LbfgsLogisticRegression\")", generated);
        Assert.Contains(".Param(__run, __prefix, \"l2Regularization\", l2Regularization)", generated);
        Assert.Contains(".Component(__run, \"binary\", \"trainer\", \"SdcaLogisticRegression\")", generated);
        Assert.Contains(".Options(__run, __prefix, options)", generated);
        Assert.Contains(".Seed(__run, \"mlnet/trainTestSplit\", \"seed\", seed)", generated);
        Assert.Contains(".BeginFit(__run, @this)", generated);
        Assert.Contains(".Metric(__run, \"binary/AreaUnderRocCurve\", __result.AreaUnderRocCurve, __index)", generated);
        Assert.Contains(".Metric(__run, \"binary/F1Score\", __result.F1Score, __index)", generated);
        Assert.Contains(".Metric(__run, \"binary/crossValidate/Accuracy\", __fold.Metrics.Accuracy, __fold.Fold)", generated);
        Assert.Contains(".Output(__run, filePath)", generated);
        Assert.Contains("private const bool AutoRun = false;", generated);
        // Every call on a catalog (all but Fit, whose receiver is an estimator) leads to the context's seed, after the call.
        Assert.Equal(6, CountOf(generated, ".ContextSeed(__run, @this);"));
    }

    [Fact]
    public void TorchSharp_calls_get_interceptors_that_compile_without_warnings()
    {
        var result = GeneratorHarness.Run(Snippets.TorchSharpLoop);

        Assert.Empty(result.Problems);
        var generated = Assert.IsType<string>(result.Generated);
        // manual_seed twice, Adam, SGD, the scheduler's step and Module.save; not the optimizer's own step or StepLR.
        Assert.Equal(6, result.Interceptors);
        Assert.Equal(2, CountOf(generated, ".Seed(__run, \"torch\", \"seed\", seed)"));
        Assert.Contains(".Component(__run, \"torch\", \"optimizer\", \"Adam\")", generated);
        Assert.Contains(".Param(__run, __prefix, \"lr\", lr)", generated);
        Assert.Contains(".Param(__run, __prefix, \"beta1\", beta1)", generated);
        Assert.Contains(".Param(__run, __prefix, \"weight_decay\", weight_decay)", generated);
        Assert.Contains(".Component(__run, \"torch\", \"optimizer\", \"SGD\")", generated);
        Assert.Contains(".Param(__run, __prefix, \"momentum\", momentum)", generated);
        Assert.Contains(".LearningRate(__run, @this.get_last_lr())", generated);
        Assert.Contains(".Output(__run, location)", generated);
        Assert.DoesNotContain("ContextSeed", generated);
    }

    [Fact]
    public void Calls_in_top_level_statements_get_interceptors()
    {
        var result = GeneratorHarness.Run(Snippets.TopLevelProgram, outputKind: Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);

        Assert.Empty(result.Problems);
        Assert.Equal(1, result.Interceptors);
    }

    [Fact]
    public void Base_calls_and_calls_in_expression_trees_are_left_alone()
    {
        const string Source = """
            using System;
            using System.Linq.Expressions;
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public sealed class Chain : IEstimator<ITransformer>
            {
                private readonly EstimatorChain<ITransformer> _inner = new();

                public ITransformer Fit(IDataView input) => _inner.Fit(input);

                public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;
            }

            public class Logged : IEstimator<ITransformer>
            {
                public virtual ITransformer Fit(IDataView input) => throw new NotSupportedException();

                public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;
            }

            public sealed class Derived : Logged
            {
                public override ITransformer Fit(IDataView input) => base.Fit(input);
            }

            public static class Trees
            {
                public static Expression<Func<MLContext, IDataView, DataOperationsCatalog.TrainTestData>> Split =>
                    (ml, data) => ml.Data.TrainTestSplit(data, 0.2, null, 1);
            }
            """;

        var result = GeneratorHarness.Run(Source);

        Assert.Empty(result.Problems);
        // Only `_inner.Fit(input)`, an ordinary call on an EstimatorChain.
        Assert.Equal(1, result.Interceptors);
        Assert.Contains("global::Microsoft.ML.Data.EstimatorChain<global::Microsoft.ML.ITransformer> @this", result.Generated!);
    }

    [Fact]
    public void Lookalike_methods_on_the_users_own_types_are_left_alone()
    {
        var result = GeneratorHarness.Run(Snippets.Lookalikes);

        Assert.Empty(result.Problems);
        Assert.Null(result.Generated);
    }

    [Theory]
    [InlineData("public static string Train(", "[Repro.Runs.NoAutolog]\n    public static string Train(")]
    [InlineData("public sealed class Row", "[assembly: Repro.Runs.NoAutolog]\n\npublic sealed class Row")]
    public void Calls_under_NoAutolog_on_their_method_or_assembly_are_left_alone(string original, string optedOut)
    {
        var source = Snippets.MLNetTrainer.Replace(original, optedOut, System.StringComparison.Ordinal);
        Assert.NotEqual(Snippets.MLNetTrainer, source);

        var result = GeneratorHarness.Run(source);

        Assert.Empty(result.Problems);
        Assert.Null(result.Generated);
    }

    [Fact]
    public void NoAutolog_on_a_type_covers_its_methods_and_leaves_other_types_alone()
    {
        var source = Snippets.MLNetTrainer.Replace("public static class Trainer", "[Repro.Runs.NoAutolog]\npublic static class Trainer", System.StringComparison.Ordinal)
            + """

            public static class Other
            {
                public static void Seed() => TorchSharp.torch.manual_seed(1);
            }
            """;

        var result = GeneratorHarness.Run(source);

        Assert.Empty(result.Problems);
        Assert.Equal(1, result.Interceptors);
        Assert.Contains("manual_seed", result.Generated!);
    }

    [Fact]
    public void NoAutolog_on_a_local_function_of_top_level_statements_covers_only_that_function()
    {
        // As the sample's learning curve: the calls inside the local function are left alone, the same calls outside are not.
        const string Source = """
            using Microsoft.ML;
            using Repro.Runs;

            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromEnumerable(new[] { new Row() });

            [NoAutolog]
            void Curve()
            {
                ml.Data.TrainTestSplit(data, testFraction: 0.5);
                ml.BinaryClassification.Trainers.SdcaLogisticRegression();
            }

            Curve();
            ml.Data.TrainTestSplit(data, testFraction: 0.25);

            public sealed class Row
            {
                public bool Label { get; set; }
            }
            """;

        var result = GeneratorHarness.Run(Source, outputKind: Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);

        Assert.Empty(result.Problems);
        Assert.Equal(1, result.Interceptors);
        Assert.Contains("TrainTestSplit_0(", result.Generated!);
        Assert.DoesNotContain("SdcaLogisticRegression", result.Generated!);
    }

    [Fact]
    public void ReproAutolog_false_turns_the_generator_off()
    {
        var properties = new Dictionary<string, string>(GeneratorHarness.PackageDefaults) { ["build_property.ReproAutolog"] = "False" };

        var result = GeneratorHarness.Run(Snippets.MLNetTrainer, properties);

        Assert.Empty(result.Problems);
        Assert.Null(result.Generated);
    }

    [Fact]
    public void Nothing_is_generated_when_the_namespace_may_not_intercept()
    {
        // A project that replaced InterceptorsNamespaces (or excluded the package's build assets) would get error CS9137
        // from an interceptor: it gets none.
        var properties = GeneratorHarness.PackageDefaults.Where(p => p.Key != "build_property._ReproAutologInterceptorsNamespaces").ToDictionary(p => p.Key, p => p.Value);

        var result = GeneratorHarness.Run(Snippets.MLNetTrainer, properties);

        Assert.Empty(result.Problems);
        Assert.Null(result.Generated);
    }

    [Fact]
    public void Nothing_is_generated_for_a_language_version_without_file_local_types()
    {
        var source = "using Microsoft.ML;\npublic static class Old { public static void Split(MLContext c, IDataView d) { c.Data.TrainTestSplit(d, 0.2); } }";

        var result = GeneratorHarness.Run(source, language: LanguageVersion.CSharp10);

        Assert.Empty(result.Problems);
        Assert.Null(result.Generated);
        Assert.Equal(1, GeneratorHarness.Run(source).Interceptors);
    }

    [Fact]
    public void ReproAutoRun_true_makes_the_interceptors_start_a_run()
    {
        var properties = new Dictionary<string, string>(GeneratorHarness.PackageDefaults) { ["build_property.ReproAutoRun"] = "true" };

        var result = GeneratorHarness.Run(Snippets.TorchSharpLoop, properties);

        Assert.Empty(result.Problems);
        Assert.Contains("private const bool AutoRun = true;", result.Generated!);
    }

    [Fact]
    public void The_generated_file_is_the_same_for_the_same_source()
    {
        var first = GeneratorHarness.Run(Snippets.TorchSharpLoop);
        var second = GeneratorHarness.Run(Snippets.TorchSharpLoop);

        Assert.NotNull(first.Generated);
        Assert.Equal(first.Generated, second.Generated);
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
