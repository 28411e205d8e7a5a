using System.Threading.Tasks;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.RandomizedStringHashAnalyzer, Repro.Build.CodeFixes.Rules.RandomizedStringHashFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class RandomizedStringHashTests
{
    [Fact]
    public Task Flags_hashes_used_as_data() => Verify.AnalyzerAsync("""
        using System;
        class C
        {
            bool IsTest(string id) => Math.Abs([|id.GetHashCode()|]) % 10 < 2;
            int Bucket(string id, int buckets) => ([|id.GetHashCode()|] & 0x7fffffff) % buckets;
            int Slot(string id, int[] slots) => slots[[|StringComparer.Ordinal.GetHashCode(id)|] & 15];
            Random Seed(string name) => new Random([|name.GetHashCode()|]);
            bool Before(string a, string b) => [|HashCode.Combine(a)|] < [|HashCode.Combine(b)|];
            bool ViaLocal(string id)
            {
                var hash = [|id.GetHashCode()|];
                return hash % 5 == 0;
            }
        }
        """);

    [Fact]
    public Task Quiet_in_hash_code_implementations_and_when_not_used_as_data() => Verify.AnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        sealed class Key : IEquatable<Key>
        {
            public string Name = "";
            public override int GetHashCode() => Name.GetHashCode() % 31;
            public bool Equals(Key? other) => other is not null && other.Name == Name;
            public override bool Equals(object? obj) => Equals(obj as Key);
        }
        sealed class Comparer : IEqualityComparer<string>
        {
            public bool Equals(string? x, string? y) => x == y;
            public int GetHashCode(string s) => s.GetHashCode() % 7;
        }
        class C
        {
            int Pass(string s) => s.GetHashCode();
            int Stable(int id) => id.GetHashCode() % 10;
        }
        """);

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
