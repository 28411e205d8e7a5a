using System.Threading.Tasks;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.RandomOrderingAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class RandomOrderingTests
{
    [Fact]
    public Task Flags_orderings_on_random_keys() => Verify.AnalyzerAsync("""
        using System;
        using System.Linq;
        class C
        {
            int[] A(int[] rows) => [|rows.OrderBy(_ => Guid.NewGuid())|].ToArray();
            int[] B(int[] rows) => [|rows.OrderByDescending(r => Random.Shared.Next())|].ToArray();
            int[] D(int[] rows) => [|rows.OrderBy(r => r % 2).ThenBy(_ => DateTime.Now.Ticks)|].ToArray();
            IQueryable<int> E(IQueryable<int> rows) => [|rows.OrderBy(_ => Guid.NewGuid())|];
        }
        """);

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
