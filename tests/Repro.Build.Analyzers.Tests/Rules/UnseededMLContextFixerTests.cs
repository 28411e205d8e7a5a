using System.Threading.Tasks;
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
}
