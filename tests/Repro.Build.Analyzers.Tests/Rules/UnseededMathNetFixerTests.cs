using System.Threading.Tasks;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseededMathNetAnalyzer, Repro.Build.CodeFixes.Rules.UnseededMathNetFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnseededMathNetFixerTests
{
    [Fact]
    public Task Fix_appends_the_seed() => Verify.FixAsync("""
        using MathNet.Numerics.LinearAlgebra;
        using MathNet.Numerics.Random;
        class C
        {
            object A() => [|new MersenneTwister()|];
            object B() => [|Matrix<double>.Build.Random(3, 4)|];
        }
        """, """
        using MathNet.Numerics.LinearAlgebra;
        using MathNet.Numerics.Random;
        class C
        {
            object A() => new MersenneTwister(42);
            object B() => Matrix<double>.Build.Random(3, 4, 42);
        }
        """, references: TestReferences.WithMathNet);
}
