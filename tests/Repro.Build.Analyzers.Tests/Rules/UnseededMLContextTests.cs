using System.Threading.Tasks;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseededMLContextAnalyzer, Repro.Build.CodeFixes.Rules.UnseededMLContextFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnseededMLContextTests
{
    [Fact]
    public Task Flags_contexts_without_a_seed() => Verify.AnalyzerAsync("""
        using Microsoft.ML;
        class C
        {
            MLContext A() => [|new MLContext()|];
            MLContext B() => [|new MLContext(seed: null)|];
            MLContext D() => [|new MLContext(null)|];
            MLContext E() { MLContext ml = [|new()|]; return ml; }
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
            }
        }
        """, references: TestReferences.WithMLNet);

    [Fact]
    public Task Fix_adds_or_replaces_the_seed() => Verify.FixAsync("""
        using Microsoft.ML;
        class C
        {
            MLContext A() => [|new MLContext()|];
            MLContext B() => [|new MLContext(seed: null)|];
        }
        """, """
        using Microsoft.ML;
        class C
        {
            MLContext A() => new MLContext(seed: 42);
            MLContext B() => new MLContext(seed: 42);
        }
        """, references: TestReferences.WithMLNet);

    [Fact]
    public Task Fix_uses_the_projects_ReproSeed() => Verify.FixAsync("""
        using Microsoft.ML;
        class C
        {
            MLContext A() => [|new MLContext()|];
        }
        """, """
        using Microsoft.ML;
        class C
        {
            MLContext A() => new MLContext(seed: 2024);
        }
        """, editorConfig: "is_global = true\nbuild_property.ReproSeed = 2024\n", references: TestReferences.WithMLNet);
}
