using System.Threading.Tasks;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.ClockSeedAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class ClockSeedAnalyzerTests
{
    [Fact]
    public Task Flags_seeds_from_clocks_guids_and_entropy() => Verify.AnalyzerAsync("""
        using System;
        using System.Diagnostics;
        using System.Security.Cryptography;
        class C
        {
            Random A() => new Random({|#0:Environment.TickCount|});
            Random B() => new Random({|#1:(int)DateTime.Now.Ticks|});
            Random D() => new Random({|#2:DateTime.UtcNow.Millisecond|});
            Random E() => new Random({|#3:(int)Stopwatch.GetTimestamp()|});
            Random F() => new Random({|#4:Guid.NewGuid().GetHashCode()|});
            Random G() => new({|#5:RandomNumberGenerator.GetInt32(int.MaxValue)|});
            Random H() => new Random(Seed: {|#6:unchecked((int)Environment.TickCount64)|});
        }
        """,
        new[]
        {
            Verify.Diagnostic(ClockSeedAnalyzer.Rule).WithLocation(0).WithArguments("Random", "Environment.TickCount"),
            Verify.Diagnostic(ClockSeedAnalyzer.Rule).WithLocation(1).WithArguments("Random", "DateTime.Now"),
            Verify.Diagnostic(ClockSeedAnalyzer.Rule).WithLocation(2).WithArguments("Random", "DateTime.UtcNow"),
            Verify.Diagnostic(ClockSeedAnalyzer.Rule).WithLocation(3).WithArguments("Random", "Stopwatch.GetTimestamp"),
            Verify.Diagnostic(ClockSeedAnalyzer.Rule).WithLocation(4).WithArguments("Random", "Guid.NewGuid"),
            Verify.Diagnostic(ClockSeedAnalyzer.Rule).WithLocation(5).WithArguments("Random", "RandomNumberGenerator.GetInt32"),
            Verify.Diagnostic(ClockSeedAnalyzer.Rule).WithLocation(6).WithArguments("Random", "Environment.TickCount64"),
        });

    [Fact]
    public Task Follows_a_local_assigned_once() => Verify.AnalyzerAsync("""
        using System;
        class C
        {
            Random M()
            {
                var seed = Environment.TickCount;
                Console.WriteLine(seed);
                return new Random({|#0:seed|});
            }
        }
        """,
        new[]
        {
            Verify.Diagnostic(ClockSeedAnalyzer.Rule).WithLocation(0).WithArguments("Random", "Environment.TickCount"),
        });

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
            MLContext M() => new MLContext(seed: {|#0:Environment.TickCount|});
        }
        """,
        new[]
        {
            Verify.Diagnostic(ClockSeedAnalyzer.Rule).WithLocation(0).WithArguments("MLContext", "Environment.TickCount"),
        },
        references: TestReferences.WithMLNet);
}
