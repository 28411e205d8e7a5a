using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseededRandomAnalyzer, Repro.Build.CodeFixes.Rules.UnseededRandomFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnseededRandomTests
{
    [Fact]
    public Task Flags_explicit_parameterless_constructor() => Verify.AnalyzerAsync("""
        using System;
        class C
        {
            int M() => [|new Random()|].Next();
        }
        """);

    [Fact]
    public Task Flags_target_typed_new() => Verify.AnalyzerAsync("""
        using System;
        class C
        {
            Random _random = [|new()|];
            int M() { Random local = [|new()|]; return local.Next() + _random.Next(); }
        }
        """);

    [Fact]
    public Task Flags_fully_qualified_and_object_initializer() => Verify.AnalyzerAsync("""
        class C
        {
            object A() => [|new System.Random()|];
            object B() => [|new System.Random { }|];
        }
        """);

    [Fact]
    public Task Flags_in_top_level_statements_and_lambdas() => Verify.AnalyzerAsync("""
        using System;
        using System.Linq;
        var values = Enumerable.Range(0, 3).Select(_ => [|new Random()|].Next()).ToArray();
        """, OutputKind.ConsoleApplication);

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

    [Fact]
    public Task Fix_inserts_a_literal_seed() => Verify.FixAsync("""
        using System;
        class C
        {
            Random _a = [|new Random()|];
            Random _b = [|new()|];
            Random _c = [|new Random { }|];
            int Draw() => _a.Next() + _b.Next() + _c.Next();
        }
        """, """
        using System;
        class C
        {
            Random _a = new Random(42);
            Random _b = new(42);
            Random _c = new Random(42) { };
            int Draw() => _a.Next() + _b.Next() + _c.Next();
        }
        """);

    [Fact]
    public Task Fix_uses_the_projects_ReproSeed() => Verify.FixAsync("""
        using System;
        class C
        {
            Random _a = [|new Random()|];
            int Draw() => _a.Next();
        }
        """, """
        using System;
        class C
        {
            Random _a = new Random(1234);
            int Draw() => _a.Next();
        }
        """, editorConfig: """
        is_global = true
        build_property.ReproSeed = 1234
        """);

    [Fact]
    public Task Fix_ignores_a_ReproSeed_that_is_not_an_integer() => Verify.FixAsync("""
        using System;
        class C
        {
            Random _a = [|new Random()|];
            int Draw() => _a.Next();
        }
        """, """
        using System;
        class C
        {
            Random _a = new Random(42);
            int Draw() => _a.Next();
        }
        """, editorConfig: """
        is_global = true
        build_property.ReproSeed = forty-two
        """);

    [Fact]
    public Task Fix_drops_a_comment_about_the_missing_seed() => Verify.FixAsync("""
        using System;
        class C
        {
            Random _a = [|new Random(/* no seed yet */)|];
            int Draw() => _a.Next();
        }
        """, """
        using System;
        class C
        {
            Random _a = new Random(42);
            int Draw() => _a.Next();
        }
        """);
}
