using System.Threading.Tasks;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.ClockSeedAnalyzer, Repro.Build.CodeFixes.Rules.ClockSeedFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class ClockSeedTests
{
    [Fact]
    public Task Flags_seeds_from_clocks_guids_and_entropy() => Verify.AnalyzerAsync("""
        using System;
        using System.Diagnostics;
        using System.Security.Cryptography;
        class C
        {
            Random A() => new Random([|Environment.TickCount|]);
            Random B() => new Random([|(int)DateTime.Now.Ticks|]);
            Random D() => new Random([|DateTime.UtcNow.Millisecond|]);
            Random E() => new Random([|(int)Stopwatch.GetTimestamp()|]);
            Random F() => new Random([|Guid.NewGuid().GetHashCode()|]);
            Random G() => new([|RandomNumberGenerator.GetInt32(int.MaxValue)|]);
            Random H() => new Random(Seed: [|unchecked((int)Environment.TickCount64)|]);
        }
        """);

    [Fact]
    public Task Follows_a_local_assigned_once() => Verify.AnalyzerAsync("""
        using System;
        class C
        {
            Random M()
            {
                var seed = Environment.TickCount;
                Console.WriteLine(seed);
                return new Random([|seed|]);
            }
        }
        """);

    [Fact]
    public Task Quiet_on_fixed_seeds_and_locals_assigned_more_than_once() => Verify.AnalyzerAsync("""
        using System;
        class C
        {
            const int Seed = 42;
            Random A() => new Random(Seed);
            Random B(int seed) => new Random(seed);
            Random D()
            {
                var seed = Environment.TickCount;
                seed = 7;
                return new Random(seed);
            }
            Random E() => new Random(Environment.ProcessorCount);
            long F() => DateTime.Now.Ticks;
        }
        """);

    [Fact]
    public Task Flags_MLContext_seeded_from_the_clock() => Verify.AnalyzerAsync("""
        using System;
        using Microsoft.ML;
        class C
        {
            MLContext M() => new MLContext(seed: [|Environment.TickCount|]);
        }
        """, references: TestReferences.WithMLNet);

    [Fact]
    public Task Fix_puts_a_fixed_seed_in_place() => Verify.FixAsync("""
        using System;
        class C
        {
            Random A() => new Random([|Environment.TickCount|]);
            Random B() => new Random([|(int)DateTime.Now.Ticks|]);
        }
        """, """
        using System;
        class C
        {
            Random A() => new Random(42);
            Random B() => new Random(42);
        }
        """);

    [Fact]
    public Task Fix_removes_a_clock_derived_local_that_only_seeded_the_generator() => Verify.FixAsync("""
        using System;
        class C
        {
            Random A()
            {
                var ticks = DateTime.Now.Ticks;
                return new Random([|(int)ticks|]);
            }
            Random B()
            {
                var seed = Environment.TickCount;
                Console.WriteLine($"seed {seed}");
                return new Random([|seed|]);
            }
        }
        """, """
        using System;
        class C
        {
            Random A()
            {
                return new Random(42);
            }
            Random B()
            {
                var seed = 42;
                Console.WriteLine($"seed {seed}");
                return new Random(seed);
            }
        }
        """);

    [Fact]
    public Task Fix_works_in_top_level_statements() => Verify.FixAsync("""
        using System;
        var seed = Environment.TickCount;
        var random = new Random([|seed|]);
        Console.WriteLine(random.Next());
        """, """
        using System;
        var random = new Random(42);
        Console.WriteLine(random.Next());
        """, outputKind: Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);
}
