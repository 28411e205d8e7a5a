using System.Threading.Tasks;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseededMathNetAnalyzer, Repro.Build.CodeFixes.Rules.UnseededMathNetFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnseededMathNetTests
{
    [Fact]
    public Task Flags_unseeded_sources_defaults_distributions_samplers_and_random_matrices() => Verify.AnalyzerAsync("""
        using MathNet.Numerics.Distributions;
        using MathNet.Numerics.LinearAlgebra;
        using MathNet.Numerics.Random;
        class C
        {
            object A() => [|new MersenneTwister()|];
            object B() => [|new Mrg32k3a(threadSafe: true)|];
            object D() => [|new CryptoRandomSource()|];
            object E() => [|SystemRandomSource.Default|];
            object F() => [|MersenneTwister.Default|];
            object G() => [|new Normal(0.0, 1.0)|];
            double H() => [|Normal.Sample(0.0, 1.0)|];
            object I() => [|Matrix<double>.Build.Random(3, 4)|];
            object J() => [|Vector<double>.Build.Random(5)|];
            object K() => Matrix<double>.Build.Random(3, 4, [|new Normal()|]);
            object L() => Matrix<double>.Build.Random(3, 4, [|new ContinuousUniform()|]);
            double M() { var noise = [|new Normal()|]; return noise.Sample(); }
        }
        """, references: TestReferences.WithMathNet);

    [Fact]
    public Task Quiet_on_seeded_sources_and_explicit_random_sources() => Verify.AnalyzerAsync("""
        using MathNet.Numerics.Distributions;
        using MathNet.Numerics.LinearAlgebra;
        using MathNet.Numerics.Random;
        class C
        {
            void M()
            {
                var source = new MersenneTwister(42);
                var threadSafe = new Xoshiro256StarStar(7, threadSafe: true);
                var normal = new Normal(0.0, 1.0, source);
                var sample = Normal.Sample(source, 0.0, 1.0);
                var matrix = Matrix<double>.Build.Random(3, 4, 42);
                var fromDistribution = Matrix<double>.Build.Random(3, 4, new Normal(0.0, 1.0, source));
                var identity = Matrix<double>.Build.DenseIdentity(3);
                var density = new Normal(0.0, 1.0).Density(0.5);
                var standard = new Normal();
                var cdf = standard.CumulativeDistribution(1.0) + standard.Mean;
            }
        }
        """, references: TestReferences.WithMathNet);

    [Fact]
    public Task Quiet_on_sources_that_only_choose_what_is_displayed() => Verify.AnalyzerAsync("""
        using System.Linq;
        using MathNet.Numerics.LinearAlgebra;
        using MathNet.Numerics.Random;
        class C
        {
            void Show(Matrix<double> x)
            {
                var srs = new SystemRandomSource();
                var seq = srs.NextInt32Sequence(0, x.RowCount).Take(100).ToList();
                var sel = new Vector<double>[100];
                int idx = 0;
                foreach (int i in seq)
                {
                    sel[idx++] = x.Row(i);
                }

                DisplayData(sel);
            }
            double Train(Matrix<double> x)
            {
                var srs = [|new SystemRandomSource()|];
                var batch = srs.NextInt32Sequence(0, x.RowCount).Take(32).Select(i => x.Row(i)).ToArray();
                return Fit(batch);
            }
            void DisplayData(Vector<double>[] rows) { }
            double Fit(Vector<double>[] rows) => rows.Length;
        }
        """, references: TestReferences.WithMathNet);

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
