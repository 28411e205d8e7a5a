using System.Threading.Tasks;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.MultithreadedTrainerAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class MultithreadedTrainerAnalyzerTests
{
    [Fact]
    public Task Flags_SDCA_SGD_and_KMeans_unless_they_run_on_one_thread() => Verify.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;
        class C
        {
            void M(MLContext ml, int configuredThreads)
            {
                var a = {|#0:ml.BinaryClassification.Trainers.SdcaLogisticRegression()|};
                var b = {|#1:ml.Regression.Trainers.Sdca({|#5:new SdcaRegressionTrainer.Options { LabelColumnName = "Label" }|})|};
                var c = {|#2:ml.Clustering.Trainers.KMeans({|#6:new KMeansTrainer.Options { NumberOfClusters = 3, NumberOfThreads = 4 }|})|};
                var d = {|#3:ml.BinaryClassification.Trainers.SgdCalibrated()|};
                var options = {|#7:new SdcaMaximumEntropyMulticlassTrainer.Options()|};
                var e = {|#4:ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(options)|};

                var one = ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { NumberOfThreads = 1 });
                var configured = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfThreads = configuredThreads });
                var later = new SdcaLogisticRegressionBinaryTrainer.Options();
                later.NumberOfThreads = 1;
                var f = ml.BinaryClassification.Trainers.SdcaLogisticRegression(later);
            }
        }
        """,
        new[]
        {
            Verify.Diagnostic(MultithreadedTrainerAnalyzer.DefaultThreadsRule).WithLocation(0).WithArguments("SdcaLogisticRegression", Racing),
            Verify.Diagnostic(MultithreadedTrainerAnalyzer.UnsetThreadsRule).WithLocation(1).WithLocation(5).WithArguments("Sdca", Racing),
            Verify.Diagnostic(MultithreadedTrainerAnalyzer.ThreadsSetRule).WithLocation(2).WithLocation(6).WithArguments("KMeans", "4", Racing),
            Verify.Diagnostic(MultithreadedTrainerAnalyzer.DefaultThreadsRule).WithLocation(3).WithArguments("SgdCalibrated", Racing),
            Verify.Diagnostic(MultithreadedTrainerAnalyzer.UnsetThreadsRule).WithLocation(4).WithLocation(7).WithArguments("SdcaMaximumEntropy", Racing),
        },
        references: TestReferences.WithMLNet);

    [Fact]
    public Task Flags_L_BFGS_trainers_whose_thread_count_follows_the_cores() => Verify.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;
        class C
        {
            void M(MLContext ml)
            {
                var poisson = {|#0:ml.Regression.Trainers.LbfgsPoissonRegression()|};
                var logistic = {|#1:ml.BinaryClassification.Trainers.LbfgsLogisticRegression({|#3:new LbfgsLogisticRegressionBinaryTrainer.Options { L2Regularization = 0.1f }|})|};
                var entropy = {|#2:ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy("Label", "Features")|};
            }
        }
        """,
        new[]
        {
            Verify.Diagnostic(MultithreadedTrainerAnalyzer.DefaultThreadsRule).WithLocation(0).WithArguments("LbfgsPoissonRegression", CoreCount),
            Verify.Diagnostic(MultithreadedTrainerAnalyzer.UnsetThreadsRule).WithLocation(1).WithLocation(3).WithArguments("LbfgsLogisticRegression", CoreCount),
            Verify.Diagnostic(MultithreadedTrainerAnalyzer.DefaultThreadsRule).WithLocation(2).WithArguments("LbfgsMaximumEntropy", CoreCount),
        },
        references: TestReferences.WithMLNet);

    [Fact]
    public Task Quiet_on_L_BFGS_with_a_fixed_thread_count_and_on_trainers_measured_to_give_the_same_model() => Verify.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;
        class C
        {
            void M(MLContext ml)
            {
                var four = ml.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options { NumberOfThreads = 4 });
                var one = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 });
                var perceptron = ml.BinaryClassification.Trainers.AveragedPerceptron();
                var svm = ml.BinaryClassification.Trainers.LinearSvm();
                var ogd = ml.Regression.Trainers.OnlineGradientDescent();
                var bayes = ml.MulticlassClassification.Trainers.NaiveBayes();
                var pca = ml.AnomalyDetection.Trainers.RandomizedPca();
                var ffm = ml.BinaryClassification.Trainers.FieldAwareFactorizationMachine(new[] { "Features" });
            }
        }
        """, references: TestReferences.WithMLNet);

    [Fact]
    public Task Quiet_on_tree_trainers_measured_to_give_the_same_model_with_any_core_count() => Verify.AnalyzerAsync("""
        using Microsoft.ML;
        class C
        {
            void M(MLContext ml)
            {
                var tree = ml.Regression.Trainers.FastTree();
                var forest = ml.BinaryClassification.Trainers.FastForest();
                var tweedie = ml.Regression.Trainers.FastTreeTweedie();
                var gam = ml.Regression.Trainers.Gam();
                var ranking = ml.Ranking.Trainers.FastTree();
                var lightGbm = ml.BinaryClassification.Trainers.LightGbm();
            }
        }
        """, references: TestReferences.With("Microsoft.ML", "Microsoft.ML.FastTree", "Microsoft.ML.LightGbm"));

    private const string Racing = MultithreadedTrainerAnalyzer.RacingReason;

    private const string CoreCount = MultithreadedTrainerAnalyzer.CoreCountReason;
}
