using System.Threading.Tasks;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.RandomOrderingAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class RandomOrderingAnalyzerTests
{
    [Fact]
    public Task Flags_orderings_on_random_keys() => Verify.AnalyzerAsync("""
        using System;
        using System.Linq;
        class C
        {
            int[] A(int[] rows) => {|#0:rows.OrderBy(_ => Guid.NewGuid())|}.ToArray();
            int[] B(int[] rows) => {|#1:rows.OrderByDescending(r => Random.Shared.Next())|}.ToArray();
            int[] D(int[] rows) => {|#2:rows.OrderBy(r => r % 2).ThenBy(_ => DateTime.Now.Ticks)|}.ToArray();
            IQueryable<int> E(IQueryable<int> rows) => {|#3:rows.OrderBy(_ => Guid.NewGuid())|};
        }
        """,
        new[]
        {
            Verify.Diagnostic(RandomOrderingAnalyzer.Rule).WithLocation(0).WithArguments("OrderBy", "Guid.NewGuid"),
            Verify.Diagnostic(RandomOrderingAnalyzer.Rule).WithLocation(1).WithArguments("OrderByDescending", "Random.Shared"),
            Verify.Diagnostic(RandomOrderingAnalyzer.Rule).WithLocation(2).WithArguments("ThenBy", "DateTime.Now"),
            Verify.Diagnostic(RandomOrderingAnalyzer.Rule).WithLocation(3).WithArguments("OrderBy", "Guid.NewGuid"),
        });

    [Fact]
    public Task Quiet_on_deterministic_keys_and_seeded_shuffles() => Verify.AnalyzerAsync("""
        using System;
        using System.Linq;
        class C
        {
            int[] A(int[] rows) => rows.OrderBy(r => r).ThenByDescending(r => r.ToString()).ToArray();
            int[] B(int[] rows)
            {
                var random = new Random(42);
                return rows.OrderBy(_ => random.Next()).ToArray();
            }
            void D(int[] rows) => new Random(42).Shuffle(rows);
        }
        """);
}
