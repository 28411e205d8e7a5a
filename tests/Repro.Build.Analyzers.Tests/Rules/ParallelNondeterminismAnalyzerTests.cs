using System.Threading.Tasks;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.ParallelNondeterminismAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class ParallelNondeterminismAnalyzerTests
{
    [Fact]
    public Task Flags_unordered_results_and_parallel_float_reductions() => Verify.AnalyzerAsync("""
        using System.Linq;
        class C
        {
            double[] A(double[] x) => {|#0:x.AsParallel().Select(v => v * 2).ToArray()|};
            int B(int[] x) => {|#1:x.AsParallel().Where(v => v > 0).First()|};
            double Sum(double[] x) => {|#2:x.AsParallel().Sum()|};
            float Mean(float[] x) => {|#3:x.AsParallel().Average()|};
            double Loss(int[] x) => {|#4:x.AsParallel().Sum(v => v * 0.5)|};
            int[] Unordered(int[] x) => {|#5:x.AsParallel().AsOrdered().AsUnordered().ToArray()|};
        }
        """,
        new[]
        {
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.OrderRule).WithLocation(0).WithArguments("ToArray"),
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.OrderRule).WithLocation(1).WithArguments("First"),
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.ReductionRule).WithLocation(2).WithArguments("Sum"),
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.ReductionRule).WithLocation(3).WithArguments("Average"),
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.ReductionRule).WithLocation(4).WithArguments("Sum"),
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.OrderRule).WithLocation(5).WithArguments("ToArray"),
        });

    [Fact]
    public Task Quiet_on_ordered_queries_and_integer_reductions() => Verify.AnalyzerAsync("""
        using System.Linq;
        class C
        {
            double[] A(double[] x) => x.AsParallel().AsOrdered().Select(v => v * 2).ToArray();
            int[] B(int[] x) => x.AsParallel().OrderBy(v => v).ToArray();
            long Count(int[] x) => x.AsParallel().LongCount(v => v > 0);
            int Total(int[] x) => x.AsParallel().Sum();
            double Sequential(double[] x) => x.AsParallel().AsOrdered().Select(v => v * v).ToArray().Sum();
            bool Any(double[] x) => x.AsParallel().Any(v => v < 0);
        }
        """);

    [Fact]
    public Task Flags_parallel_loops_accumulating_into_captured_floating_point() => Verify.AnalyzerAsync("""
        using System.Threading.Tasks;
        class C
        {
            double _total;
            double Loss(double[] errors)
            {
                double loss = 0;
                Parallel.For(0, errors.Length, i => { {|#0:loss += errors[i] * errors[i]|}; });
                Parallel.ForEach(errors, e => { {|#1:_total += e|}; });
                return loss;
            }
            void Quiet(double[] values, double[] squares, int[] counts)
            {
                int hits = 0;
                Parallel.For(0, values.Length, i =>
                {
                    double local = 0;
                    local += values[i];
                    squares[i] = local * local;
                    hits += counts[i];
                });
            }
        }
        """,
        new[]
        {
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.AccumulatorRule).WithLocation(0).WithArguments("For", "loss"),
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.AccumulatorRule).WithLocation(1).WithArguments("ForEach", "_total"),
        });

    [Fact]
    public Task Flags_concurrent_bags_whose_order_is_used_after_a_parallel_loop() => Verify.AnalyzerAsync("""
        using System.Collections.Concurrent;
        using System.Linq;
        using System.Threading.Tasks;
        class C
        {
            double[] Unordered(double[] x)
            {
                var bag = new ConcurrentBag<double>();
                Parallel.ForEach(x, v => {|#0:bag.Add(v * 2)|});
                return bag.ToArray();
            }
            double[] Sorted(double[] x)
            {
                var bag = new ConcurrentBag<double>();
                Parallel.ForEach(x, v => bag.Add(v * 2));
                return bag.OrderBy(v => v).ToArray();
            }
            int Counted(double[] x)
            {
                var bag = new ConcurrentBag<double>();
                Parallel.ForEach(x, v => bag.Add(v));
                return bag.Count;
            }
            double Summed(double[] x)
            {
                var bag = new ConcurrentBag<double>();
                Parallel.ForEach(x, v => {|#1:bag.Add(v * 2)|});
                return bag.Sum();
            }
            long IntegerSum(int[] x)
            {
                var bag = new ConcurrentBag<long>();
                Parallel.ForEach(x, v => bag.Add(v));
                return bag.Sum();
            }
            ConcurrentBag<double> Returned(double[] x)
            {
                var bag = new ConcurrentBag<double>();
                Parallel.For(0, x.Length, i => {|#2:bag.Add(x[i])|});
                return bag;
            }
            System.Collections.Generic.List<double> Wrapped(double[] x)
            {
                var queue = new BlockingCollection<double>(new ConcurrentBag<double>());
                Parallel.ForEach(x, v => {|#3:queue.Add(v)|});
                queue.CompleteAdding();
                return queue.ToList();
            }
            double Aggregated(double[] x)
            {
                var bag = new ConcurrentQueue<double>();
                Parallel.ForEach(x, v => {|#4:bag.Enqueue(v)|});
                return bag.Aggregate(0.0, (a, b) => a + b);
            }
        }
        class Field
        {
            private readonly ConcurrentBag<float> _losses = new();
            void Train(float[] x) => Parallel.ForEach(x, v => {|#5:_losses.Add(v)|});
            float[] Losses() => _losses.ToArray();
        }
        """,
        new[]
        {
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.ConcurrentCollectionRule).WithLocation(0).WithArguments("ForEach", "ConcurrentBag", "bag", "'ToArray' is called on it"),
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.ConcurrentCollectionRule).WithLocation(1).WithArguments("ForEach", "ConcurrentBag", "bag", "it is reduced with 'Sum' in floating point"),
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.ConcurrentCollectionRule).WithLocation(2).WithArguments("For", "ConcurrentBag", "bag", "it is returned"),
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.ConcurrentCollectionRule).WithLocation(3).WithArguments("ForEach", "BlockingCollection", "queue", "it is passed to 'ToList'"),
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.ConcurrentCollectionRule).WithLocation(4).WithArguments("ForEach", "ConcurrentQueue", "bag", "it is reduced with 'Aggregate' in floating point"),
            Verify.Diagnostic(ParallelNondeterminismAnalyzer.ConcurrentCollectionRule).WithLocation(5).WithArguments("ForEach", "ConcurrentBag", "_losses", "'ToArray' is called on it"),
        });
}
