using System.Threading.Tasks;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.MultithreadedTrainerAnalyzer, Repro.Build.CodeFixes.Rules.MultithreadedTrainerFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class MultithreadedTrainerTests
{
    [Fact]
    public Task Flags_SDCA_SGD_and_KMeans_unless_they_run_on_one_thread() => Verify.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;
        class C
        {
            void M(MLContext ml, int configuredThreads)
            {
                var a = [|ml.BinaryClassification.Trainers.SdcaLogisticRegression()|];
                var b = [|ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { LabelColumnName = "Label" })|];
                var c = [|ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfClusters = 3, NumberOfThreads = 4 })|];
                var d = [|ml.BinaryClassification.Trainers.SgdCalibrated()|];
                var options = new SdcaMaximumEntropyMulticlassTrainer.Options();
                var e = [|ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(options)|];

                var one = ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { NumberOfThreads = 1 });
                var configured = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfThreads = configuredThreads });
                var later = new SdcaLogisticRegressionBinaryTrainer.Options();
                later.NumberOfThreads = 1;
                var f = ml.BinaryClassification.Trainers.SdcaLogisticRegression(later);
                var lbfgs = ml.BinaryClassification.Trainers.LbfgsLogisticRegression();
            }
        }
        """, references: TestReferences.WithMLNet);

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
}
