using System.Threading.Tasks;
using ListingFix = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.UnorderedDirectoryListingAnalyzer, Repro.Build.CodeFixes.Rules.UnorderedDirectoryListingFixer>;
using ParallelFix = Repro.Build.Analyzers.Tests.Verifier<Repro.Build.Analyzers.Rules.ParallelNondeterminismAnalyzer, Repro.Build.CodeFixes.Rules.ParallelNondeterminismFixer>;

namespace Repro.Build.Analyzers.Tests.Rules;

public sealed class DirectoryAndParallelFixTests
{
    [Fact]
    public Task Listing_fix_sorts_the_local_ordinally() => ListingFix.FixAsync("""
        using System;
        using System.IO;
        class C
        {
            void Load(string folder)
            {
                var files = [|Directory.GetFiles(folder, "*.csv")|];
                foreach (var file in files) { }
            }
        }
        """, """
        using System;
        using System.IO;
        class C
        {
            void Load(string folder)
            {
                var files = Directory.GetFiles(folder, "*.csv");
                Array.Sort(files, StringComparer.Ordinal);
                foreach (var file in files) { }
            }
        }
        """);

    [Fact]
    public Task Parallel_fix_adds_AsOrdered() => ParallelFix.FixAsync("""
        using System.Linq;
        class C
        {
            double[] A(double[] x) => [|x.AsParallel().Select(v => v * 2).ToArray()|];
        }
        """, """
        using System.Linq;
        class C
        {
            double[] A(double[] x) => x.AsParallel().AsOrdered().Select(v => v * 2).ToArray();
        }
        """);
}
