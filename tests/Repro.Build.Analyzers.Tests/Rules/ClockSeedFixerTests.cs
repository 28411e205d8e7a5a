using System.Threading.Tasks;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.ClockSeedAnalyzer, Repro.Build.CodeFixes.Rules.ClockSeedFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class ClockSeedFixerTests
{
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
