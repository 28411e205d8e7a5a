using System.Threading.Tasks;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnseededRandomAnalyzer, Repro.Build.CodeFixes.Rules.UnseededRandomFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class UnseededRandomFixerTests
{
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
