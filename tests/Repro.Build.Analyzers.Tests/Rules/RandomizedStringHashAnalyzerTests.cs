using System.Threading.Tasks;
using Repro.Build.Analyzers.Rules;
using Verify = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.RandomizedStringHashAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class RandomizedStringHashAnalyzerTests
{
    [Fact]
    public Task Flags_hashes_used_as_data() => Verify.AnalyzerAsync("""
        using System;
        class C
        {
            bool IsTest(string id) => Math.Abs({|#0:id.GetHashCode()|}) % 10 < 2;
            int Bucket(string id, int buckets) => ({|#1:id.GetHashCode()|} & 0x7fffffff) % buckets;
            int Slot(string id, int[] slots) => slots[{|#2:StringComparer.Ordinal.GetHashCode(id)|} & 15];
            Random Seed(string name) => new Random({|#3:name.GetHashCode()|});
            bool Before(string a, string b) => {|#4:HashCode.Combine(a)|} < {|#5:HashCode.Combine(b)|};
            bool ViaLocal(string id)
            {
                var hash = {|#6:id.GetHashCode()|};
                return hash % 5 == 0;
            }
        }
        """,
        new[]
        {
            Verify.Diagnostic(RandomizedStringHashAnalyzer.Rule).WithLocation(0).WithArguments("string.GetHashCode()", "with %"),
            Verify.Diagnostic(RandomizedStringHashAnalyzer.Rule).WithLocation(1).WithArguments("string.GetHashCode()", "with %"),
            Verify.Diagnostic(RandomizedStringHashAnalyzer.Rule).WithLocation(2).WithArguments("StringComparer.GetHashCode", "as an index"),
            Verify.Diagnostic(RandomizedStringHashAnalyzer.Rule).WithLocation(3).WithArguments("string.GetHashCode()", "a Random seed"),
            Verify.Diagnostic(RandomizedStringHashAnalyzer.Rule).WithLocation(4).WithArguments("HashCode.Combine", "in a comparison"),
            Verify.Diagnostic(RandomizedStringHashAnalyzer.Rule).WithLocation(5).WithArguments("HashCode.Combine", "in a comparison"),
            Verify.Diagnostic(RandomizedStringHashAnalyzer.Rule).WithLocation(6).WithArguments("string.GetHashCode()", "with %"),
        });

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
}
