using System.Threading.Tasks;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.ParallelNondeterminismAnalyzer, Repro.Build.CodeFixes.Rules.ParallelNondeterminismFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class ParallelNondeterminismFixerTests
{
    [Fact]
    public Task Parallel_fix_adds_AsOrdered() => Verify.FixAsync("""
        using System.Linq;
        class C
        {
            double[] A(double[] x) => [|x.AsParallel().Select(v => v * 2).ToArray()|];
        }
        """, """
        using System.Linq;
        class C
        {
            double[] A(double[] x) => x.AsParallel().AsOrdered().Select(v => v * 2).ToArray();
        }
        """);

    [Fact]
    public Task Parallel_fix_reduces_floating_point_values_in_order() => Verify.FixAsync("""
        using System.Linq;
        class C
        {
            double Sum(double[] x) => [|x.AsParallel().Select(v => v * v).Sum()|];
            double Loss(int[] x) => [|x.AsParallel().Sum(v => v * 0.5)|];
        }
        """, """
        using System.Linq;
        class C
        {
            double Sum(double[] x) => x.AsParallel().AsOrdered().Select(v => v * v).ToArray().Sum();
            double Loss(int[] x) => x.AsParallel().AsOrdered().ToArray().Sum(v => v * 0.5);
        }
        """);
}
