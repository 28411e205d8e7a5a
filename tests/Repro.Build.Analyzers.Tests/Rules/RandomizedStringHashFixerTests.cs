using System.Threading.Tasks;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.RandomizedStringHashAnalyzer, Repro.Build.CodeFixes.Rules.RandomizedStringHashFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class RandomizedStringHashFixerTests
{
    [Fact]
    public Task Fix_replaces_the_hash_with_a_stable_one() => Verify.FixAsync("""
        using System;
        class C
        {
            bool IsTest(string id) => Math.Abs([|id.GetHashCode()|]) % 10 < 2;
        }
        """, """
        using System;
        class C
        {
            bool IsTest(string id) => Math.Abs(System.BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)), 0)) % 10 < 2;
        }
        """);
}
