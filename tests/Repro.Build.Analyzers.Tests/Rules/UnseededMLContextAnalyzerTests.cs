using System.Threading.Tasks;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseededMLContextAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnseededMLContextAnalyzerTests
{
    [Fact]
    public Task Flags_unseeded_contexts_that_split_shuffle_sample_or_train() => Verify.AnalyzerAsync("""
        using Microsoft.ML;
        class C
        {
            private readonly MLContext _field = {|#0:new MLContext()|};

            void Split(IDataView data)
            {
                var ml = {|#1:new MLContext()|};
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
            }

            void Train(IDataView data)
            {
                MLContext ml = {|#2:new(seed: null)|};
                var trainer = ml.BinaryClassification.Trainers.AveragedPerceptron();
            }

            void Shuffle(IDataView data) => _field.Data.ShuffleRows(data);

            void CrossValidate(IDataView data, IEstimator<ITransformer> pipeline) =>
                {|#3:new MLContext(null)|}.Regression.CrossValidate(data, pipeline);

            void Sample(IDataView data)
            {
                var ml = {|#4:new MLContext()|};
                var pca = ml.Transforms.ProjectToPrincipalComponents("Pca", "Features", rank: 2);
            }

            void Deterministic(IDataView data)
            {
                var ml = new MLContext();
                var model = ml.Regression.Trainers.LbfgsPoissonRegression().Fit(data);
            }
        }
        """,
        new[]
        {
            Verify.Diagnostic(UnseededMLContextAnalyzer.AcrossMembersRule).WithLocation(0).WithArguments("ShuffleRows"),
            Verify.Diagnostic(UnseededMLContextAnalyzer.Rule).WithLocation(1).WithArguments("TrainTestSplit"),
            Verify.Diagnostic(UnseededMLContextAnalyzer.Rule).WithLocation(2).WithArguments("AveragedPerceptron"),
            Verify.Diagnostic(UnseededMLContextAnalyzer.Rule).WithLocation(3).WithArguments("CrossValidate"),
            Verify.Diagnostic(UnseededMLContextAnalyzer.Rule).WithLocation(4).WithArguments("ProjectToPrincipalComponents"),
        },
        references: TestReferences.WithMLNet);

    [Fact]
    public Task Flags_a_context_handed_to_code_that_trains_with_a_context_it_cannot_trace() => Verify.AnalyzerAsync("""
        using Microsoft.ML;
        class Trainer
        {
            private readonly MLContext _ml;
            public Trainer(MLContext ml) { _ml = ml; }
            public ITransformer Fit(IDataView data) => _ml.Regression.Trainers.Sdca().Fit(data);
        }
        class Program
        {
            ITransformer Run(IDataView data) => new Trainer({|#0:new MLContext()|}).Fit(data);
        }
        """,
        new[]
        {
            Verify.Diagnostic(UnseededMLContextAnalyzer.AcrossMembersRule).WithLocation(0).WithArguments("Sdca"),
        },
        references: TestReferences.WithMLNet);

    [Fact]
    public Task Flags_an_unseeded_context_made_by_a_factory_method_and_trained_with_by_its_callers() => Verify.AnalyzerAsync("""
        using Microsoft.ML;
        static class Contexts
        {
            public static MLContext Create() => {|#0:new MLContext()|};

            public static MLContext CreateTargetTyped() => {|#2:new()|};

            public static MLContext CreateVerbose()
            {
                var ml = {|#1:new MLContext()|};
                ml.Log += (_, e) => System.Console.WriteLine(e.Message);
                return ml;
            }
        }
        class Program
        {
            void Split(IDataView data)
            {
                var ml = Contexts.Create();
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
            }

            ITransformer Train(IDataView data) => Contexts.CreateVerbose().Regression.Trainers.Sdca().Fit(data);
        }
        class Experiment
        {
            private readonly MLContext _ml;
            public Experiment() { _ml = Contexts.CreateTargetTyped(); }
            public IDataView Shuffle(IDataView data) => _ml.Data.ShuffleRows(data);
        }
        static class Shared
        {
            public static MLContext Make() => {|#3:new MLContext()|};
        }
        class Pipeline
        {
            private readonly MLContext _context = Shared.Make();
            public ITransformer Run(IDataView data) => new Fitter(_context).Fit(data);
        }
        class Fitter
        {
            private readonly MLContext _ml;
            public Fitter(MLContext ml) { _ml = ml; }
            public ITransformer Fit(IDataView data) => _ml.MulticlassClassification.Trainers.SdcaMaximumEntropy().Fit(data);
        }
        """,
        new[]
        {
            Verify.Diagnostic(UnseededMLContextAnalyzer.AcrossMembersRule).WithLocation(0).WithArguments("TrainTestSplit"),
            Verify.Diagnostic(UnseededMLContextAnalyzer.AcrossMembersRule).WithLocation(2).WithArguments("ShuffleRows"),
            Verify.Diagnostic(UnseededMLContextAnalyzer.AcrossMembersRule).WithLocation(1).WithArguments("Sdca"),
            Verify.Diagnostic(UnseededMLContextAnalyzer.AcrossMembersRule).WithLocation(3).WithArguments("SdcaMaximumEntropy"),
        },
        references: TestReferences.WithMLNet);

    [Fact]
    public Task Quiet_on_a_factory_whose_callers_only_predict_even_when_other_code_trains_with_a_context_it_cannot_trace() => Verify.AnalyzerAsync("""
        using Microsoft.ML;
        class Input { public float X { get; set; } }
        class Output { public float Score { get; set; } }
        static class Contexts
        {
            public static MLContext ForPrediction() => new MLContext();
        }
        class Scorer
        {
            Output Score(string path, Input input)
            {
                var ml = Contexts.ForPrediction();
                var model = ml.Model.Load(path, out _);
                return ml.Model.CreatePredictionEngine<Input, Output>(model).Predict(input);
            }
        }
        class Trainer
        {
            public ITransformer Fit(MLContext seededByCaller, IDataView data) => seededByCaller.Regression.Trainers.Sdca().Fit(data);
        }
        """, references: TestReferences.WithMLNet);

    [Fact]
    public Task Quiet_on_contexts_that_only_load_a_model_and_predict() => Verify.AnalyzerAsync("""
        using Microsoft.ML;
        class Input { public float X { get; set; } }
        class Output { public float Score { get; set; } }
        class Predictor
        {
            private readonly MLContext _ml = new MLContext();

            Output Predict(string path, Input input)
            {
                var ml = new MLContext();
                var model = ml.Model.Load(path, out var schema);
                var engine = ml.Model.CreatePredictionEngine<Input, Output>(model);
                var data = ml.Data.LoadFromEnumerable(new[] { input });
                var scored = model.Transform(data);
                return engine.Predict(input);
            }

            ITransformer Load(string path) => _ml.Model.Load(path, out _);
        }
        """, references: TestReferences.WithMLNet);

    [Fact]
    public Task Quiet_on_seeded_contexts_and_their_per_call_seeds() => Verify.AnalyzerAsync("""
        using Microsoft.ML;
        class C
        {
            void M(IDataView data, int? seedFromConfig)
            {
                var ml = new MLContext(seed: 1);
                var positional = new MLContext(7);
                var configured = new MLContext(seedFromConfig);
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
                var shuffled = ml.Data.ShuffleRows(data);
                var trained = configured.Regression.Trainers.Sdca().Fit(data);
            }
        }
        """, references: TestReferences.WithMLNet);
}
