using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
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
            Filled(0, "Parallel.ForEach", "ConcurrentBag", "bag", "'ToArray' is called on it"),
            Filled(1, "Parallel.ForEach", "ConcurrentBag", "bag", "it is reduced with 'Sum' in floating point"),
            Filled(2, "Parallel.For", "ConcurrentBag", "bag", "it is returned"),
            Filled(3, "Parallel.ForEach", "BlockingCollection", "queue", "it is passed to 'ToList'"),
            Filled(4, "Parallel.ForEach", "ConcurrentQueue", "bag", "it is reduced with 'Aggregate' in floating point"),
            Filled(5, "Parallel.ForEach", "ConcurrentBag", "_losses", "'ToArray' is called on it"),
        });

    [Fact]
    public Task Flags_concurrent_bags_filled_by_ForAll_or_tasks_and_materialized_through_LINQ_in_bag_order() => Verify.AnalyzerAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;
        class Sample { public float[] Features = new float[0]; public float Label; }
        class Loader
        {
            Sample Load(string file) => new Sample();
            List<float[]> Selected(string[] files)
            {
                var bag = new ConcurrentBag<Sample>();
                Parallel.ForEach(files, file => {|#0:bag.Add(Load(file))|});
                return bag.Select(s => s.Features).ToList();
            }
            Sample[] ForAll(string[] files)
            {
                var bag = new ConcurrentBag<Sample>();
                files.AsParallel().ForAll(file => {|#1:bag.Add(Load(file))|});
                return bag.Where(s => s.Label > 0).ToArray();
            }
            async Task<List<Sample>> Tasks(string[] files)
            {
                var bag = new ConcurrentBag<Sample>();
                await Task.WhenAll(files.Select(file => Task.Run(() => {|#2:bag.Add(Load(file))|})));
                return bag.ToList();
            }
            void Written(string[] files, string path)
            {
                var lines = new ConcurrentBag<string>();
                Parallel.ForEach(files, file => {|#3:lines.Add(file + "," + Load(file).Label)|});
                File.WriteAllLines(path, lines);
            }
            List<Sample> LocalFunction(string[] files)
            {
                var bag = new ConcurrentBag<Sample>();
                void LoadOne(string file) => {|#4:bag.Add(Load(file))|};
                Parallel.ForEach(files, LoadOne);
                return bag.ToList();
            }
        }
        class Cache
        {
            private readonly ConcurrentBag<Sample> _samples = new();
            Sample Load(string file) => new Sample();
            void Add(string file) => {|#5:_samples.Add(Load(file))|};
            Sample[] Fill(string[] files)
            {
                Parallel.ForEach(files, Add);
                return _samples.ToArray();
            }
        }
        """,
        new[]
        {
            Filled(0, "Parallel.ForEach", "ConcurrentBag", "bag", "it is passed to 'ToList'"),
            Filled(1, "ForAll", "ConcurrentBag", "bag", "it is passed to 'ToArray'"),
            Filled(2, "Task.Run", "ConcurrentBag", "bag", "it is passed to 'ToList'"),
            Filled(3, "Parallel.ForEach", "ConcurrentBag", "lines", "it is passed to 'WriteAllLines'"),
            Filled(4, "Parallel.ForEach", "ConcurrentBag", "bag", "it is passed to 'ToList'"),
            Filled(5, "Parallel.ForEach", "ConcurrentBag", "_samples", "'ToArray' is called on it"),
        });

    [Fact]
    public Task Quiet_on_bags_sorted_after_LINQ_counted_or_filled_by_one_task() => Verify.AnalyzerAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        class Sample { public int Id; public float Label; }
        class Loader
        {
            Sample Load(string file) => new Sample();
            List<Sample> Sorted(string[] files)
            {
                var bag = new ConcurrentBag<Sample>();
                Parallel.ForEach(files, file => bag.Add(Load(file)));
                return bag.Where(s => s.Label > 0).OrderBy(s => s.Id).ToList();
            }
            int Counted(string[] files)
            {
                var bag = new ConcurrentBag<Sample>();
                files.AsParallel().ForAll(file => bag.Add(Load(file)));
                return bag.Select(s => s.Id).Distinct().Count();
            }
            async Task<List<Sample>> OneTask(string[] files)
            {
                var bag = new ConcurrentBag<Sample>();
                await Task.Run(() => { foreach (var file in files) { bag.Add(Load(file)); } });
                return bag.ToList();
            }
        }
        """);

    /// <summary>A concurrent collection filled by parallel work and then used in its order, at markup location <paramref name="location"/>.</summary>
    private static DiagnosticResult Filled(int location, string call, string type, string holder, string use) =>
        Verify.Diagnostic(ParallelNondeterminismAnalyzer.ConcurrentCollectionRule).WithLocation(location).WithArguments(call, type, holder, use);
}
