using System.Threading.Tasks;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseededMLContextAnalyzer, Repro.Build.CodeFixes.Rules.UnseededMLContextFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnseededMLContextTests
{
    [Fact]
    public Task Flags_unseeded_contexts_that_split_shuffle_sample_or_train() => Verify.AnalyzerAsync("""
        using Microsoft.ML;
        class C
        {
            private readonly MLContext _field = [|new MLContext()|];

            void Split(IDataView data)
            {
                var ml = [|new MLContext()|];
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
            }

            void Train(IDataView data)
            {
                MLContext ml = [|new(seed: null)|];
                var trainer = ml.BinaryClassification.Trainers.AveragedPerceptron();
            }

            void Shuffle(IDataView data) => _field.Data.ShuffleRows(data);

            void CrossValidate(IDataView data, IEstimator<ITransformer> pipeline) =>
                [|new MLContext(null)|].Regression.CrossValidate(data, pipeline);

            void Sample(IDataView data)
            {
                var ml = [|new MLContext()|];
                var pca = ml.Transforms.ProjectToPrincipalComponents("Pca", "Features", rank: 2);
            }

            void Deterministic(IDataView data)
            {
                var ml = new MLContext();
                var model = ml.Regression.Trainers.LbfgsPoissonRegression().Fit(data);
            }
        }
        """, references: TestReferences.WithMLNet);

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
            ITransformer Run(IDataView data) => new Trainer([|new MLContext()|]).Fit(data);
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

    [Fact]
    public Task Fix_adds_or_replaces_the_seed() => Verify.FixAsync("""
        using Microsoft.ML;
        class C
        {
            IDataView A(IDataView d) => [|new MLContext()|].Data.ShuffleRows(d);
            IDataView B(IDataView d) => [|new MLContext(seed: null)|].Data.ShuffleRows(d);
        }
        """, """
        using Microsoft.ML;
        class C
        {
            IDataView A(IDataView d) => new MLContext(seed: 42).Data.ShuffleRows(d);
            IDataView B(IDataView d) => new MLContext(seed: 42).Data.ShuffleRows(d);
        }
        """, references: TestReferences.WithMLNet);

    [Fact]
    public Task Fix_uses_the_projects_ReproSeed() => Verify.FixAsync("""
        using Microsoft.ML;
        class C
        {
            IDataView A(IDataView d) => [|new MLContext()|].Data.ShuffleRows(d);
        }
        """, """
        using Microsoft.ML;
        class C
        {
            IDataView A(IDataView d) => new MLContext(seed: 2024).Data.ShuffleRows(d);
        }
        """, editorConfig: "is_global = true\nbuild_property.ReproSeed = 2024\n", references: TestReferences.WithMLNet);
}
