using System.Threading.Tasks;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseededMathNetAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnseededMathNetAnalyzerTests
{
    [Fact]
    public Task Flags_unseeded_sources_defaults_distributions_samplers_and_random_matrices() => Verify.AnalyzerAsync("""
        using MathNet.Numerics.Distributions;
        using MathNet.Numerics.LinearAlgebra;
        using MathNet.Numerics.Random;
        class C
        {
            object A() => {|#0:new MersenneTwister()|};
            object B() => {|#1:new Mrg32k3a(threadSafe: true)|};
            object D() => {|#2:new CryptoRandomSource()|};
            object E() => {|#3:SystemRandomSource.Default|};
            object F() => {|#4:MersenneTwister.Default|};
            object G() => {|#5:new Normal(0.0, 1.0)|};
            double H() => {|#6:Normal.Sample(0.0, 1.0)|};
            object I() => {|#7:Matrix<double>.Build.Random(3, 4)|};
            object J() => {|#8:Vector<double>.Build.Random(5)|};
            object K() => Matrix<double>.Build.Random(3, 4, {|#9:new Normal()|});
            object L() => Matrix<double>.Build.Random(3, 4, {|#10:new ContinuousUniform()|});
            double M() { var noise = {|#11:new Normal()|}; return noise.Sample(); }
        }
        """,
        new[]
        {
            Verify.Diagnostic(UnseededMathNetAnalyzer.UnseededSourceRule).WithLocation(0).WithArguments("MersenneTwister"),
            Verify.Diagnostic(UnseededMathNetAnalyzer.UnseededSourceRule).WithLocation(1).WithArguments("Mrg32k3a"),
            Verify.Diagnostic(UnseededMathNetAnalyzer.CryptoSourceRule).WithLocation(2),
            Verify.Diagnostic(UnseededMathNetAnalyzer.DefaultSourceRule).WithLocation(3).WithArguments("SystemRandomSource"),
            Verify.Diagnostic(UnseededMathNetAnalyzer.DefaultSourceRule).WithLocation(4).WithArguments("MersenneTwister"),
            Verify.Diagnostic(UnseededMathNetAnalyzer.DistributionRule).WithLocation(5).WithArguments("Normal", "…"),
            Verify.Diagnostic(UnseededMathNetAnalyzer.StaticSampleRule).WithLocation(6).WithArguments("Normal", "Sample"),
            Verify.Diagnostic(UnseededMathNetAnalyzer.RandomMatrixRule).WithLocation(7),
            Verify.Diagnostic(UnseededMathNetAnalyzer.RandomMatrixRule).WithLocation(8),
            Verify.Diagnostic(UnseededMathNetAnalyzer.DistributionRule).WithLocation(9).WithArguments("Normal", ""),
            Verify.Diagnostic(UnseededMathNetAnalyzer.DistributionRule).WithLocation(10).WithArguments("ContinuousUniform", ""),
            Verify.Diagnostic(UnseededMathNetAnalyzer.DistributionRule).WithLocation(11).WithArguments("Normal", ""),
        },
        references: TestReferences.WithMathNet);

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
}
