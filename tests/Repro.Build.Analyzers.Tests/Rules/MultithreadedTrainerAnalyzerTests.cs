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
                var lbfgs = ml.BinaryClassification.Trainers.LbfgsLogisticRegression();
            }
        }
        """,
        new[]
        {
            Verify.Diagnostic(MultithreadedTrainerAnalyzer.DefaultThreadsRule).WithLocation(0).WithArguments("SdcaLogisticRegression"),
            Verify.Diagnostic(MultithreadedTrainerAnalyzer.UnsetThreadsRule).WithLocation(1).WithLocation(5).WithArguments("Sdca"),
            Verify.Diagnostic(MultithreadedTrainerAnalyzer.ThreadsSetRule).WithLocation(2).WithLocation(6).WithArguments("KMeans", "4"),
            Verify.Diagnostic(MultithreadedTrainerAnalyzer.DefaultThreadsRule).WithLocation(3).WithArguments("SgdCalibrated"),
            Verify.Diagnostic(MultithreadedTrainerAnalyzer.UnsetThreadsRule).WithLocation(4).WithLocation(7).WithArguments("SdcaMaximumEntropy"),
        },
        references: TestReferences.WithMLNet);
}
