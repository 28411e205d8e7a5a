using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseededRandomAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnseededRandomAnalyzerTests
{
    [Fact]
    public Task Flags_explicit_parameterless_constructor() => Verify.AnalyzerAsync("""
        using System;
        class C
        {
            int M() => {|#0:new Random()|}.Next();
        }
        """,
        new[]
        {
            Verify.Diagnostic(UnseededRandomAnalyzer.Rule).WithLocation(0),
        });

    [Fact]
    public Task Flags_target_typed_new() => Verify.AnalyzerAsync("""
        using System;
        class C
        {
            Random _random = {|#0:new()|};
            int M() { Random local = {|#1:new()|}; return local.Next() + _random.Next(); }
        }
        """,
        new[]
        {
            Verify.Diagnostic(UnseededRandomAnalyzer.Rule).WithLocation(0),
            Verify.Diagnostic(UnseededRandomAnalyzer.Rule).WithLocation(1),
        });

    [Fact]
    public Task Flags_fully_qualified_and_object_initializer() => Verify.AnalyzerAsync("""
        class C
        {
            object A() => {|#0:new System.Random()|};
            object B() => {|#1:new System.Random { }|};
        }
        """,
        new[]
        {
            Verify.Diagnostic(UnseededRandomAnalyzer.Rule).WithLocation(0),
            Verify.Diagnostic(UnseededRandomAnalyzer.Rule).WithLocation(1),
        });

    [Fact]
    public Task Flags_in_top_level_statements_and_lambdas() => Verify.AnalyzerAsync("""
        using System;
        using System.Linq;
        var values = Enumerable.Range(0, 3).Select(_ => {|#0:new Random()|}.Next()).ToArray();
        """,
        new[]
        {
            Verify.Diagnostic(UnseededRandomAnalyzer.Rule).WithLocation(0),
        },
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Quiet_on_seeded_generators() => Verify.AnalyzerAsync("""
        using System;
        class C
        {
            const int Seed = 7;
            Random a = new Random(42);
            Random b = new(Seed);
            Random c = new Random(Seed: Seed);
        }
        """);

    [Fact]
    public Task Quiet_on_generators_nothing_draws_from() => Verify.AnalyzerAsync("""
        using System;
        using System.Linq;
        class C
        {
            private readonly Random _unused = new Random();
            int[] Order(int count)
            {
                bool shuffle = false;
                var random = new Random();
                return !shuffle ? Enumerable.Range(0, count).ToArray() : Enumerable.Range(0, count).OrderBy(_ => random.Next()).ToArray();
            }
            void Init(double[] weights)
            {
                var random = new Random();
                Fill(weights, random);
            }
            void Fill(double[] weights, Random random)
            {
                for (var i = 0; i < weights.Length; i++) weights[i] = 0.01;
            }
            void ShowOne(string[] rows)
            {
                var random = new Random();
                Console.WriteLine(rows[random.Next(rows.Length)]);
            }
        }
        """);

    [Fact]
    public Task Quiet_on_other_types_and_derived_generators() => Verify.AnalyzerAsync("""
        using System;
        class MyRandom : Random
        {
            public MyRandom() : base(3) { }
        }
        class Random2 { }
        class C
        {
            object A() => new MyRandom();
            object B() => new Random2();
            object D() => Random.Shared;
        }
        """);

    [Fact]
    public Task Quiet_when_a_local_type_named_Random_shadows_System_Random() => Verify.AnalyzerAsync("""
        namespace App
        {
            class Random { }
            class C { object M() => new Random(); }
        }
        """);
}
