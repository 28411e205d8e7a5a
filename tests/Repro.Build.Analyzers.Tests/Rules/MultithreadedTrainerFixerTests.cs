using System.Threading.Tasks;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.MultithreadedTrainerAnalyzer, Repro.Build.CodeFixes.Rules.MultithreadedTrainerFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class MultithreadedTrainerFixerTests
{
    [Fact]
    public Task Fix_sets_one_thread_in_the_options_or_switches_to_the_options_overload() => Verify.FixAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;
        class C
        {
            void M(MLContext ml)
            {
                var a = [|ml.BinaryClassification.Trainers.SdcaLogisticRegression("Label", featureColumnName: "Features", l2Regularization: 0.1f)|];
                var b = [|ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { LabelColumnName = "Label" })|];
                var c = [|ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfClusters = 3, NumberOfThreads = 4 })|];
                var d = [|ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options())|];
            }
        }
        """, """
        using Microsoft.ML;
        using Microsoft.ML.Trainers;
        class C
        {
            void M(MLContext ml)
            {
                var a = ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = "Label", FeatureColumnName = "Features", L2Regularization = 0.1f, NumberOfThreads = 1 });
                var b = ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { LabelColumnName = "Label", NumberOfThreads = 1 });
                var c = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfClusters = 3, NumberOfThreads = 1 });
                var d = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options() { NumberOfThreads = 1 });
            }
        }
        """, references: TestReferences.WithMLNet);

    [Fact]
    public Task Fix_keeps_a_multi_line_initializer_one_assignment_per_line() => Verify.FixAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;
        class C
        {
            object M(MLContext ml) => [|ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features"
            })|];
        }
        """, """
        using Microsoft.ML;
        using Microsoft.ML.Trainers;
        class C
        {
            object M(MLContext ml) => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                NumberOfThreads = 1
            });
        }
        """, references: TestReferences.WithMLNet);

    [Fact]
    public Task Fix_gives_L_BFGS_trainers_one_thread_through_their_options() => Verify.FixAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;
        class C
        {
            void M(MLContext ml)
            {
                var poisson = [|ml.Regression.Trainers.LbfgsPoissonRegression()|];
                var entropy = [|ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy("Label", "Features")|];
                var logistic = [|ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { L2Regularization = 0.1f })|];
            }
        }
        """, """
        using Microsoft.ML;
        using Microsoft.ML.Trainers;
        class C
        {
            void M(MLContext ml)
            {
                var poisson = ml.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options { NumberOfThreads = 1 });
                var entropy = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { LabelColumnName = "Label", FeatureColumnName = "Features", NumberOfThreads = 1 });
                var logistic = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { L2Regularization = 0.1f, NumberOfThreads = 1 });
            }
        }
        """, references: TestReferences.WithMLNet);
}

