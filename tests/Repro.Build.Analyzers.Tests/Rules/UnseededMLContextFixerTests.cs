using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseededMLContextAnalyzer, Repro.Build.CodeFixes.Rules.UnseededMLContextFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnseededMLContextFixerTests
{
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

    /// <summary>
    /// A factory's context is decided once the whole program is seen (a compilation-end diagnostic, which builds and
    /// full-solution analysis report and the light bulb fixes); the harness checks fixes of local diagnostics only
    /// unless told otherwise.
    /// </summary>
    [Fact]
    public Task Fix_seeds_the_context_a_factory_method_returns()
    {
        var test = Verify.Create(TestReferences.WithMLNet);
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        test.TestCode = """
        using Microsoft.ML;
        static class Contexts
        {
            public static MLContext Create() => [|new MLContext()|];
            public static MLContext CreateTargetTyped() => [|new()|];
        }
        class Program
        {
            IDataView Shuffle(IDataView data) => Contexts.Create().Data.ShuffleRows(data);
            ITransformer Train(IDataView data) => Contexts.CreateTargetTyped().Regression.Trainers.Sdca().Fit(data);
        }
        """;
        test.FixedCode = """
        using Microsoft.ML;
        static class Contexts
        {
            public static MLContext Create() => new MLContext(seed: 42);
            public static MLContext CreateTargetTyped() => new(seed: 42);
        }
        class Program
        {
            IDataView Shuffle(IDataView data) => Contexts.Create().Data.ShuffleRows(data);
            ITransformer Train(IDataView data) => Contexts.CreateTargetTyped().Regression.Trainers.Sdca().Fit(data);
        }
        """;
        return test.RunAsync();
    }
}

